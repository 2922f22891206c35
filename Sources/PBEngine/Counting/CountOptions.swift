/// Every option that shapes a count (RULES.md, "The command line contract").
///
/// A result records all of them, defaults included, so that a count can be redone.
public struct CountOptions: Sendable, Hashable {
    /// The rule's name in the registry (`greedy`, `mes`, ...).
    public var rule: String = "greedy"
    public var utility: Utility = .cost
    public var greedyVariant: GreedyVariant = .skip
    /// Support threshold for `greedy threshold`; `nil` takes META `min_project_score_threshold`.
    public var threshold: Rational?
    public var completion: Completion = .none
    public var add1Variant: Add1Variant = .equalshares
    public var comparison: ComparisonMode = .none
    public var tieChain: [TieCriterion] = TieBreaking.defaultChain
    /// For ordinal ballots; `nil` means the default, ``ScoringFunction/positional``.
    public var scoring: ScoringFunction?
    public var invalidBallots: InvalidBallotPolicy = .fail

    public init() {}

    /// The scoring function that applies (the default filled in).
    public var effectiveScoring: ScoringFunction { scoring ?? .positional }
}

/// How a voter values a funded project (RULES.md, "Utilities").
public enum Utility: String, Sendable, CaseIterable {
    /// `w_i(p) * c(p)`.
    case cost
    /// `w_i(p)`.
    case cardinality
}

/// The greedy rule's variants.
public enum GreedyVariant: String, Sendable, CaseIterable {
    case skip
    case noSkip = "no-skip"
    case threshold
}

/// What runs after MES or EES leaves money unspent.
public enum Completion: String, Sendable, CaseIterable {
    case none
    case greedy
    case add1
    case add1u
    case addOpt = "add-opt"
    case addOptSkip = "add-opt-skip"
}

/// The three published definitions of MES's add1 completion.
public enum Add1Variant: String, Sendable, CaseIterable {
    case equalshares
    case pabulib
    case pabutools
}

/// The `comparison` step after an MES completion.
public enum ComparisonMode: String, Sendable, CaseIterable {
    case none
    case satisfaction
    case exclusion
}
