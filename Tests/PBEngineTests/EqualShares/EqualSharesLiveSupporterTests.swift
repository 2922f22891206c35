@testable import PBEngine
import Testing

/// A run of approval ballots on one lane keeps, per project, the supporters who still hold
/// money in a list of its own (``EqualSharesRun/compactedEntries``), written at the
/// project's first pass in a run from the profile's list and shortened in place after.
/// After every round, each project's list must be its supporters in the profile's order
/// less some spent ones, every supporter left out must be spent, and the groups an
/// evaluation collects must equal a plain pass over the profile's supporters. Runs follow
/// each other on the same engine, as add1's do, and must give what an engine that never
/// keeps such lists gives.
@Suite("Equal Shares: live supporter lists")
struct EqualSharesLiveSupporterTests {
    /// Per-class weights of `p`'s supporters with money, from the profile's own list.
    static func plainGroups(_ engine: EqualSharesRun, _ p: Int) -> [Int32: Int] {
        let profile = engine.profile
        var sums: [Int32: Int] = [:]
        for k in profile.supporters(of: p) {
            let j = Int(profile.supporterBallot[k])
            let c = engine.budgetClass(ofBallot: j)
            if c != 0 { sums[c, default: 0] += Int(profile.ballotWeight[j]) }
        }
        return sums
    }

    @Test(arguments: 0..<60)
    func listsMatchAPlainPass(seed: Int) throws {
        let election = EqualSharesLaneTests.randomElection(seed: UInt64(seed))
        let profile = EqualSharesProfile(election)
        let ties = TieBreaking(chain: [.cost, .votes, .id], election: election)
        let base = election.budget / Rational(election.ballots.count)
        for utility in Utility.allCases {
            let compacting = EqualSharesRun(profile: profile, utility: utility, ties: ties)
            let plain = EqualSharesRun(profile: profile, utility: utility, ties: ties)
            plain.compactedEntries = 0
            compacting.findsRunnerUp = true
            plain.findsRunnerUp = true
            var rounds = 0
            compacting.afterRound = { engine in
                rounds += 1
                for p in 0..<profile.projectCount {
                    let live = engine.liveSupporters(of: p)
                    let all = Array(profile.supporterBallot[profile.supporters(of: p)])
                    let kept = Set(live)
                    #expect(all.filter { kept.contains($0) } == live && kept.count == live.count, "seed \(seed) project \(p): its supporters in the profile's order")
                    #expect(all.allSatisfy { kept.contains($0) || engine.budgetClass(ofBallot: Int($0)) == 0 }, "seed \(seed) project \(p): only spent ballots left out")
                    let groups = engine.collectedGroups(of: p)
                    #expect(Set(groups.map(\.cls)).count == groups.count, "seed \(seed) project \(p): one group per class")
                    #expect(groups.allSatisfy { $0.cls != 0 && $0.weight > 0 }, "seed \(seed) project \(p): groups hold money")
                    let collected = Dictionary(uniqueKeysWithValues: groups.map { ($0.cls, $0.weight) })
                    #expect(collected == Self.plainGroups(engine, p), "seed \(seed) project \(p) after round \(rounds)")
                    // Collecting left every spent supporter out.
                    let after = engine.liveSupporters(of: p)
                    #expect(after.allSatisfy { engine.budgetClass(ofBallot: Int($0)) != 0 }, "seed \(seed) project \(p): live part holds money")
                }
            }
            // Shares one unit apart on the same engines, as add1 runs them.
            for step in 0..<3 {
                let share = base + Rational(step)
                let a = try compacting.run(share: share)
                let b = try plain.run(share: share)
                let what = "seed \(seed) \(utility) share \(share)"
                EqualSharesLaneTests.expectSameRun(a, b, what)
            }
            #expect(rounds > 0, "seed \(seed) \(utility): the checks ran")
        }
    }

    /// Over all seeds, the lists did leave spent supporters out (the checks above are not vacuous).
    @Test func compactionHappens() throws {
        var spent = 0
        for seed in 0..<20 {
            let election = EqualSharesLaneTests.randomElection(seed: UInt64(seed))
            let profile = EqualSharesProfile(election)
            let engine = EqualSharesRun(profile: profile, utility: .cost, ties: TieBreaking(chain: [.cost, .votes, .id], election: election))
            _ = try engine.run(share: election.budget / Rational(election.ballots.count))
            for p in 0..<profile.projectCount { spent += profile.supporters(of: p).count - engine.liveSupporters(of: p).count }
        }
        #expect(spent > 0)
    }
}
