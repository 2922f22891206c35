import PBEngine
import Testing

@Suite("Greedy")
struct GreedyRuleTests {
    // Budget 100; costs p1 60, p2 50, p3 30, p4 20.
    // Ballots: {p1,p2} {p1} {p1,p3} {p2,p3} {p2} {p4}
    // votes: p1 3, p2 3, p3 2, p4 1.
    static let election = Counting.election(costs: [60, 50, 30, 20], budget: 100,
                                            ballots: [[0, 1], [0], [0, 2], [1, 2], [1], [3]])

    @Test("cost utility orders by votes; the default chain puts the cheaper of a tie first")
    func skipByVotes() throws {
        // p1 and p2 tie on 3 votes; cost breaks it: p2 (50) first. Left 50.
        // p1 (60) does not fit: skipped. p3 (30) fits: left 20. p4 (20) fits: left 0.
        let outcome = try RuleRegistry.count(Self.election, options: Counting.options("greedy"))
        #expect(outcome.funded == [1, 2, 3])
        #expect(outcome.totalCost == Rational(100))
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties.first?.winner == 1)
        #expect(outcome.ties.first?.criterion == "cost")
        #expect(outcome.rounds.map(\.funded) == [true, false, true, true])
    }

    @Test("no-skip stops at the first project that does not fit")
    func noSkip() throws {
        let outcome = try RuleRegistry.count(Self.election, options: Counting.options("greedy") { $0.greedyVariant = .noSkip })
        #expect(outcome.funded == [1])
        #expect(outcome.moneyLeft == Rational(50))
    }

    @Test("threshold drops projects below the support threshold")
    func threshold() throws {
        // Threshold 3 votes: only p1 and p2 are eligible; p2 first (cheaper), p1 does not fit.
        let outcome = try RuleRegistry.count(Self.election, options: Counting.options("greedy") {
            $0.greedyVariant = .threshold
            $0.threshold = Rational(3)
        })
        #expect(outcome.funded == [1])
    }

    @Test("cardinality utility orders by votes per unit of money")
    func cardinality() throws {
        // votes/cost: p1 3/60 = 0.05, p2 3/50 = 0.06, p3 2/30 = 0.0667, p4 1/20 = 0.05.
        // Order: p3, p2, then p1 and p4 tie at 1/20: p4 is cheaper. p3 (30): left 70; p2 (50): left 20;
        // p4 (20): left 0; p1 does not fit.
        let outcome = try RuleRegistry.count(Self.election, options: Counting.options("greedy", utility: .cardinality))
        #expect(outcome.funded == [2, 1, 3])
        #expect(outcome.ties.first?.projects == [3, 0])
    }

    @Test("the id criterion breaks ties in byte order; a chain that leaves a tie is an error")
    func tieChains() throws {
        // p1 and p2 tie on votes; by id p1 goes first: left 40. p2 (50) does not fit,
        // p3 (30) fits: left 10; p4 (20) does not fit.
        let byID = try RuleRegistry.count(Self.election, options: Counting.options("greedy", tie: [.id]))
        #expect(byID.funded == [0, 2])
        #expect(throws: CountError.self) {
            try RuleRegistry.count(Self.election, options: Counting.options("greedy", tie: [.votes]))
        }
    }

    @Test("points ballots order by score")
    func pointsBallots() throws {
        // Cumulative: v1 gives p1 1, p2 4; v2 gives p1 2; v3 gives p3 5. Scores: p1 3, p2 4, p3 5.
        // Budget 100: p3 (30) left 70, p2 (50) left 20, p1 (60) does not fit.
        let e = Counting.election(costs: [60, 50, 30], budget: 100, ballots: [[0, 1], [0], [2]],
                                  points: [[1, 4], [2], [5]], voteType: .cumulative)
        #expect(try Counting.fundedIDs(e, Counting.options("greedy")) == ["p3", "p2"])
    }

    @Test("ordinal ballots are scored by the chosen function")
    func ordinalScoring() throws {
        // Rankings (max_length 2): [p1, p2], [p2], [p3, p2]. Budget 60, costs 30 each, so two fit.
        // positional (2-1): p1 2, p2 1+2+1 = 4, p3 2 -> p2 first, then p1 and p3 tie at 2: cost ties, votes
        // tie (1 each), file order: p1.
        // borda (len-1-pos): p1 1, p2 0+0+0 = 0, p3 1 -> p1, p3.
        var e = Counting.election(costs: [30, 30, 30], budget: 60, ballots: [[0, 1], [1], [2, 1]], voteType: .ordinal)
        e.limits.maxLength = 2
        #expect(try Counting.fundedIDs(e, Counting.options("greedy")) == ["p2", "p1"])
        #expect(try Counting.fundedIDs(e, Counting.options("greedy") { $0.scoring = .borda }) == ["p1", "p3"])
        #expect(try Counting.fundedIDs(e, Counting.options("greedy") { $0.scoring = .list([0, 9]) }) == ["p2", "p1"])
    }
}
