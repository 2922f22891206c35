import PBEngine
import Testing

/// `explain`: why a project was or was not funded.
@Suite("Explaining a project")
struct ExplanationTests {
    static let park = ResultDocumentTests.park

    @Test("greedy: rank and money left when its turn came")
    func greedy() throws {
        let election = try PabulibReader.read(path: Self.park)
        let funded = try Explanation.explain(project: "P3", in: election, options: Counting.options("greedy"))
        #expect(funded.funded)
        #expect(funded.sentences.contains { $0.contains("P3 ranks #3 of 4") })
        #expect(funded.sentences.contains("When its turn came, 50 was left; it fit, so it was funded, leaving 20."))
        let passed = try Explanation.explain(project: "P1", in: election, options: Counting.options("greedy"))
        #expect(!passed.funded)
        #expect(passed.sentences.contains("When its turn came, 50 was left, 10 less than its cost: it did not fit, so it was not funded."))
        #expect(passed.sentences.contains { $0.contains("tied with P2") && $0.contains("decided by cost: P2 went first") })
    }

    @Test("greedy no-skip: a project after the stop never had its turn")
    func noSkip() throws {
        let election = try PabulibReader.read(path: Self.park)
        let options = Counting.options("greedy") { $0.greedyVariant = .noSkip }
        let explanation = try Explanation.explain(project: "P4", in: election, options: options)
        #expect(explanation.sentences.contains { $0.contains("ranks #4 of 4") })
        #expect(explanation.sentences.contains { $0.hasPrefix("The no-skip count stopped at P1 (#2)") })
    }

    @Test("an unknown project is refused")
    func unknown() throws {
        let election = try PabulibReader.read(path: Self.park)
        #expect(throws: ExplanationError.self) {
            try Explanation.explain(project: "P9", in: election, options: Counting.options("greedy"))
        }
    }

    // Budget 100, four voters, share 25 each. p1 (cost 60) has voters 1-3 (75 >= 60, rho = 1/3
    // with cost utility: each pays 20); p2 (cost 40) has voter 4 only: 25 < 40, never affordable;
    // p3 (cost 30) has voters 1 and 2, who hold 5 each after p1: it was affordable (50 >= 30)
    // only before round 1.
    static let mes = Counting.election(costs: [60, 40, 30], budget: 100, ballots: [[0, 2], [0, 2], [0], [1]])

    @Test("mes: the round and rho of a funded project", .enabled(if: RuleRegistry.rule(named: "mes") != nil))
    func mesFunded() throws {
        let explanation = try Explanation.explain(project: "p1", in: Self.mes, options: Counting.options("mes"))
        #expect(explanation.funded)
        #expect(explanation.sentences.contains { $0.hasPrefix("It was funded in MES round 1 at rho 0.333333 (exactly 1/3)") })
        #expect(explanation.sentences.contains { $0.hasPrefix("Its 3 supporters paid 60 in all") })
    }

    @Test("mes: what the supporters of an unfunded project held and lacked", .enabled(if: RuleRegistry.rule(named: "mes") != nil))
    func mesUnfunded() throws {
        let never = try Explanation.explain(project: "p2", in: Self.mes, options: Counting.options("mes"))
        #expect(!never.funded)
        #expect(never.sentences.contains("Its 1 supporters held 25 at the start, 15 less than its cost: it was never affordable, so MES could not fund it."))
        let lost = try Explanation.explain(project: "p3", in: Self.mes, options: Counting.options("mes"))
        #expect(lost.sentences.contains { $0.hasPrefix("It was affordable until round 1: at its start its 2 supporters held 50") })
        #expect(lost.sentences.contains { $0.contains("paid 40 towards p1, leaving them 10: 20 short of its cost") })
    }

    // Knapsack (cost utility) on the park: welfare P1 180, P2 150, P3 60, P4 20; budget 100:
    // the optimum is P1 + P3 = 240 (Library, Bike lanes and Benches, greedy's choice, make 230).
    @Test("knapsack: the contribution to the optimum", .enabled(if: RuleRegistry.rule(named: "knapsack") != nil))
    func knapsack() throws {
        let election = try PabulibReader.read(path: Self.park)
        let options = Counting.options("knapsack")
        let outcome = try RuleRegistry.count(election, options: options)
        #expect(outcome.funded.map { election.projects[$0].id }.sorted() == ["P1", "P3"])
        let funded = try Explanation.explain(project: "P1", in: election, options: options)
        #expect(funded.sentences.contains { $0.hasPrefix("Its welfare (score × cost) is 180; the optimal set within the budget 100 has total welfare 240") })
        #expect(funded.sentences.contains("Its contribution: the best set without it has welfare 230, 10 less than the optimum; so it belongs to the optimum."))
        let unfunded = try Explanation.explain(project: "P2", in: election, options: options)
        #expect(unfunded.sentences.contains { $0.hasPrefix("The best set that contains it has welfare 230") })
    }

    @Test("explains every project of the shared MES-counted files without failing",
          .enabled(if: SharedData.isAvailable && RuleRegistry.rule(named: "mes") != nil, SharedData.absentMessage))
    func sharedMES() throws {
        let election = try PabulibReader.read(path: SharedData.path("Netherlands_Assen_2024.pb"))
        let options = try #require(RuleRegistry.options(forMetaRule: "equalshares/add1", base: Counting.options("greedy")))
        for project in election.projects {
            let explanation = try Explanation.explain(project: project.id, in: election, options: options)
            #expect(explanation.funded == (project.field("selected") == "1"))
            #expect(explanation.sentences.count >= 3)
        }
    }

    // Phragmén: p1 (30, three supporters) has max load 10 in round 1; p2 (90, one supporter)
    // would need 90. In round 2 p2 is the only one left and does not fit in the 70 left.
    @Test("phragmen: max loads against each round's winner", .enabled(if: RuleRegistry.rule(named: "phragmen") != nil))
    func phragmen() throws {
        let election = Counting.election(costs: [30, 90], budget: 100, ballots: [[0], [0], [0], [1]])
        let funded = try Explanation.explain(project: "p1", in: election, options: Counting.options("phragmen"))
        #expect(funded.sentences.contains("It was funded in round 1 with the smallest max load, 10: the load of each of its 3 supporters rose to that value."))
        let stopped = try Explanation.explain(project: "p2", in: election, options: Counting.options("phragmen"))
        #expect(stopped.sentences.contains("In round 1 its max load would have been 90; p1 needed less, 10."))
        #expect(stopped.sentences.contains("In round 2 it had the smallest max load, 90, but it costs 90 and only 70 was left: it did not fit, and the count stops there."))
    }
}
