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
        /// Elections where the outcome changes (and the jump loop must find where) more than
        /// once along the walk.
        var withSeveralChanges = 0
        /// Comparisons whose walk, cut into short stretches, went past the first stretch.
        var pastFirstStretch = 0
    }

    /// One comparison: the same result or the same error.
    ///
    /// And the walk cut into stretches of `stretchUnits` unit shares (``Add1Stretches``),
    /// walked two at a time on two lanes and one after the other on one: the stepped loop's
    /// result, step count and error again, and the same count of runs on both.
    static func compare(_ election: Election, utility: Utility, chain: [TieCriterion], variant: Add1Variant,
                        what: String, stretchUnits: Int = 3, tally: inout Tally) {
        let profile = EqualSharesProfile(election)
        let support = election.support()
        let ties = TieBreaking(chain: chain, election: election, support: support)
        let engine = EqualSharesRun(profile: profile, utility: utility, ties: ties)
        let stepped = Result { try EqualShares.completeByAdd1Stepped(engine, budget: election.budget, variant: variant, threads: 2) }
        let jumped = Result { try EqualShares.completeByAdd1(engine, budget: election.budget, variant: variant, threads: 2) }
        // On one lane (no runs ahead): the same loop, so the same result and the same count of runs.
        let oneLane = Result { try EqualShares.completeByAdd1(engine, budget: election.budget, variant: variant, threads: 1) }
        switch (jumped, oneLane) {
        case let (.success(two), .success(one)):
            #expect(two.runs == one.runs && two.steps == one.steps && two.record.funded == one.record.funded, "\(what) one lane")
        case let (.failure(two), .failure(one)):
            #expect("\(two)" == "\(one)", "\(what) one lane")
        default:
            Issue.record("\(what): two lanes \(jumped), one lane \(oneLane)")
        }
        let cut = Add1Stretches(units: stretchUnits, parallel: true)
        let twoStretches = Result { try EqualShares.completeByAdd1(engine, budget: election.budget, variant: variant, threads: 2, stretch: cut) }
        let oneStretch = Result { try EqualShares.completeByAdd1(engine, budget: election.budget, variant: variant, threads: 1, stretch: cut) }
        for (lanes, cutResult) in [(2, twoStretches), (1, oneStretch)] {
            switch (stepped, cutResult) {
            case let (.success(a), .success(b)):
                #expect(a.record.funded == b.record.funded && a.record.share == b.record.share && a.steps == b.steps,
                        "\(what) stretches of \(stretchUnits), \(lanes) lanes")
                #expect(a.record.ties == b.record.ties && a.record.rounds.map(\.rho) == b.record.rounds.map(\.rho)
                        && a.record.leftoverTotal == b.record.leftoverTotal, "\(what) stretches of \(stretchUnits), \(lanes) lanes")
            case let (.failure(a), .failure(b)):
                #expect("\(a)" == "\(b)", "\(what) stretches of \(stretchUnits), \(lanes) lanes")
            default:
                Issue.record("\(what): stepped \(stepped), stretches of \(stretchUnits) on \(lanes) lanes \(cutResult)")
            }
        }
        if case let .success(two) = twoStretches, case let .success(one) = oneStretch {
            #expect(two.runs == one.runs, "\(what) stretches of \(stretchUnits): runs on two lanes and on one")
            if two.steps >= stretchUnits { tally.pastFirstStretch += 1 }
        }
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

    /// One MES run, or `nil` when the chain leaves a tie unresolved (expected: half the
    /// elections use the chain `votes`); any other error fails the test instead of being
    /// skipped.
    static func runUnlessTied(_ engine: EqualSharesRun, share: Rational) throws -> EqualSharesRun.Record? {
        do {
            return try engine.run(share: share)
        } catch let error as CountError {
            if case .unresolvedTie = error { return nil }
            throw error
        }
    }

    /// Walks the unit shares of the stepped definition and counts the changes of outcome
    /// between two consecutive ones.
    static func countChanges(_ election: Election, utility: Utility, chain: [TieCriterion], variant: Add1Variant) throws -> Int {
        let profile = EqualSharesProfile(election)
        let engine = EqualSharesRun(profile: profile, utility: utility,
                                    ties: TieBreaking(chain: chain, election: election))
        let exact = election.budget / Rational(profile.voterCount)
        var share = variant == .pabutools ? exact : exact.floor
        guard var previous = try Self.runUnlessTied(engine, share: exact) else { return 0 }
        var changes = 0
        for _ in 0..<400 {
            share += .one
            guard let next = try Self.runUnlessTied(engine, share: share) else { break }
            if next.funded != previous.funded { changes += 1 }
            if next.cost > election.budget { break }
            previous = next
        }
        return changes
    }

    @Test func jumpsEqualSteps() throws {
        var tally = Tally()
        for seed in 0..<420 {
            let election = Self.randomElection(seed: UInt64(seed))
            tally.elections += 1
            var changes = 0
            for utility in Utility.allCases {
                let chain = Self.chains[(seed + (utility == .cost ? 0 : 1)) % Self.chains.count]
                for variant in [Add1Variant.equalshares, .pabulib, .pabutools] {
                    Self.compare(election, utility: utility, chain: chain, variant: variant,
                                 what: "seed \(seed) \(utility) \(chain) \(variant)", stretchUnits: 1 + seed % 5, tally: &tally)
                    changes = max(changes, try Self.countChanges(election, utility: utility, chain: chain, variant: variant))
                }
            }
            if changes > 0 { tally.withChange += 1 }
            if changes > 1 { tally.withSeveralChanges += 1 }
        }
        print("add1 jumps vs steps: \(tally.elections) random elections, \(tally.comparisons) comparisons "
            + "(\(tally.errors) ending in the same unresolved tie), \(tally.withChange) with a change of outcome "
            + "between consecutive units, \(tally.withSeveralChanges) with several; "
            + "MES runs: stepped \(tally.steppedRuns), jumps \(tally.jumpRuns); "
            + "\(tally.pastFirstStretch) walks past the first stretch when cut into stretches of 1 to 5 units")
        #expect(tally.withChange > tally.elections / 2)
        #expect(tally.pastFirstStretch > tally.comparisons / 4)
        #expect(tally.withSeveralChanges > tally.elections / 4)
    }

    /// The cut into stretches: contiguous counters, and its size from where the walk is
    /// expected to end, worked by hand on Budapest 2024's numbers (budget 10^9, 28,943
    /// voters, MES at the exact share spends 610,000,000, 255,820 supporter entries of
    /// distinct ballots): the end near `(10^9 / 28,943) * 10^9 / 610,000,000 = 56,640.4...`,
    /// 22,091 units past the counter's start 34,550, cut into 16 stretches of 1,381 (the
    /// stepped loop ends at 56,551); with a tenth of the entries, the same walk is not cut.
    @Test func stretchesCutTheWalk() {
        let small = Add1Stretches(units: 5, parallel: true)
        #expect([small.first(0), small.last(0), small.first(1), small.last(1), small.first(2)] == [0, 5, 6, 10, 11])
        let budget = Rational(1_000_000_000)
        let exact = budget / Rational(28_943)
        let run = EqualSharesRun.Record(share: exact, cost: Rational(610_000_000))
        let budapest = Add1Stretches(initial: run, exact: exact, start: exact.floor, budget: budget, entries: 255_820)
        #expect(budapest.units == 1_381 && budapest.parallel)
        let smaller = Add1Stretches(initial: run, exact: exact, start: exact.floor, budget: budget, entries: 25_582)
        #expect(smaller.units == 1 << 40 && !smaller.parallel)
        // Nothing funded at the exact share: no guess, no cut.
        let none = Add1Stretches(initial: EqualSharesRun.Record(share: exact, cost: .zero),
                                 exact: exact, start: exact.floor, budget: budget, entries: 255_820)
        #expect(none.units == 1 << 40 && !none.parallel)
    }

    /// Elections built to change their outcome between every few unit shares: many voters
    /// in a few blocs (each share unit moves a bloc's money by a lot), costs in sevenths, a
    /// budget far above the voters' count, so that add1 walks hundreds of units and crosses a
    /// change of winner every few of them (within rounds, and at the end of the run).
    static func builtElection(seed: UInt64) -> Election {
        var g = SplitMix64(seed: 0xB017_0000 + seed)
        let m = 4 + Int(g.next(upperBound: 5))
        let blocs = 2 + Int(g.next(upperBound: 4))
        let budget = Rational(2000 + Int(g.next(upperBound: 3000)))
        let projects = (0..<m).map { i in
            Project(id: "b\(i)", cost: Rational(700 + Int(g.next(upperBound: 7000)), 7))
        }
        var lists: [[Int]] = []
        for _ in 0..<blocs {
            var list = (0..<m).filter { _ in g.next(upperBound: 2) == 0 }
            if list.isEmpty { list = [Int(g.next(upperBound: UInt64(m)))] }
            let size = 1 + Int(g.next(upperBound: 6))
            for _ in 0..<size { lists.append(list) }
        }
        return Election(projects: projects, budget: budget, ballots: Ballots(lists))
    }

    @Test func jumpsEqualStepsOnBuiltElections() throws {
        var tally = Tally()
        for seed in 0..<60 {
            let election = Self.builtElection(seed: UInt64(seed))
            tally.elections += 1
            var changes = 0
            for utility in Utility.allCases {
                for variant in [Add1Variant.equalshares, .pabulib, .pabutools] {
                    Self.compare(election, utility: utility, chain: [.id], variant: variant,
                                 what: "built \(seed) \(utility) \(variant)", stretchUnits: [7, 16, 40][seed % 3], tally: &tally)
                    changes = max(changes, try Self.countChanges(election, utility: utility, chain: [.id], variant: variant))
                }
            }
            if changes > 0 { tally.withChange += 1 }
            if changes > 1 { tally.withSeveralChanges += 1 }
        }
        print("add1 jumps vs steps, built elections: \(tally.elections) elections, \(tally.comparisons) comparisons, "
            + "\(tally.withChange) with a change of outcome between consecutive units, \(tally.withSeveralChanges) with several; "
            + "MES runs: stepped \(tally.steppedRuns), jumps \(tally.jumpRuns); "
            + "\(tally.pastFirstStretch) walks past the first stretch when cut into stretches of 7, 16 or 40 units")
        #expect(tally.withSeveralChanges > tally.elections / 4)
        #expect(tally.jumpRuns < tally.steppedRuns)
        #expect(tally.pastFirstStretch > tally.comparisons / 4)
    }

    /// For the proof tests: a run that records what the proofs read (runner-ups, rivals),
    /// and a second one for the shares sampled inside a proved range. Even seeds break ties
    /// by id, odd ones by votes, which leaves ties unresolved.
    static func proofRuns(_ election: Election, profile: EqualSharesProfile, utility: Utility,
                          seed: Int) -> (engine: EqualSharesRun, plain: EqualSharesRun) {
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : [.votes]
        let engine = EqualSharesRun(profile: profile, utility: utility, ties: TieBreaking(chain: chain, election: election))
        engine.findsRunnerUp = true
        let plain = EqualSharesRun(profile: profile, utility: utility, ties: TieBreaking(chain: chain, election: election))
        return (engine, plain)
    }

    /// The proof itself: whenever two runs at shares `a < b` pass
    /// ``EqualShares/holds(from:to:ties:affine:)``, MES at shares sampled between them
    /// (fractions of the gap, just below `b`, the units in between) funds what `a` funds, in
    /// the same order, and throws no unresolved tie (half the elections use the chain
    /// `votes`, which leaves ties unresolved). Proofs that need the affine test (the monotone
    /// one alone fails) are counted apart; ``affineProofsAreStable()`` seeks them out.
    @Test func provedRangeIsStable() throws {
        var proofs = 0
        var affineProofs = 0
        var samplesChecked = 0
        let elections = (0..<60).map { Self.randomElection(seed: 5000 + UInt64($0)) }
            + (0..<40).map { Self.builtElection(seed: 7000 + UInt64($0)) }
        for (seed, election) in elections.enumerated() {
            let profile = EqualSharesProfile(election)
            for utility in Utility.allCases {
                let (engine, plain) = Self.proofRuns(election, profile: profile, utility: utility, seed: seed)
                let exact = election.budget / Rational(profile.voterCount)
                var share = exact / Rational(3)
                for _ in 0..<30 {
                    guard let a = try Self.runUnlessTied(engine, share: share) else { share += Rational(1, 7); continue }
                    for span in [Rational(1, 3), .one, Rational(5, 2), Rational(8), Rational(40)] {
                        guard let b = try Self.runUnlessTied(engine, share: share + span), EqualShares.holds(from: a, to: b, ties: engine.ties) else { continue }
                        proofs += 1
                        if !EqualShares.holds(from: a, to: b, ties: engine.ties, affine: false) { affineProofs += 1 }
                        var samples = [Rational(1, 3), Rational(1, 2), Rational(99, 100), Rational(999_999, 1_000_000)].map { share + span * $0 }
                        var unit = share.floor + .one
                        while unit < share + span && samples.count < 60 {
                            samples.append(unit)
                            unit += .one
                        }
                        for x in samples {
                            samplesChecked += 1
                            let other = try plain.run(share: x)
                            #expect(other.funded == a.funded, "election \(seed) \(utility) from \(share) to \(share + span) at \(x)")
                        }
                    }
                    share += Rational(13, 7)
                }
            }
        }
        print("add1 proofs checked: \(proofs) proved ranges (\(affineProofs) needing the affine test), "
            + "\(samplesChecked) shares inside them run and compared")
        #expect(proofs > 300)
    }

    /// A run along a kept run (``EqualSharesRun/run(share:along:)``, as the add1 loop makes
    /// its probes) evaluates fewer projects, yet funds the same, with the same winners' `rho`
    /// and ties, and the proof from that kept run answers as it does for the full run; from
    /// any other run below it, the proof never passes where it fails for the full run (its
    /// records are lower bounds). On a grid of shares (sevenths of a unit over 40 units) of
    /// random and built elections, every pair of grid runs up to 20 steps apart.
    @Test func runsAlongAKeptRunProveTheSame() throws {
        var pairs = 0
        var proved = 0
        var fewerRivals = 0
        var otherLeftEnds = 0
        let elections = (0..<40).map { Self.randomElection(seed: 11000 + UInt64($0)) }
            + (0..<40).map { Self.builtElection(seed: 11500 + UInt64($0)) }
        try Self.onGrids(elections, points: 280, denominator: 7) { seed, utility, engine, _, grid, runs in
            for i in grid.indices {
                guard let a = runs[i] else { continue }
                for d in [1, 2, 3, 7, 20] where i + d < grid.count {
                    guard let full = runs[i + d] else { continue }
                    let along = try engine.run(share: grid[i + d], along: a)
                    pairs += 1
                    let what = "election \(seed) \(utility) from \(a.share) to \(full.share)"
                    #expect(along.funded == full.funded && along.rounds.map(\.rho) == full.rounds.map(\.rho), "\(what)")
                    #expect(along.ties == full.ties && along.cost == full.cost, "\(what)")
                    #expect(along.rounds.map(\.richPoints) == full.rounds.map(\.richPoints), "\(what)")
                    if zip(along.rounds, full.rounds).contains(where: { $0.rivals.count < $1.rivals.count }) { fewerRivals += 1 }
                    for affine in [true, false] {
                        let expected = EqualShares.holds(from: a, to: full, ties: engine.ties, affine: affine)
                        #expect(EqualShares.holds(from: a, to: along, ties: engine.ties, affine: affine) == expected, "\(what) affine \(affine)")
                        if expected && affine { proved += 1 }
                    }
                    // From other runs below: never a proof the full run does not give.
                    for j in stride(from: max(0, i - 6), through: i + d - 1, by: 1) where j != i {
                        guard let c = runs[j] else { continue }
                        otherLeftEnds += 1
                        if EqualShares.holds(from: c, to: along, ties: engine.ties) {
                            #expect(EqualShares.holds(from: c, to: full, ties: engine.ties), "\(what) from \(c.share)")
                        }
                    }
                }
            }
        }
        print("add1 runs along a kept run: \(pairs) pairs (\(proved) proved, \(fewerRivals) recording fewer rivals), "
            + "\(otherLeftEnds) proofs from other runs checked")
        #expect(proved > 1000)
        #expect(fewerRivals > 1000)
    }

    /// For the grid tests: for every election and both utilities, MES (recording what the
    /// proofs read) at `points` shares `1 / denominator` of a unit apart from half the exact
    /// share, handed to `body` with the engines (``proofRuns(_:profile:utility:seed:)``), the
    /// grid and its runs (`nil` where the chain leaves a tie unresolved).
    static func onGrids(_ elections: [Election], points: Int, denominator: Int,
                        _ body: (_ seed: Int, _ utility: Utility, _ engine: EqualSharesRun, _ plain: EqualSharesRun,
                                 _ grid: [Rational], _ runs: [EqualSharesRun.Record?]) throws -> Void) throws {
        for (seed, election) in elections.enumerated() {
            let profile = EqualSharesProfile(election)
            for utility in Utility.allCases {
                let (engine, plain) = Self.proofRuns(election, profile: profile, utility: utility, seed: seed)
                let base = (election.budget / Rational(profile.voterCount) / Rational(2)).floor
                let grid = (0..<points).map { base + Rational($0, denominator) }
                let runs = try grid.map { try Self.runUnlessTied(engine, share: $0) }
                try body(seed, utility, engine, plain, grid, runs)
            }
        }
    }

    /// The affine test where it matters: near shares where two projects' `rho` cross, the
    /// monotone test fails over the shortest ranges. Runs on a fine grid of shares (fifths of
    /// a unit, over 80 units) give pairs `a < b` close together; for every pair that passes
    /// only with the affine test, MES at shares sampled in `[a, b]` funds what `a` funds, in
    /// the same order, without an unresolved tie.
    @Test func affineProofsAreStable() throws {
        var affineProofs = 0
        var convexWinner = 0
        var samplesChecked = 0
        let elections = (0..<150).map { Self.randomElection(seed: 9000 + UInt64($0)) }
            + (0..<150).map { Self.builtElection(seed: 9500 + UInt64($0)) }
        try Self.onGrids(elections, points: 400, denominator: 5) { seed, utility, engine, plain, grid, runs in
            for i in grid.indices {
                guard let a = runs[i] else { continue }
                for d in [1, 2, 3, 5, 8, 13] where i + d < grid.count {
                    guard let b = runs[i + d], EqualShares.holds(from: a, to: b, ties: engine.ties),
                          !EqualShares.holds(from: a, to: b, ties: engine.ties, affine: false) else { continue }
                    affineProofs += 1
                    // A winner whose poor set changes inside the range: its rho is only
                    // convex there (the chord bounds it).
                    if zip(a.rounds, b.rounds).contains(where: { $0.richPoints != $1.richPoints }) { convexWinner += 1 }
                    let span = b.share - a.share
                    let samples = [Rational(1, 7), Rational(1, 2), Rational(6, 7), Rational(999, 1000)].map { a.share + span * $0 }
                    for x in samples {
                        samplesChecked += 1
                        let other = try plain.run(share: x)
                        #expect(other.funded == a.funded, "election \(seed) \(utility) from \(a.share) to \(b.share) at \(x)")
                    }
                }
            }
        }
        print("add1 affine proofs checked: \(affineProofs) ranges proved only by the affine test "
            + "(\(convexWinner) with a winner's poor set changing inside), \(samplesChecked) shares inside them run and compared")
        #expect(affineProofs > 500)
        #expect(convexWinner > 50)
    }
}
