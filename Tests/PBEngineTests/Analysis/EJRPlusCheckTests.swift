import PBEngine
import Testing

/// EJR+ up to one: hand-worked violations with their witness, and the polynomial check
/// against a brute-force check of the definition on many small random elections.
@Suite("EJR+ up to one")
struct EJRPlusCheckTests {
    /// Budget 30, three voters: p1 (10) approved by voters 0 and 1, p2 (20) by voter 2.
    static let small = Counting.election(costs: [10, 20], budget: 30, ballots: [[0], [0], [1]])

    @Test("funding only the minority's project fails, with the majority as witness")
    func violation() throws {
        for measure in SatisfactionMeasure.allCases {
            let v = try #require(EJRPlusCheck.firstViolation(election: Self.small, funded: [1], measure: measure))
            #expect(v.project == 0)
            #expect(v.group == [0, 1])
            // Due: |N'| b u(p) / (n c(p)) = 2 * 30 * u / (3 * 10).
            #expect(v.due == (measure == .cost ? Rational(20) : Rational(2)))
            #expect(v.largestSatisfaction == (measure == .cost ? Rational(10) : Rational(1)))
        }
    }

    @Test("funding the majority's project passes: one voter is due 10, less than p2's 20")
    func satisfied() {
        for measure in SatisfactionMeasure.allCases {
            #expect(EJRPlusCheck.firstViolation(election: Self.small, funded: [0], measure: measure) == nil)
        }
    }

    @Test("a satisfied member is left out of the witness")
    func partialGroup() throws {
        // Budget 40, four voters; p1 (10) approved by voters 0, 1, 2; voter 2 also has p2 (20), funded.
        let e = Counting.election(costs: [10, 20, 10], budget: 40, ballots: [[0], [0], [0, 1], [2]])
        let v = try #require(EJRPlusCheck.firstViolation(election: e, funded: [1], measure: .cost))
        // Voters 0, 1, 2: due 3 * 40 * 10 / (4 * 10) = 30, and voter 2 has 20 + 10 = 30 <= 30.
        #expect(v.project == 0)
        #expect(v.group == [0, 1, 2])
        #expect(v.due == Rational(30))
        let card = try #require(EJRPlusCheck.firstViolation(election: e, funded: [1], measure: .cardinality))
        // Cardinality: due per member 40 / (4 * 10) = 1; voters 0, 1: 0 + 1 <= 2; voter 2: 1 + 1 <= 3.
        #expect(card.group == [0, 1, 2])
    }

    /// The definition, checked over every group of supporters.
    static func bruteForce(_ e: Election, funded: [Int], _ measure: SatisfactionMeasure) -> [Int] {
        let n = e.ballots.count
        let sat = VoterSatisfaction(election: e, funded: funded).values(measure)
        var out: [Int] = []
        for p in e.projects.indices where !funded.contains(p) {
            let supporters = (0..<n).filter { e.ballots.projects[e.ballots.range(of: $0)].contains(UInt16(p)) }
            let cost = e.projects[p].cost
            let u = measure == .cost ? cost : Rational.one
            var violated = false
            for mask in 1..<(1 << supporters.count) where !violated {
                let group = supporters.indices.filter { mask & (1 << $0) != 0 }.map { supporters[$0] }
                let due = Rational(group.count) * e.budget * u / (Rational(n) * cost)
                if group.allSatisfy({ sat[$0] + u <= due }) { violated = true }
            }
            if violated { out.append(p) }
        }
        return out
    }

    @Test("equals the brute-force definition on 3000 random elections", arguments: SatisfactionMeasure.allCases)
    func oracle(measure: SatisfactionMeasure) {
        var rng = SplitMix64(seed: measure == .cost ? 7 : 11)
        var violations = 0
        for _ in 0..<3000 {
            let m = Int(rng.next(upperBound: 5)) + 1
            let n = Int(rng.next(upperBound: 8)) + 1
            let costs = (0..<m).map { _ in Int(rng.next(upperBound: 10)) + 1 }
            let ballots = (0..<n).map { _ in (0..<m).filter { _ in rng.next(upperBound: 2) == 0 } }
            let budget = Int(rng.next(upperBound: UInt64(costs.reduce(0, +)))) + 1
            let funded = (0..<m).filter { _ in rng.next(upperBound: 3) == 0 }
            let e = Counting.election(costs: costs, budget: budget, ballots: ballots)
            let found = EJRPlusCheck.violations(election: e, funded: funded, measure: measure)
            let expected = Self.bruteForce(e, funded: funded, measure)
            #expect(found.map(\.project) == expected, "costs \(costs) budget \(budget) ballots \(ballots) funded \(funded)")
            // Every witness satisfies the definition.
            let sat = VoterSatisfaction(election: e, funded: funded).values(measure)
            for v in found {
                let u = measure == .cost ? e.projects[v.project].cost : Rational.one
                #expect(v.group.allSatisfy { sat[$0] + u <= v.due })
                #expect(v.due == Rational(v.group.count) * e.budget * u / (Rational(n) * e.projects[v.project].cost))
            }
            violations += expected.count
        }
        #expect(violations > 500)  // the sample exercises violations, not only passes
    }
}
