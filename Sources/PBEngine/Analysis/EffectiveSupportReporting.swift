/// A rule's trace that can say, for every unfunded project, its effective support and
/// what its supporters lost to other projects (equal-shares-like rules, whose rounds
/// record the price per unit of satisfaction).
///
/// Analysis asks `outcome.trace as? EffectiveSupportReporting` and never names a rule.
public protocol EffectiveSupportReporting {
    /// One entry per unfunded project that has supporters, in file order, or `nil` when
    /// this count cannot tell (for instance when another rule's outcome replaced it).
    ///
    /// - Parameters:
    ///   - election: The election as counted (ordinal ballots scored).
    ///   - funded: The outcome's funded projects.
    func unfundedProjectAnalysis(election: Election, funded: [Int]) -> [UnfundedProjectAnalysis]?

    /// The effective support of every funded project that has supporters, in file order,
    /// or `nil` when this count cannot tell.
    ///
    /// - Parameters:
    ///   - election: The election as counted (ordinal ballots scored).
    ///   - funded: The outcome's funded projects.
    ///   - tieChain: The tie-breaking chain of the count (a recount may need it).
    func fundedEffectiveSupports(election: Election, funded: [Int], tieChain: [TieCriterion]) -> [FundedEffectiveSupport]?
}

extension EffectiveSupportReporting {
    /// None by default.
    public func fundedEffectiveSupports(election: Election, funded: [Int], tieChain: [TieCriterion]) -> [FundedEffectiveSupport]? {
        nil
    }
}
