import PBEngine
import Testing

/// Effective supports of funded and unfunded projects after MES (pabutools 1.2.3's
/// `calculate_effective_supports`, which covers every project).
@Suite("Effective supports")
struct EffectiveSupportTests {
    /// Projects p1 (4) and p2 (4), budget 10, voters {p1} and {p1, p2}: share 5 each.
    ///
    /// MES (cost utility): p1 at rho 1/2 (each pays 2, both keep 3); p2's only supporter
    /// holds 3 < 4, so the outcome is {p1}.
    /// - p2 (unfunded): after round 1, cover min(3, 1/2 * 4) = 2, 50%; at the end the
    ///   supporter holds 3: 75%. Effective support 75.
    /// - p1 (funded): MES without p1 funds p2 at rho 1 (voter 2 pays 4, keeps 1); cover
    ///   then min(5, 4) + min(1, 4) = 5, 125%; at the end 5 + 1 = 6: 150%. At least 100:
    ///   150.
    /// pabutools 1.2.3 gives {p1: 150, p2: 75} with Cost_Sat and with Cardinality_Sat
    /// (cardinality: rho 2 for p1, the same payments).
    @Test("hand-worked: funded 150, unfunded 75, both utilities", arguments: [Utility.cost, .cardinality])
    func handWorked(utility: Utility) throws {
        let e = Counting.election(costs: [4, 4], budget: 10, ballots: [[0], [0, 1]])
        let outcome = try RuleRegistry.count(e, options: Counting.options("mes", utility: utility))
        #expect(outcome.funded == [0])
        let m = OutcomeMetrics(election: e, outcome: outcome)
        #expect(m.fundedProjects == [FundedEffectiveSupport(project: 0, effectiveSupport: 150)])
        #expect(m.unfundedProjects?.map(\.project) == [1])
        #expect(m.unfundedProjects?.map(\.effectiveSupport) == [75])
    }

    /// Budget 6, voters {p1}, {p1}, {p2}: share 2 each. MES funds p1 (4) at rho 1/2 (each
    /// of its supporters pays 2); p2 (3): its supporter holds 2 < 3, unfunded.
    /// - p1: without it, p2 is still unaffordable, so there is no round; at the end p1's
    ///   supporters hold 2 + 2 = 4: 100%.
    /// - p2: no round changes its supporter's 2: 66% (rounded down).
    @Test("a funded project is reported with at least 100")
    func atLeastHundred() throws {
        let e = Counting.election(costs: [4, 3], budget: 6, ballots: [[0], [0], [1]])
        let outcome = try RuleRegistry.count(e, options: Counting.options("mes"))
        #expect(outcome.funded == [0])
        let m = OutcomeMetrics(election: e, outcome: outcome)
        #expect(m.fundedProjects == [FundedEffectiveSupport(project: 0, effectiveSupport: 100)])
        #expect(m.unfundedProjects?.map(\.effectiveSupport) == [66])
    }

    @Test("batch does not ask for them; other rules' traces do not offer them")
    func notOffered() throws {
        let e = Counting.election(costs: [4, 4], budget: 10, ballots: [[0], [0, 1]])
        let mes = try RuleRegistry.count(e, options: Counting.options("mes"))
        #expect(OutcomeMetrics(election: e, outcome: mes, projectAnalysis: false).fundedProjects == nil)
        let greedy = try RuleRegistry.count(e, options: Counting.options("greedy"))
        #expect(OutcomeMetrics(election: e, outcome: greedy).fundedProjects == nil)
    }

    /// The replay of one project (what each funded project's counterfactual run asks)
    /// against the full replay of every unfunded project, on seeded random elections with
    /// approval and points ballots (zero points included), both utilities.
    @Test("one project's replay equals the full replay", arguments: [false, true])
    func oneProjectReplay(points: Bool) throws {
        var compared = 0
        for seed in 0..<300 {
            let e = EqualSharesRandomTests.randomElection(seed: UInt64(seed), points: points)
            for utility in [Utility.cost, .cardinality] {
                let outcome = try RuleRegistry.count(e, options: Counting.options("mes", utility: utility))
                let trace = try #require(outcome.trace as? EqualSharesTrace)
                for a in trace.unfundedProjectAnalysis(election: e, funded: outcome.funded) ?? [] {
                    #expect(trace.effectiveSupport(of: a.project, election: e) == a.effectiveSupport, "seed \(seed) \(utility) project \(a.project)")
                    compared += 1
                }
            }
        }
        #expect(compared > 300)
    }
}
