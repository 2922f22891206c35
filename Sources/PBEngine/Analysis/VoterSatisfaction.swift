/// Every voter's satisfaction with one outcome, under both measures.
///
/// A voter's cost satisfaction is the total cost of the funded projects their ballot
/// lists; their cardinality satisfaction is how many of them it lists (pabutools'
/// `Cost_Sat`, `Cardinality_Sat`). Points do not matter: a listed project counts.
public struct VoterSatisfaction: Sendable {
    /// Funded projects on each ballot, by ballot.
    public let cardinality: [Int]
    /// Cost of the funded projects on each ballot, by ballot.
    public let cost: [Rational]

    /// Measures every ballot of `election` against the funded set.
    ///
    /// - Parameters:
    ///   - election: The election as counted.
    ///   - funded: Funded project indices.
    /// - Complexity: O(total ballot entries).
    public init(election: Election, funded: [Int]) {
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let ballots = election.ballots
        var cardinality = [Int](repeating: 0, count: ballots.count)
        var cost = [Rational](repeating: .zero, count: ballots.count)
        for b in 0..<ballots.count {
            var count = 0
            var sum = Rational.zero
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                if isFunded[p] {
                    count += 1
                    sum += election.projects[p].cost
                }
            }
            cardinality[b] = count
            cost[b] = sum
        }
        self.cardinality = cardinality
        self.cost = cost
    }

    /// The satisfactions under `measure`, as rationals.
    public func values(_ measure: SatisfactionMeasure) -> [Rational] {
        switch measure {
        case .cost: return cost
        case .cardinality: return cardinality.map { Rational($0) }
        }
    }
}
