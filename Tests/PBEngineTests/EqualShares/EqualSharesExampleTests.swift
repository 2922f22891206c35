import PBEngine
import Testing

/// Small elections worked out by hand; the arithmetic is in the comments.
@Suite("Equal Shares: hand-worked examples")
struct EqualSharesExampleTests {
    static func options(_ utility: Utility = .cost, completion: Completion = .none, variant: Add1Variant = .equalshares,
                        comparison: ComparisonMode = .none, chain: [TieCriterion] = TieBreaking.defaultChain) -> CountOptions {
        var o = CountOptions()
        o.rule = "mes"
        o.utility = utility
        o.completion = completion
        o.add1Variant = variant
        o.comparison = comparison
        o.tieChain = chain
        return o
    }

    /// Budget 30, three voters (share 10 each).
    /// A costs 18 (voters 1, 2), B costs 12 (voters 2, 3), C costs 10 (voter 3).
    static let tieElection = Election(
        projects: [Project(id: "A", cost: Rational(18)), Project(id: "B", cost: Rational(12)), Project(id: "C", cost: Rational(10))],
        budget: Rational(30),
        ballots: Ballots([[0], [0, 1], [1, 2]]))

    @Test func tieBrokenByCost() throws {
        // Cost utility, rho = payment per supporter / cost.
        // Round 1: A: 18 / 2 = 9 each (<= 10), rho = 9/18 = 1/2.
        //          B: 12 / 2 = 6 each, rho = 6/12 = 1/2.   C: 10 / 1 = 10, rho = 10/10 = 1.
        // A and B tie at 1/2; the default chain (cost first) takes B (12 < 18).
        // Budgets: voter 1: 10, voter 2: 10 - 6 = 4, voter 3: 4.
        // Round 2: A: 10 + 4 = 14 < 18, C: 4 < 10: nothing affordable. Outcome {B}, cost 12.
        let outcome = try RuleRegistry.count(Self.tieElection, options: Self.options())
        #expect(outcome.funded == [1])
        #expect(outcome.totalCost == Rational(12))
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties.first?.projects == [0, 1])
        #expect(outcome.ties.first?.winner == 1)
        #expect(outcome.ties.first?.criterion == "cost")
        #expect(outcome.rounds.first?.value("rho") == .rational(Rational(1, 2)))
        // Effective votes: c / max payment = 12 / 6 = 2.
        #expect(outcome.rounds.first?.value("effective_votes") == .rational(Rational(2)))
        // Leftovers: 10 + 4 + 4 = 18 = 30 - 12; nobody ran out.
        #expect(outcome.detail("leftover_total") == .rational(Rational(18)))
        #expect(outcome.detail("leftover_max") == .rational(Rational(10)))
        #expect(outcome.detail("voters_spent_out") == .integer(0))
    }

    @Test func tieBrokenById() throws {
        // Same round 1, but the chain `id` takes A ("A" < "B"): voters 1 and 2 pay 9 each.
        // Budgets: 1, 1, 10.
        // Round 2: B: 1 + 10 = 11 < 12, unaffordable. C: voter 3 pays 10 <= 10, rho = 10/10 = 1.
        // Outcome A, C; cost 28.
        let outcome = try RuleRegistry.count(Self.tieElection, options: Self.options(chain: [.id]))
        #expect(outcome.funded == [0, 2])
        #expect(outcome.totalCost == Rational(28))
        #expect(outcome.rounds.map { $0.value("rho") } == [.rational(Rational(1, 2)), .rational(Rational(1))])
        // Round 2: voter 3 paid all of its 10.
        #expect(outcome.rounds.last?.value("paid_all") == .integer(1))
        #expect(outcome.rounds.last?.value("paid") == .rational(Rational(10)))
    }

    @Test func comparisonPicksGreedyOnSatisfaction() throws {
        // MES with chain `id` funds A, C (above). Greedy by votes: A 2, B 2, C 1; A before B
        // by id; A + B = 30 fits, C no longer does: greedy funds A, B.
        // Voter 1: greedy 1 (A), MES 1 (A): indifferent. Voter 2: greedy 2 (A, B), MES 1:
        // prefers greedy. Voter 3: greedy 1 (B), MES 1 (C): indifferent. 1 against 0: greedy.
        let outcome = try RuleRegistry.count(Self.tieElection, options: Self.options(comparison: .satisfaction, chain: [.id]))
        #expect(outcome.funded == [0, 1])
        #expect(outcome.detail("comparison_prefer_greedy") == .integer(1))
        #expect(outcome.detail("comparison_prefer_mes") == .integer(0))
        #expect(outcome.detail("comparison_result") == .text("greedy"))
    }

    @Test func comparisonKeepsMESOnExclusion() throws {
        // Exclusion: every voter has at least one funded project under both: 0 against 0.
        let outcome = try RuleRegistry.count(Self.tieElection, options: Self.options(comparison: .exclusion, chain: [.id]))
        #expect(outcome.funded == [0, 2])
        #expect(outcome.detail("comparison_result") == .text("mes"))
    }

    @Test func poorSupportersArePeeledOff() throws {
        // Cardinality utility. Budget 9, three voters: share 3.
        // W costs 2 (voters 1, 2); Z costs 7 (voters 1, 2, 3).
        // Round 1: W: 2 / 2 = 1 each, rho = 1. Z: 7 / 3 each, rho = 7/3. W first.
        // Budgets: 2, 2, 3.
        // Round 2: Z: try rho = 7/3: voter 1 has 2 < 7/3, poor; then rho = (7 - 2) / 2 = 5/2:
        // voter 2 has 2 < 5/2, poor; then rho = (7 - 4) / 1 = 3 <= 3. rho = 3.
        // Everybody pays all they have: paid 2 + 2 + 3 = 7, paid_all 3, max payment 3,
        // effective votes 7/3.
        let election = Election(
            projects: [Project(id: "W", cost: Rational(2)), Project(id: "Z", cost: Rational(7))],
            budget: Rational(9),
            ballots: Ballots([[0, 1], [1, 0], [1]]))
        let outcome = try RuleRegistry.count(election, options: Self.options(.cardinality))
        #expect(outcome.funded == [0, 1])
        #expect(outcome.rounds.map { $0.value("rho") } == [.rational(Rational(1)), .rational(Rational(3))])
        #expect(outcome.rounds.last?.value("paid_all") == .integer(3))
        #expect(outcome.rounds.last?.value("paid") == .rational(Rational(7)))
        #expect(outcome.rounds.last?.value("effective_votes") == .rational(Rational(7, 3)))
        #expect(outcome.detail("voters_spent_out") == .integer(3))
        #expect(outcome.detail("leftover_total") == .rational(Rational.zero))
        // Voters 1 and 2 cast the same ballot: two distinct ballots.
        #expect(outcome.detail("distinct_ballots") == .integer(2))
    }

    /// Points ballots: budget 10, two voters (share 5).
    /// P costs 6: voter 1 gives 2 points, voter 2 gives 1. Q costs 4: voter 2 gives 1.
    static let pointsElection = Election(
        projects: [Project(id: "P", cost: Rational(6)), Project(id: "Q", cost: Rational(4))],
        budget: Rational(10), voteType: .cumulative,
        ballots: Ballots([[0], [0, 1]], points: [[2], [1, 1]]))

    @Test func pointsBallots() throws {
        // Cardinality (points) utility. P: 6 / (2 + 1) = 2 per point: voter 1 pays 4 <= 5,
        // voter 2 pays 2 <= 5: rho = 2. Q: 4 / 1 = 4: rho = 4. P first.
        // Budgets: 1, 3. Q: 3 < 4, unaffordable. Outcome P, cost 6.
        let outcome = try RuleRegistry.count(Self.pointsElection, options: Self.options(.cardinality))
        #expect(outcome.funded == [0])
        #expect(outcome.rounds.first?.value("rho") == .rational(Rational(2)))
        // Max payment 4 (voter 1): effective votes 6 / 4 = 3/2.
        #expect(outcome.rounds.first?.value("effective_votes") == .rational(Rational(3, 2)))
        // Cost utility: u = points * cost, rho = 2 / 6 = 1/3 for P, 4 / 4 = 1 for Q; same outcome.
        let cost = try RuleRegistry.count(Self.pointsElection, options: Self.options(.cost))
        #expect(cost.funded == [0])
        #expect(cost.rounds.first?.value("rho") == .rational(Rational(1, 3)))
    }

    @Test(arguments: [Add1Variant.equalshares, .pabulib, .pabutools])
    func add1OnPoints(variant: Add1Variant) throws {
        // Share 5 gives P only (cost 6; Q (4) still fits: not exhaustive).
        // Share 6: P: voter 1 pays 4 (2 left), voter 2 pays 2 (4 left); Q: 4 >= 4, funded.
        // Cost 10 <= 10: kept. Every supported project is funded: stop. One step, share 6.
        let outcome = try RuleRegistry.count(Self.pointsElection, options: Self.options(.cardinality, completion: .add1, variant: variant))
        #expect(outcome.funded == [0, 1])
        #expect(outcome.detail("budget_share") == .rational(Rational(6)))
        #expect(outcome.detail("add1_steps") == .integer(1))
    }

    /// Budget 10, two voters (share 5). A costs 6 (voter 1), B costs 4 (both), C costs 5 (voter 2).
    static let add1Election = Election(
        projects: [Project(id: "A", cost: Rational(6)), Project(id: "B", cost: Rational(4)), Project(id: "C", cost: Rational(5))],
        budget: Rational(10),
        ballots: Ballots([[0, 1], [1, 2]]))

    @Test func add1StopsWhenExhaustive() throws {
        // Cardinality. Share 5: B (rho 4/2 = 2) before C (5) and A (6 > 5, unaffordable).
        // Budgets 3, 3: A 3 < 6, C 3 < 5. Outcome B, cost 4; A (6) fits in 6: not exhaustive.
        // Share 6: B, budgets 4, 4: A 4 < 6, C 4 < 5: B, cost 4: kept, still not exhaustive.
        // Share 7: B, budgets 5, 5: C 5 >= 5 funded (rho 5); A 5 < 6. B, C cost 9: kept;
        // 1 left, nothing fits: exhaustive, stop. Two steps, share 7.
        let outcome = try RuleRegistry.count(Self.add1Election, options: Self.options(.cardinality, completion: .add1))
        #expect(outcome.funded == [1, 2])
        #expect(outcome.detail("budget_share") == .rational(Rational(7)))
        #expect(outcome.detail("add1_steps") == .integer(2))
        // pabulib has no exhaustiveness test: share 8: B, budgets 6, 6: C (rho 5) then A
        // (voter 1 pays 6): cost 15 > 10 overspends: stop with share 7, same outcome.
        let pabulib = try RuleRegistry.count(Self.add1Election, options: Self.options(.cardinality, completion: .add1, variant: .pabulib))
        #expect(pabulib.funded == [1, 2])
        // The stepped loop runs MES 4 times (5, 6, 7, 8). By jumps: 5; then 6, proved (B
        // alone wins at both, its rho 2 at 5 below C's 5 at 6); then 8 (two units on): it
        // funds A too, no proof; then 7, the stepped loop's next share, kept; then 8 again,
        // already run: overspends, stop. Four shares run: 5, 6, 8, 7.
        #expect(pabulib.detail("add1_steps") == .integer(2))
        #expect(pabulib.detail("add1_runs") == .integer(4))
        // add1u: after add1 nothing fits in the 1 left.
        let add1u = try RuleRegistry.count(Self.add1Election, options: Self.options(.cardinality, completion: .add1u))
        #expect(add1u.funded == [1, 2])
    }

    @Test func greedyCompletion() throws {
        // Share 5: MES funds B only (above), 6 left. Greedy by votes: B 2 (funded), A 1, C 1;
        // A and C tie on votes, the default chain takes the cheaper C (5): funded, 1 left;
        // A (6) does not fit.
        let outcome = try RuleRegistry.count(Self.add1Election, options: Self.options(.cardinality, completion: .greedy))
        #expect(outcome.funded == [1, 2])
        #expect(outcome.totalCost == Rational(9))
        #expect(outcome.ties.contains { $0.context == "greedy completion order" && $0.winner == 2 })
    }

    @Test func unsupportedAndEmpty() throws {
        // A project nobody supports is never funded by MES; an empty ballot still holds a share.
        // Budget 4, two voters (share 2): X costs 2 (voter 1); Y costs 1 (nobody).
        let election = Election(
            projects: [Project(id: "X", cost: Rational(2)), Project(id: "Y", cost: Rational(1))],
            budget: Rational(4),
            ballots: Ballots([[0], []]))
        let outcome = try RuleRegistry.count(election, options: Self.options())
        #expect(outcome.funded == [0])
        #expect(outcome.detail("leftover_total") == .rational(Rational(2)))
        #expect(outcome.detail("leftover_max") == .rational(Rational(2)))
        let noBallots = Election(projects: election.projects, budget: Rational(4), ballots: Ballots([]))
        #expect(throws: CountError.self) { try RuleRegistry.count(noBallots, options: Self.options()) }
    }

    @Test func scoringBallotsGiveDefaultScoreToUnlistedProjects() throws {
        // Scoring ballots, default_score 1; budget 6, two voters (share 3).
        // X costs 2, Y costs 3. Voter 1 gives X 2 points (Y gets the default 1); voter 2
        // gives Y 2 points (X gets 1). Cardinality utility.
        // Round 1: X: 2 / (2 + 1) = 2/3 per point, payments 4/3 and 2/3: rho 2/3.
        //          Y: 3 / (1 + 2) = 1 per point, payments 1 and 2: rho 1. X first.
        // Budgets 3 - 4/3 = 5/3 and 3 - 2/3 = 7/3. Round 2: Y at 1 per point: 1 <= 5/3,
        // 2 <= 7/3: rho 1. Without the default score, rho would be 1 and 3/2.
        var limits = BallotLimits()
        limits.defaultScore = 1
        let election = Election(
            projects: [Project(id: "X", cost: Rational(2)), Project(id: "Y", cost: Rational(3))],
            budget: Rational(6), voteType: .scoring, limits: limits,
            ballots: Ballots([[0], [1]], points: [[2], [2]]))
        let outcome = try RuleRegistry.count(election, options: Self.options(.cardinality))
        #expect(outcome.funded == [0, 1])
        #expect(outcome.rounds.map { $0.value("rho") } == [.rational(Rational(2, 3)), .rational(Rational(1))])
    }

    @Test func unresolvedTieIsAnError() throws {
        // A and B tie at rho 1/2 and have the same votes; `votes` alone cannot separate them.
        #expect(throws: CountError.self) {
            try RuleRegistry.count(Self.tieElection, options: Self.options(chain: [.votes]))
        }
    }
}
