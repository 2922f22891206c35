import PBEngine
import Testing

/// The metrics on hand-worked examples (Guides/Analysis.md).
@Suite("Outcome metrics")
struct OutcomeMetricsTests {
    /// Costs 10, 20, 30; budget 40; ballots {p1,p2}, {p2}, {p3}, {p1,p3}; categories a, b, a+b.
    static func example() -> Election {
        let categories = ["a", "b", "a, b"]
        let projects = [10, 20, 30].enumerated().map { k, cost in
            Project(id: "p\(k + 1)", cost: Rational(cost), fields: [MetadataField(key: "category", value: categories[k])])
        }
        return Election(projects: projects, budget: Rational(40), ballots: Ballots([[0, 1], [1], [2], [0, 2]]))
    }

    static func outcome(_ election: Election, funded: [Int]) -> Outcome {
        // Metrics read only the funded set; the greedy rule's trace stands in for any.
        var o = try! RuleRegistry.count(election, options: Counting.options(RuleRegistry.names[0]))
        o.funded = funded
        o.totalCost = funded.reduce(Rational.zero) { $0 + election.projects[$1].cost }
        return o
    }

    @Test("satisfaction, Gini, non-empty-handed, histogram, budget spent")
    func basics() {
        let e = Self.example()
        let m = OutcomeMetrics(election: e, outcome: Self.outcome(e, funded: [0, 2]))
        // Cost satisfaction 10, 0, 30, 40: mean 20; sorted 0,10,30,40 weighted 130, Gini (5 - 260/80)/4.
        #expect(m.cost.average == Rational(20))
        #expect(m.cost.gini == Rational(7, 16))
        // Cardinality 1, 0, 1, 2: mean 1; Gini (5 - 14/4)/4 = 3/8.
        #expect(m.cardinality.average == Rational(1))
        #expect(m.cardinality.gini == Rational(3, 8))
        #expect(m.nonEmptyHanded == Rational(3, 4))
        #expect(m.histogram.voters == [1, 2, 1])
        #expect(m.budgetSpent == Rational(1))
        #expect(m.exhaustive)
        let partial = OutcomeMetrics(election: e, outcome: Self.outcome(e, funded: [1]))
        #expect(partial.budgetSpent == Rational(1, 2))
        #expect(!partial.exhaustive)  // p1 (10) fits in the 20 left
    }

    @Test("Gini of all-zero and of equal values is 0")
    func giniEdges() {
        #expect(giniCoefficient([]) == .zero)
        #expect(giniCoefficient([.zero, .zero]) == .zero)
        #expect(giniCoefficient([Rational(3), Rational(3), Rational(3)]) == .zero)
        // One voter has everything: (n + 1 - 2)/n = (n - 1)/n.
        #expect(giniCoefficient([.zero, .zero, .zero, Rational(5)]) == Rational(3, 4))
    }

    @Test("category proportionality")
    func categories() throws {
        let e = Self.example()
        let c = try CategoryProportionality(election: e, funded: [0, 2])
        // Spent a 40/40, b 30/40; asked a 7/12, b 41/48: (25/144 + 25/2304) / 2.
        #expect(c.categories == ["a", "b"])
        #expect(c.meanSquareDifference == Rational(425, 4608))
        #expect(c.value == "0.911894566245505")  // exp(-425/4608)
        #expect(try CategoryProportionality(election: e, funded: []).value == "0")
        let plain = Counting.election(costs: [1], budget: 1, ballots: [[0]])
        #expect(throws: CategoryProportionality.Undefined.noCategories) { try CategoryProportionality(election: plain, funded: [0]) }
    }
}
