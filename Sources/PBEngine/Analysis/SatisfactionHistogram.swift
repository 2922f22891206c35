/// How many voters have 0, 1, 2, ... funded projects on their ballot (the histogram that
/// equalshares.net shows).
///
/// Bin `k` divided by the number of voters is pabutools' `satisfaction_histogram` with
/// `Cardinality_Sat`, `max_satisfaction = m` and `num_bins = m + 1`, where `m` is the
/// last bin here (the most funded projects any ballot lists).
public struct SatisfactionHistogram: Sendable, Equatable {
    /// `voters[k]`: voters with exactly `k` funded projects on their ballot.
    public var voters: [Int]

    /// Counts the cardinality satisfactions.
    ///
    /// - Parameter cardinality: Funded projects on each ballot.
    /// - Complexity: O(n) for n voters.
    public init(cardinality: [Int]) {
        var bins = [Int](repeating: 0, count: (cardinality.max() ?? 0) + 1)
        for k in cardinality { bins[k] += 1 }
        voters = bins
    }
}
