@testable import PBEngine
import Testing

/// A run of approval ballots on one lane keeps each budget class as the set of fundings it
/// paid in and a 63-bit key (its budget as a fraction of the share, from below); the keys
/// decide comparisons unless they are too close, and then the budgets are formed exactly
/// (``EqualSharesRun/exactComparisons`` counts those). A run on two lanes keeps every
/// budget as a GMP integer instead. Both must give the plain definition's run.
@Suite("Equal Shares: budget classes as funding sets and keys")
struct EqualSharesMaskedTests {
    /// Hand-worked: 4 voters, budget 40, share 10. A (cost 20) has two supporters, B (cost
    /// 30) two. A's supporters can pay 10 each, exactly what they hold: A is funded at
    /// `tau = 10` (`rho = 10 / 20 = 1/2`), both pay everything. B's supporters hold 20 < 30.
    /// Whether a supporter pays everything (`10 * 2 <= 20`) is an equality, which no key
    /// can decide: it is decided on the budgets themselves.
    @Test func payingExactlyWhatIsHeldIsDecidedOnTheBudgets() throws {
        let election = Election(projects: [Project(id: "A", cost: Rational(20)), Project(id: "B", cost: Rational(30))],
                                budget: Rational(40), ballots: Ballots([[0], [0], [1], [1]]))
        let profile = EqualSharesProfile(election, parts: 1)
        let run = EqualSharesRun(profile: profile, utility: .cost, ties: TieBreaking(chain: [.id], election: election))
        let record = try run.run(share: Rational(10))
        #expect(record.funded == [0])
        #expect(record.rounds.map(\.rho) == [Rational(1, 2)])
        #expect(record.rounds.map(\.paidAll) == [2])
        #expect(record.votersSpentOut == 2)
        #expect(record.leftoverTotal == Rational(20))
        #expect(record.leftoverMax == Rational(10))
        #expect(run.exactComparisons > 0)
    }

    /// Elections made to tie: the share is a whole number, costs are multiples of half of
    /// it, many voters cast the same ballot, so supporters often hold exactly a payment and
    /// classes exactly the same budget.
    static func tiedElection(seed: UInt64) -> (Election, Rational) {
        var g = SplitMix64(seed: seed)
        let share = 1 + Int(g.next(upperBound: 6))
        let m = 3 + Int(g.next(upperBound: 7))
        let n = 6 + Int(g.next(upperBound: 60))
        let projects = (0..<m).map { i in
            Project(id: "p\(i)", cost: Rational(share * (1 + Int(g.next(upperBound: 8))), 1 + Int(g.next(upperBound: 2))))
        }
        var lists: [[Int]] = []
        for _ in 0..<n {
            if !lists.isEmpty && g.next(upperBound: 3) == 0 {
                lists.append(lists[Int(g.next(upperBound: UInt64(lists.count)))])
                continue
            }
            lists.append((0..<m).filter { _ in g.next(upperBound: 3) == 0 }.shuffled(using: &g))
        }
        return (Election(projects: projects, budget: Rational(share * n), ballots: Ballots(lists)), Rational(share))
    }

    /// 300 tied elections, both utilities, with the runner-up search of add1 on and off:
    /// one lane (sets and keys) equals two lanes (GMP budgets) in everything a run records,
    /// and the plain definition's funded order, `rho` and leftovers; and the exact side of
    /// the keys was taken.
    @Test func tiedElectionsAgreeWithPlainAndTwoLanes() throws {
        var exact = 0
        var runs = 0
        for seed in 0..<300 {
            let (election, share) = Self.tiedElection(seed: UInt64(seed))
            let profile = EqualSharesProfile(election, parts: 1)
            let chain: [TieCriterion] = [.cost, .votes, .id]
            let ties = TieBreaking(chain: chain, election: election)
            for utility in Utility.allCases {
                for runnerUp in [false, true] {
                    let one = EqualSharesRun(profile: profile, utility: utility, ties: ties)
                    let two = EqualSharesRun(profile: profile, utility: utility, ties: ties)
                    one.findsRunnerUp = runnerUp
                    two.findsRunnerUp = runnerUp
                    two.lanes = 2
                    two.parallelEntries = 1
                    two.parallelGroups = 1
                    let what = "seed \(seed) \(utility) runner-up \(runnerUp)"
                    let a = try one.run(share: share)
                    let b = try two.run(share: share)
                    EqualSharesLaneTests.expectSameRun(a, b, what)
                    let plain = try PlainEqualShares(election, utility: utility, chain: chain).mes(share: share)
                    #expect(a.funded == plain.funded, "\(what)")
                    #expect(a.rounds.map(\.rho) == plain.rhos, "\(what)")
                    #expect(a.leftoverTotal == plain.leftover && a.leftoverMax == plain.leftoverMax, "\(what)")
                    exact += one.exactComparisons
                    runs += 1
                }
            }
        }
        #expect(runs == 1200)
        #expect(exact > 0, "no comparison was left to the budgets themselves")
    }

    /// After its passes, an evaluation on funding sets peels the group with the least key
    /// while it is poor, a few times, and sorts only if some are left to decide. On random
    /// elections of up to 600 voters with many distinct budgets, at one to four times the
    /// share, one lane peeling none, one or the default number of groups one by one equals
    /// two lanes (which sort, on GMP budgets) in everything a run records, and two lanes the
    /// plain definition; both the one-by-one peel and the sort were taken.
    @Test func peelingOneByOneAgreesWithSorting() throws {
        var peeled = 0
        var sorted = 0
        for seed in 0..<150 {
            var g = SplitMix64(seed: UInt64(1000 + seed))
            let m = 5 + Int(g.next(upperBound: 20))
            let n = 100 + Int(g.next(upperBound: 500))
            let projects = (0..<m).map { i in
                Project(id: "p\(i)", cost: Rational(50 + Int(g.next(upperBound: 2000)), 1 + Int(g.next(upperBound: 7))))
            }
            let lists = (0..<n).map { _ in (0..<m).filter { _ in g.next(upperBound: 4) == 0 } }
            let budget = Rational(500 + Int(g.next(upperBound: 5000)))
            let election = Election(projects: projects, budget: budget, ballots: Ballots(lists))
            let profile = EqualSharesProfile(election, parts: 1)
            let chain: [TieCriterion] = [.cost, .votes, .id]
            let ties = TieBreaking(chain: chain, election: election)
            let share = budget / Rational(n) * Rational(1 + seed % 4)
            for utility in Utility.allCases {
                let two = EqualSharesRun(profile: profile, utility: utility, ties: ties)
                two.findsRunnerUp = true
                two.lanes = 2
                two.parallelEntries = 1
                two.parallelGroups = 1
                let b = try two.run(share: share)
                let plain = try PlainEqualShares(election, utility: utility, chain: chain).mes(share: share)
                #expect(b.funded == plain.funded && b.rounds.map(\.rho) == plain.rhos, "seed \(seed) \(utility)")
                #expect(b.leftoverTotal == plain.leftover && b.leftoverMax == plain.leftoverMax, "seed \(seed) \(utility)")
                // No peel one by one (always sort), one, and the default.
                for peels in [0, 1, EqualSharesRun(profile: profile, utility: utility, ties: ties).peelsBeforeSort] {
                    let one = EqualSharesRun(profile: profile, utility: utility, ties: ties)
                    one.findsRunnerUp = true
                    one.peelsBeforeSort = peels
                    let a = try one.run(share: share)
                    EqualSharesLaneTests.expectSameRun(a, b, "seed \(seed) \(utility) peels \(peels)")
                    peeled += one.peeledOneByOne
                    sorted += one.sortedEvaluations
                }
            }
        }
        #expect(peeled > 0, "no group was peeled one by one")
        #expect(sorted > 0, "no evaluation went on to sort")
        print("peelingOneByOneAgreesWithSorting: \(peeled) groups peeled one by one, \(sorted) evaluations sorted")
    }
}
