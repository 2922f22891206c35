/// The options of a count: the rule, its own settings, and what every rule shares
/// (RULES.md, "The command line contract").
///
/// A result records the rule, the shared options and the rule's options as it read them
/// (defaults filled in), so that the count can be redone.
public struct CountOptions: Sendable, Hashable {
    /// The rule's name in the registry.
    public var rule: String = RuleRegistry.rules[0].name
    /// The rule's own options as text, by key (`utility`, `completion`, ...); absent keys
    /// take the rule's defaults. The rule reads them into its typed options.
    public var settings: [String: String] = [:]
    public var tieChain: [TieCriterion] = TieBreaking.defaultChain
    /// For ordinal ballots; `nil` means the default, ``ScoringFunction/positional``.
    public var scoring: ScoringFunction?
    public var invalidBallots: InvalidBallotPolicy = .fail
    /// Threads for the parallel parts of a count (0: one per core). Never changes a result.
    public var threads: Int = 0
    /// Whether the rule records what `explain` needs about every project in every round
    /// (slower on large elections), or only what the result shows.
    public var traceDetail: TraceDetail = .result
    /// Where a long count reports what it is doing; never changes a result.
    public var progress = CountProgress()

    public init() {}

    /// The scoring function that applies (the default filled in).
    public var effectiveScoring: ScoringFunction { scoring ?? .positional }

    /// The number of threads to use: `threads`, or one per core when 0.
    public var effectiveThreads: Int { threads > 0 ? threads : System.coreCount }
}

/// How much a rule's trace records.
public enum TraceDetail: Sendable, Hashable {
    /// What the result file shows.
    case result
    /// Also what explains every project (the candidates of every round).
    case explanation
}

/// How a voter values a funded project (RULES.md, "Utilities"); an option of the rules
/// that take `--utility`.
public enum Utility: String, Sendable, CaseIterable {
    /// `w_i(p) * c(p)`.
    case cost
    /// `w_i(p)`.
    case cardinality

    /// The option as rules declare it.
    public static let spec = RuleOptionSpec(key: "utility", values: allCases.map(\.rawValue), defaultValue: Utility.cost.rawValue,
                                            help: "How voters value funded projects: cost (w × cost) or cardinality (w).")
}
