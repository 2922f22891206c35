import ExactArithmetic
@testable import PBEngine
import Testing

/// Grouped satisfactions give the same average and Gini as the voters one by one
/// (`SatisfactionSummary(measure:values:)` and `giniCoefficient(_:)`, the plain
/// definitions), on the integer path (decimal costs) and on the rational fallback (costs
/// whose common denominator does not fit in 64 bits).
@Suite("Satisfaction levels")
struct SatisfactionLevelsTests {
    static func check(_ e: Election, funded: [Int]) {
        let sat = VoterSatisfaction(election: e, funded: funded)
        for measure in SatisfactionMeasure.allCases {
            let levels = SatisfactionLevels(election: e, funded: funded, measure: measure, satisfaction: sat)
            let values = sat.values(measure)
            let plain = SatisfactionSummary(measure: measure, values: values)
            let grouped = SatisfactionSummary(measure: measure, levels: levels)
            #expect(grouped == plain)
            #expect(levels.values == Array(Set(values)).sorted())
            #expect(levels.counts.reduce(0, +) == values.count)
            for i in values.indices { #expect(levels.values[Int(levels.level[i])] == values[i]) }
        }
    }

    @Test("random elections with decimal costs", arguments: 0 ..< 40)
    func decimal(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 900)
        func draw(_ bound: Int) -> Int { Int(rng.next(upperBound: UInt64(bound))) }
        let m = 1 + draw(10)
        let projects = (0..<m).map { Project(id: "p\($0)", cost: Rational(1 + draw(5000), [1, 10, 100, 4][draw(4)])) }
        let lists = (0 ..< draw(200)).map { _ in (0..<m).filter { _ in draw(3) == 0 } }
        let funded = (0..<m).filter { _ in draw(2) == 0 }
        Self.check(Election(projects: projects, budget: Rational(1000), ballots: Ballots(lists)), funded: funded)
    }

    @Test("costs whose denominators overflow 64 bits take the rational path")
    func fallback() {
        let primes = [1_000_000_007, 998_244_353, 1_000_000_009]
        let projects = primes.enumerated().map { k, p in Project(id: "p\(k)", cost: Rational(k + 2, p)) }
        let e = Election(projects: projects, budget: Rational(1), ballots: Ballots([[0, 1], [1, 2], [0, 2], [2], [0, 1, 2], []]))
        Self.check(e, funded: [0, 1, 2])
        Self.check(e, funded: [1, 2])
    }

    /// Sums whose span and voter numbers do not fit together in 64 bits take the sorted
    /// and searched path, and the Gini's 128-bit sums go past 64 bits (a cost near 2^61
    /// times a weight of tens); both checked against the voters one by one.
    @Test("sums near 2^62 take the searched path and 128-bit Gini sums")
    func wideSums() {
        let big = 1 << 61
        let projects = [Project(id: "a", cost: Rational(big + 1)), Project(id: "b", cost: Rational(big - 7)),
                        Project(id: "c", cost: Rational(3))]
        let lists = (0..<40).map { i in [[0], [1], [0, 2], [2], [], [0, 1]][i % 6] }
        Self.check(Election(projects: projects, budget: Rational(1), ballots: Ballots(lists)), funded: [0, 1, 2])
        Self.check(Election(projects: projects, budget: Rational(1), ballots: Ballots(lists)), funded: [0, 2])
    }
}
