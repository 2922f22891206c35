/// The effective support of a funded project (pabutools 1.2.3's
/// `calculate_effective_supports` for a project in the allocation): what its supporters
/// could have put towards it, in percent of its cost, in an equal-shares count without
/// it; at least 100, since it was funded.
public struct FundedEffectiveSupport: Sendable, Equatable {
    /// The funded project (index).
    public var project: Int
    /// In percent, rounded down, at least 100.
    public var effectiveSupport: Int

    public init(project: Int, effectiveSupport: Int) {
        self.project = project
        self.effectiveSupport = effectiveSupport
    }
}
