/// How a voter's satisfaction with an outcome is measured (pabutools' `Cost_Sat` and
/// `Cardinality_Sat`).
///
/// Both count the funded projects that the voter's ballot lists, whatever their points:
/// `cost` adds their costs, `cardinality` counts them.
public enum SatisfactionMeasure: String, Sendable, CaseIterable, Hashable {
    /// The total cost of the funded projects on the ballot.
    case cost
    /// The number of funded projects on the ballot.
    case cardinality
}
