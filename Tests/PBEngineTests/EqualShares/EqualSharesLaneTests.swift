@testable import PBEngine
import Testing

/// A run that splits its long passes over two threads (the 10 M-ballot path: supporter
/// entries summed per class in two halves, classes brought up to date in two halves,
/// funded supporters moved to their new classes in two halves) gives the run of one
/// thread, and both give the plain definition's outcome. The split thresholds are set to
/// 1 so that every pass splits, even on small elections.
@Suite("Equal Shares: two lanes equal one")
struct EqualSharesLaneTests {
    /// Approval ballots, mostly distinct, over many projects with varied costs: many budget
    /// classes and groups per project after a few rounds.
    static func randomElection(seed: UInt64) -> Election {
        var g = SplitMix64(seed: seed)
        let m = 4 + Int(g.next(upperBound: 10))
        let n = 20 + Int(g.next(upperBound: 300))
        let projects = (0..<m).map { i in
            Project(id: "p\(i)", cost: Rational(1 + Int(g.next(upperBound: 60)), 1 + Int(g.next(upperBound: 3))))
        }
        var lists: [[Int]] = []
        for _ in 0..<n {
            if !lists.isEmpty && g.next(upperBound: 5) == 0 {
                lists.append(lists[Int(g.next(upperBound: UInt64(lists.count)))])
                continue
            }
            lists.append((0..<m).filter { _ in g.next(upperBound: 3) == 0 }.shuffled(using: &g))
        }
        return Election(projects: projects, budget: Rational(10 + Int(g.next(upperBound: 200))), ballots: Ballots(lists))
    }

    /// Two runs that must agree on everything a run records: funded order, each round's
    /// `rho`, effective votes, payers and (with ``EqualSharesRun/findsRunnerUp``) runner-up
    /// and rivals, and the leftovers.
    static func expectSameRun(_ a: EqualSharesRun.Record, _ b: EqualSharesRun.Record, _ what: String) {
        #expect(a.funded == b.funded, "\(what)")
        #expect(a.rounds.map(\.rho) == b.rounds.map(\.rho), "\(what)")
        #expect(a.rounds.map(\.effectiveVotes) == b.rounds.map(\.effectiveVotes), "\(what)")
        #expect(a.rounds.map(\.paidAll) == b.rounds.map(\.paidAll), "\(what)")
        #expect(a.rounds.map(\.runnerUp) == b.rounds.map(\.runnerUp), "\(what)")
        #expect(a.rounds.map(\.runnerUps) == b.rounds.map(\.runnerUps), "\(what)")
        #expect(a.rounds.map(\.rivals) == b.rounds.map(\.rivals), "\(what)")
        #expect(a.rounds.map(\.rivalFloor) == b.rounds.map(\.rivalFloor), "\(what)")
        #expect(a.rounds.map(\.richPoints) == b.rounds.map(\.richPoints), "\(what)")
        #expect(a.leftoverTotal == b.leftoverTotal && a.leftoverMax == b.leftoverMax, "\(what)")
        #expect(a.votersSpentOut == b.votersSpentOut, "\(what)")
    }

    @Test(arguments: 0..<60)
    func twoLanesEqualOne(seed: Int) throws {
        let election = Self.randomElection(seed: UInt64(seed))
        let profile = EqualSharesProfile(election, parts: 1 + seed % 3)
        let chain: [TieCriterion] = [.cost, .votes, .id]
        let ties = TieBreaking(chain: chain, election: election)
        let share = election.budget / Rational(election.ballots.count)
        for utility in Utility.allCases {
            let one = EqualSharesRun(profile: profile, utility: utility, ties: ties)
            let two = EqualSharesRun(profile: profile, utility: utility, ties: ties)
            two.lanes = 2
            two.parallelEntries = 1
            two.parallelGroups = 1
            let a = try one.run(share: share)
            let b = try two.run(share: share)
            let what = "seed \(seed) \(utility)"
            Self.expectSameRun(a, b, what)
            let plain = try PlainEqualShares(election, utility: utility, chain: chain).mes(share: share)
            #expect(b.funded == plain.funded, "\(what)")
            #expect(b.rounds.map(\.rho) == plain.rhos, "\(what)")
            #expect(b.leftoverTotal == plain.leftover && b.leftoverMax == plain.leftoverMax, "\(what)")
        }
    }
}
