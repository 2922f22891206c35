@testable import PBEngine
import Testing

/// add1 by jumps (``EqualShares/completeByAdd1(_:budget:variant:)``) against the stepped
/// loop it replaced (``EqualShares/completeByAdd1Stepped(_:budget:variant:)``, one MES run
/// per unit): the same final run (funded order, share, rho, ties), the same step count, the
/// same error, for every variant, with and without the greedy completion after (`add1u`).
@Suite("Equal Shares: add1 by jumps equals add1 stepped")
struct EqualSharesAdd1JumpTests {
    /// A random election whose per-voter share spans many currency units, so that the
    /// stepped loop crosses many changes of outcome, several of them between two units:
    /// 2–8 projects with costs in halves, thirds or units, 1–14 voters (often repeated
    /// ballots), approval or points ballots, budget not a multiple of the voter count.
    static func randomElection(seed: UInt64) -> Election {
        var g = SplitMix64(seed: 0xADD1_0000 + seed)
        let m = 2 + Int(g.next(upperBound: 7))
        let n = 1 + Int(g.next(upperBound: 14))
        let budget = Rational(20 + Int(g.next(upperBound: UInt64(40 * n))))
        let scale = [1, 2, 3, 7][Int(g.next(upperBound: 4))]
        let projects = (0..<m).map { i -> Project in
            // Costs from a few units to most of the budget, some equal (ties).
            let units = 1 + Int(g.next(upperBound: UInt64(max(2, 6 * n * scale))))
            let cost = g.next(upperBound: 5) == 0 ? Rational(10 * scale) : Rational(units, scale)
            return Project(id: "p\((i * 7) % m)\(i)", cost: cost)
        }
        let points = g.next(upperBound: 3) == 0
        var lists: [[Int]] = []
        var pointLists: [[Int64]] = []
        for _ in 0..<n {
            if !lists.isEmpty && g.next(upperBound: 4) == 0 {
                let k = Int(g.next(upperBound: UInt64(lists.count)))
                lists.append(lists[k])
                pointLists.append(pointLists[k])
                continue
            }
            var list: [Int] = []
            var pts: [Int64] = []
            for p in 0..<m where g.next(upperBound: 5) < 2 {
                list.append(p)
                pts.append(Int64(g.next(upperBound: 4)))
            }
            list.shuffle(using: &g)
            lists.append(list)
            pointLists.append(pts)
        }
        if points {
            return Election(projects: projects, budget: budget, voteType: .cumulative,
                            ballots: Ballots(lists, points: pointLists))
        }
        return Election(projects: projects, budget: budget, ballots: Ballots(lists))
    }

    static let chains: [[TieCriterion]] = [TieBreaking.defaultChain, [.id], [.votes], [.cost, .votes]]

    struct Tally {
        var elections = 0
        var comparisons = 0
        var steppedRuns = 0
        var jumpRuns = 0
        var errors = 0
        /// Elections whose outcome changes between two consecutive unit shares of the walk.
        var withChange = 0
        /// Elections where a run's outcome stays only up to a share strictly between two units.
        var withFlipBetweenUnits = 0
    }

    /// One comparison: the same result or the same error.
    static func compare(_ election: Election, utility: Utility, chain: [TieCriterion], variant: Add1Variant,
                        what: String, tally: inout Tally) {
        let profile = EqualSharesProfile(election)
        let support = election.support()
        let ties = TieBreaking(chain: chain, election: election, support: support)
        let engine = EqualSharesRun(profile: profile, utility: utility, ties: ties)
        let stepped = Result { try EqualShares.completeByAdd1Stepped(engine, budget: election.budget, variant: variant, threads: 2) }
        let jumped = Result { try EqualShares.completeByAdd1(engine, budget: election.budget, variant: variant, threads: 2) }
        tally.comparisons += 1
        switch (stepped, jumped) {
        case let (.success(a), .success(b)):
            tally.steppedRuns += a.runs
            tally.jumpRuns += b.runs
            #expect(a.record.funded == b.record.funded, "\(what)")
            #expect(a.record.share == b.record.share, "\(what)")
            #expect(a.steps == b.steps, "\(what)")
            #expect(a.record.ties == b.record.ties, "\(what)")
            #expect(a.record.rounds.map(\.rho) == b.record.rounds.map(\.rho), "\(what)")
            #expect(a.record.leftoverTotal == b.record.leftoverTotal, "\(what)")
            #expect(b.runs <= a.runs + 1, "\(what)")
            // add1u: the greedy completion after, from each.
            let greedyA = try? EqualShares.completeGreedily(funded: a.record.funded, cost: a.record.cost, election: election, support: support, ties: ties)
            let greedyB = try? EqualShares.completeGreedily(funded: b.record.funded, cost: b.record.cost, election: election, support: support, ties: ties)
            #expect(greedyA?.added == greedyB?.added, "\(what) add1u")
            #expect(greedyA?.ties == greedyB?.ties, "\(what) add1u")
        case let (.failure(a), .failure(b)):
            tally.errors += 1
            #expect("\(a)" == "\(b)", "\(what)")
        default:
            Issue.record("\(what): stepped \(stepped), jumped \(jumped)")
        }
    }

    /// Walks the unit shares of the stepped definition and notes whether the outcome
    /// changes between two consecutive ones, and whether a run's stable range ends strictly
    /// between two of them.
    static func notesChanges(_ election: Election, utility: Utility, chain: [TieCriterion], variant: Add1Variant)
        -> (change: Bool, between: Bool) {
        let profile = EqualSharesProfile(election)
        var engine = EqualSharesRun(profile: profile, utility: utility,
                                    ties: TieBreaking(chain: chain, election: election))
        engine.tracksFlips = true
        let exact = election.budget / Rational(profile.voterCount)
        var share = variant == .pabutools ? exact : exact.floor
        guard var previous = try? engine.run(share: exact) else { return (false, false) }
        var change = false
        var between = false
        for _ in 0..<400 {
            if let until = previous.stableUntil, until > share, until < share + .one, !(until - previous.share).isZero {
                between = true
            }
            share += .one
            guard let next = try? engine.run(share: share) else { break }
            if next.funded != previous.funded { change = true }
            if next.cost > election.budget { break }
            previous = next
        }
        return (change, between)
    }

    @Test func jumpsEqualSteps() {
        var tally = Tally()
        for seed in 0..<420 {
            let election = Self.randomElection(seed: UInt64(seed))
            tally.elections += 1
            var change = false
            var between = false
            for utility in Utility.allCases {
                let chain = Self.chains[(seed + (utility == .cost ? 0 : 1)) % Self.chains.count]
                for variant in [Add1Variant.equalshares, .pabulib, .pabutools] {
                    Self.compare(election, utility: utility, chain: chain, variant: variant,
                                 what: "seed \(seed) \(utility) \(chain) \(variant)", tally: &tally)
                    let noted = Self.notesChanges(election, utility: utility, chain: chain, variant: variant)
                    change = change || noted.change
                    between = between || noted.between
                }
            }
            if change { tally.withChange += 1 }
            if between { tally.withFlipBetweenUnits += 1 }
        }
        print("add1 jumps vs steps: \(tally.elections) random elections, \(tally.comparisons) comparisons "
            + "(\(tally.errors) ending in the same unresolved tie), \(tally.withChange) with a change of outcome "
            + "between consecutive units, \(tally.withFlipBetweenUnits) with a flip share strictly between two units; "
            + "MES runs: stepped \(tally.steppedRuns), jumps \(tally.jumpRuns)")
        #expect(tally.withChange > tally.elections / 2)
        #expect(tally.withFlipBetweenUnits > tally.elections / 4)
    }

    /// The bound itself: every share in `[s, stableUntil)` (sampled at fractions, just below
    /// the bound and at the units in between) funds what `s` funds, in the same order.
    @Test(arguments: 0..<60)
    func stableRangeIsStable(seed: Int) throws {
        let election = Self.randomElection(seed: 5000 + UInt64(seed))
        let profile = EqualSharesProfile(election)
        for utility in Utility.allCases {
            var engine = EqualSharesRun(profile: profile, utility: utility,
                                        ties: TieBreaking(chain: [.id], election: election))
            engine.tracksFlips = true
            var plain = EqualSharesRun(profile: profile, utility: utility,
                                       ties: TieBreaking(chain: [.id], election: election))
            let exact = election.budget / Rational(profile.voterCount)
            var share = exact / Rational(3)
            for _ in 0..<40 {
                let record = try engine.run(share: share)
                guard let until = record.stableUntil else { break }
                #expect(until >= share)
                let span = until - share
                var samples = [Rational(1, 3), Rational(1, 2), Rational(99, 100), Rational(999_999, 1_000_000)].map { share + span * $0 }
                var unit = share.floor + .one
                while unit < until && samples.count < 60 {
                    samples.append(unit)
                    unit += .one
                }
                for x in samples where x < until {
                    let other = try plain.run(share: x)
                    #expect(other.funded == record.funded, "seed \(seed) \(utility) share \(share) until \(until) at \(x)")
                }
                share = until > share ? until : share + Rational(1, 7)
            }
        }
    }
}
