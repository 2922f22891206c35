@testable import PBEngine
import Testing

/// The range proof of `add-opt`'s walk
/// (``ExactEqualSharesElection/provesSameWinners(_:upTo:)``) against the plain per-voter
/// definition (``ExactEqualSharesTests/plain(_:share:utility:chain:)``): every interval it
/// proves must fund the same winners, in the same order, at every share in it.
///
/// `@testable`: the proof is internal to the rule, and what must hold is a property of each
/// interval it proves, which the count's output shows only indirectly.
@Suite("Exact Equal Shares: range proofs")
struct ExactEqualSharesRangeProofTests {
    /// A random election with many changes of a run's path between changes of its funded
    /// set: 3–12 projects (costs whole, or in sevenths), 5–60 voters, a third of them
    /// repeating an earlier ballot (ballot groups of several voters), a budget of one to a
    /// few voters' worth of projects.
    static func randomElection(seed: UInt64) -> Election {
        var g = SplitMix64(seed: 0xEE5_0000 + seed)
        func draw(_ bound: Int) -> Int { Int(g.next(upperBound: UInt64(bound))) }
        let m = 3 + draw(10)
        let n = 5 + draw(56)
        let sevenths = draw(3) == 0
        let projects = (0..<m).map { i in
            Project(id: "r\(i)", cost: sevenths ? Rational(7 + draw(400), 7) : Rational(1 + draw(60)))
        }
        var lists: [[Int]] = []
        for _ in 0..<n {
            if !lists.isEmpty && draw(3) == 0 {
                lists.append(lists[draw(lists.count)])
            } else {
                lists.append((0..<m).filter { _ in draw(5) < 2 })
            }
        }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let budget = (total * Rational(1 + draw(4), 8)).ceiling + Rational(draw(n))
        return Election(projects: projects, budget: budget, ballots: Ballots(lists))
    }

    struct Tally {
        var proofs = 0
        var proved = 0
        /// Proved intervals that hold more than one path of the run (at least one threshold
        /// of the plain run inside): the ones that matter.
        var provedAcrossChanges = 0
        var sharesChecked = 0
        /// Proved intervals from a run that broke a tie in a round the proof had to check
        /// (not replayed as it is): the chain decided for the winner at every share.
        var provedWithTie = 0
        /// Proved intervals that took some pair of rounds in either order: the same set at
        /// every share, maybe not the same order.
        var provedWithSwap = 0
        /// Proofs over intervals that start above the run's share, tried and proved, and
        /// those proved across a change of the plain run's path.
        var chainedProofs = 0
        var chainedProved = 0
        var chainedAcrossChanges = 0
    }

    /// From runs along the `add-opt` events of `election`, tries proofs up to several
    /// multiples of the distance to the next event, and checks every proved interval
    /// `[s, S]` against the plain definition at `s`, at every share inside at which a
    /// comparison of the plain run flips (between two of them the plain run is the same),
    /// and at `S`.
    static func check(_ election: Election, utility: Utility, chain: [TieCriterion], what: String, tally: inout Tally) throws {
        let ees = ExactEqualSharesElection(election, utility: utility, ties: TieBreaking(chain: chain, election: election))
        var run = try ees.run(share: election.budget / Rational(election.ballots.count))
        for _ in 0..<30 {
            guard let event = run.nextShare else { break }
            let distance = event - run.share
            for factor in [1, 2, 3, 5, 9, 17, 65, 1025] {
                let upper = run.share + distance * Rational(factor)
                tally.proofs += 1
                guard case let .proved(swaps) = ees.rangeProof(run, upTo: upper) else { continue }
                #expect(ees.provesSameWinners(run, upTo: upper) == (swaps == 0))
                #expect(ees.provesSameFunded(run, upTo: upper))
                tally.proved += 1
                if swaps > 0 { tally.provedWithSwap += 1 }
                let exact = run.roundEvents.firstIndex { $0.map { $0.value <= upper } ?? false } ?? run.steps.count
                if run.tieRounds.contains(where: { $0 >= exact }) { tally.provedWithTie += 1 }
                if try holds(from: run.share, upTo: upper, swaps: swaps) { tally.provedAcrossChanges += 1 }
            }
            // Intervals that start above the run's share (the walk's chained links): the
            // same must hold at every share of each one proved.
            for (from, to) in [(1, 2), (2, 4), (3, 5), (2, 9), (5, 17), (17, 65), (9, 1025)] {
                let lower = run.share + distance * Rational(from)
                let upper = run.share + distance * Rational(to)
                tally.chainedProofs += 1
                guard case let .proved(swaps) = ees.rangeProof(run, from: lower, upTo: upper) else { continue }
                tally.chainedProved += 1
                if try holds(from: lower, upTo: upper, swaps: swaps) { tally.chainedAcrossChanges += 1 }
            }
            /// Checks that every share of `[lower, upper]` funds `run`'s winners in order, or
            /// its set when the proof took pairs of rounds in either order; whether the plain
            /// run changed its path inside.
            func holds(from lower: Rational, upTo upper: Rational, swaps: Int) throws -> Bool {
                func same(_ funded: [Int]) -> Bool { swaps == 0 ? funded == run.funded : Set(funded) == Set(run.funded) }
                var share = lower
                var plain = try ExactEqualSharesTests.plain(election, share: share, utility: utility, chain: chain)
                #expect(same(plain.funded), "\(what): proved [\(lower), \(upper)] from \(run.share), differs at \(share)")
                var inside = 0
                while let next = plain.next, next <= upper {
                    share = next
                    plain = try ExactEqualSharesTests.plain(election, share: share, utility: utility, chain: chain)
                    #expect(same(plain.funded), "\(what): proved [\(lower), \(upper)] from \(run.share), differs at \(share)")
                    inside += 1
                }
                if share != upper {
                    let last = try ExactEqualSharesTests.plain(election, share: upper, utility: utility, chain: chain)
                    #expect(same(last.funded), "\(what): proved [\(lower), \(upper)] from \(run.share), differs at its end")
                }
                tally.sharesChecked += inside + 2
                return inside > 0
            }
            run = try ees.run(share: event, resuming: run)
        }
    }

    @Test("every proved interval funds the same winners at every share in it")
    func provedIntervalsHold() throws {
        var tally = Tally()
        for seed in 0..<400 {
            let election = Self.randomElection(seed: UInt64(seed))
            for utility in Utility.allCases {
                let chain: [TieCriterion] = (seed + (utility == .cost ? 0 : 1)) % 2 == 0 ? [.id] : TieBreaking.defaultChain
                try Self.check(election, utility: utility, chain: chain, what: "seed \(seed) \(utility)", tally: &tally)
            }
        }
        print("EES range proofs: 400 random elections, both utilities: \(tally.proofs) proofs tried, \(tally.proved) proved "
            + "(\(tally.provedAcrossChanges) across a change of the run's path, \(tally.provedWithTie) over a tie in a round to prove, "
            + "\(tally.provedWithSwap) with a pair of rounds in either order), "
            + "\(tally.chainedProofs) proofs from above the run's share tried, \(tally.chainedProved) proved "
            + "(\(tally.chainedAcrossChanges) across a change), \(tally.sharesChecked) shares checked")
        // The proof must prove something, across path changes and ties too, or it checks nothing.
        #expect(tally.provedAcrossChanges > tally.proved / 4)
        #expect(tally.provedWithTie > 100)
        #expect(tally.provedWithSwap > 100)
        #expect(tally.chainedAcrossChanges > tally.chainedProved / 4)
    }

    /// Voters 1–3 {a}, 4–5 {b}; a costs 6, b 4; budget 20 (share 4). Round 1: a, 3 payers
    /// of 2 (rank 3 > b's 2); round 2: b, 2 payers of 2 (rank 2). Both funded from share 2
    /// on, so the whole interval `[4, 100]` funds a, then b; and as `b` ranks 2 there
    /// and a 3, nothing changes.
    @Test("a hand-worked interval is proved")
    func handWorked() throws {
        let election = Election(projects: [Project(id: "a", cost: Rational(6)), Project(id: "b", cost: Rational(4))],
                                budget: Rational(20), ballots: Ballots([[0], [0], [0], [1], [1]]))
        let ees = ExactEqualSharesElection(election, utility: .cost, ties: TieBreaking(chain: [.id], election: election))
        let run = try ees.run(share: Rational(4))
        #expect(run.funded == [0, 1])
        #expect(ees.provesSameWinners(run, upTo: Rational(100)))
    }

    /// Voters 1–2 {a}, 3–4 {b}, 5 {z, a}, 6–9 {z}; a and b cost 6, z 10; share 7/2.
    /// Round 1: z, 5 payers of 2 (a has 3, b 2). Round 2: a: voter 5 (paid 2) could pay
    /// `6/3` from share 4; voters 1, 2 pay 3: 2 payers, tied with b (2 payers of 3); the
    /// chain (`id`) picks a. Round 3: b. From share 4 on, a has 3 payers in round 2 and
    /// wins it alone: another path (no tie), the same winners. So round 2's event is 4. In
    /// `[7/2, 5]` b never has more than 2 payers in round 2 and a never fewer, and the chain
    /// puts a before b: the tie in a round to prove is proved, up to 5 as up to 15/4.
    @Test("a tie the chain breaks for the winner is proved")
    func tie() throws {
        let election = Election(projects: [Project(id: "a", cost: Rational(6)), Project(id: "b", cost: Rational(6)),
                                           Project(id: "z", cost: Rational(10))],
                                budget: Rational(63, 2), ballots: Ballots([[0], [0], [1], [1], [2, 0], [2], [2], [2], [2]]))
        let ees = ExactEqualSharesElection(election, utility: .cost, ties: TieBreaking(chain: [.id], election: election))
        let run = try ees.run(share: Rational(7, 2))
        #expect(run.funded == [2, 0, 1])
        #expect(run.tieRounds == [1])
        #expect(run.nextShare == Rational(4))
        #expect(ees.provesSameWinners(run, upTo: Rational(5)))
        #expect(ees.provesSameWinners(run, upTo: Rational(15, 4)))
        for share in [Rational(15, 4), Rational(4), Rational(5)] {
            #expect(try ExactEqualSharesTests.plain(election, share: share, utility: .cost, chain: [.id]).funded == [2, 0, 1])
        }
    }

    /// Voters 1–3 {a}, 4–5 {b}, 6 {z, b}, 7–10 {z}; a and b cost 6, z 10; share 7/2.
    /// Round 1: z, 5 payers of 2. Round 2: a has 3 payers of 2; b: voter 6 (paid 2) could
    /// pay `6/3` from share 4, so 2 payers below it: a wins alone. Round 3: b, 2 payers.
    /// At share 4 b ties a with 3 payers in round 2. With the chain putting a first
    /// (file order a, b, z) the winners stay z, a, b up to 5; with b first (file order
    /// b, a, z) b wins round 2 from share 4 on: z, b, a, the same set in another order,
    /// which a proof of the same winners must not cross.
    @Test("a rival that would win a tie by the chain fails the proof")
    func tieLostByWinner() throws {
        let ballots: [[String]] = [["a"], ["a"], ["a"], ["b"], ["b"], ["z", "b"], ["z"], ["z"], ["z"], ["z"]]
        for order in [["a", "b", "z"], ["b", "a", "z"]] {
            let projects = order.map { Project(id: $0, cost: Rational($0 == "z" ? 10 : 6)) }
            let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            let election = Election(projects: projects, budget: Rational(35),
                                    ballots: Ballots(ballots.map { $0.map { index[$0]! } }))
            let ees = ExactEqualSharesElection(election, utility: .cost, ties: TieBreaking(chain: [.file], election: election))
            let run = try ees.run(share: Rational(7, 2))
            let (a, b, z) = (index["a"]!, index["b"]!, index["z"]!)
            #expect(run.funded == [z, a, b])
            #expect(run.tieRounds.isEmpty)
            #expect(run.nextShare == Rational(4))
            #expect(ees.provesSameWinners(run, upTo: Rational(15, 4)))
            let atFour = try ExactEqualSharesTests.plain(election, share: Rational(4), utility: .cost, chain: [.file]).funded
            if order[0] == "a" {
                #expect(atFour == [z, a, b])
                #expect(ees.provesSameWinners(run, upTo: Rational(5)))
            } else {
                #expect(atFour == [z, b, a])
                #expect(!ees.provesSameWinners(run, upTo: Rational(5)))
                // Rounds 2 and 3 as a pair: a and b in either order, the same set.
                #expect(ees.rangeProof(run, upTo: Rational(5)) == .proved(swaps: 1))
            }
        }
    }

    /// Voters 1–2 {a}, 3 {a, b}, 4–5 {b}; a costs 6, b 7; share 2. Round 1: a has 3 payers
    /// of 2 (rank 3); b would need `7/3` each: none. Round 2: b: voter 3 (paid 2) could pay
    /// from `2 + 7/3`, voters 4, 5 (paid 0) from `0 + 7/2`: none. Funded {a}. From share
    /// 7/2 on, b is funded in round 2: `[2, 4]` holds another funded set and must not be
    /// proved. `[2, 9/4]` is: b has no payer at 9/4 in either round (`7/3 > 9/4`).
    @Test("an interval that holds another funded set is not proved")
    func changeNotProved() throws {
        let election = Election(projects: [Project(id: "a", cost: Rational(6)), Project(id: "b", cost: Rational(7))],
                                budget: Rational(10), ballots: Ballots([[0], [0], [0, 1], [1], [1]]))
        let ees = ExactEqualSharesElection(election, utility: .cost, ties: TieBreaking(chain: [.id], election: election))
        let run = try ees.run(share: Rational(2))
        #expect(run.funded == [0])
        #expect(try ExactEqualSharesTests.plain(election, share: Rational(7, 2), utility: .cost, chain: [.id]).funded == [0, 1])
        #expect(!ees.provesSameWinners(run, upTo: Rational(4)))
        #expect(ees.provesSameWinners(run, upTo: Rational(9, 4)))
    }
}
