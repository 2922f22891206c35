/// The average and the Gini coefficient of the voters' satisfaction under one measure
/// (pabutools' `avg_satisfaction` and `gini_coefficient_of_satisfaction`), exact.
public struct SatisfactionSummary: Sendable, Equatable {
    /// The measure.
    public var measure: SatisfactionMeasure
    /// The mean satisfaction over every voter (0 when there are no voters).
    public var average: Rational
    /// The Gini coefficient of the satisfactions (``giniCoefficient(_:)``).
    public var gini: Rational

    /// Summarises `values`, the satisfaction of every voter under `measure`.
    ///
    /// - Complexity: O(n log n) for n voters.
    public init(measure: SatisfactionMeasure, values: [Rational]) {
        self.measure = measure
        var sum = Rational.zero
        for v in values { sum += v }
        average = values.isEmpty ? .zero : sum / Rational(values.count)
        gini = giniCoefficient(values)
    }

    /// Summarises grouped satisfactions (the same values as ``init(measure:values:)`` on
    /// the voters one by one).
    ///
    /// - Complexity: O(distinct values).
    init(measure: SatisfactionMeasure, levels: SatisfactionLevels) {
        self.measure = measure
        average = levels.voters == 0 ? .zero : levels.total / Rational(levels.voters)
        gini = levels.gini
    }
}
