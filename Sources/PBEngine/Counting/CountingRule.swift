/// A counting rule, as a plug-in: everything pbcount knows about the rule, in one place.
///
/// A rule owns its names, its typed options (defaults, validation, help), its count, the
/// typed trace of what happened, how that trace reads as a result and as an explanation,
/// and which pabulib META `rule` values it reproduces. The rest of the program (command
/// line, result writer, `verify`, `explain`, tests that loop over rules) asks
/// ``RuleRegistry`` and never names a rule. Adding a rule: one folder under `Rules/`, one
/// guide in `Guides/`, one line in ``RuleRegistry/rules``.
public protocol CountingRule: Sendable {
    /// The rule's typed options, read from ``RuleSettings``.
    associatedtype Options: Sendable
    /// What one count records: the rule's own account of its rounds.
    associatedtype Trace: RuleTrace

    /// The name used on the command line and in results (`--rule NAME`).
    static var name: String { get }
    /// A one-line description for help text.
    static var summary: String { get }
    /// The options the rule takes, in the order the text report lists them.
    static var optionSpecs: [RuleOptionSpec] { get }

    /// Reads the rule's options; absent keys take their defaults.
    ///
    /// - Throws: ``CountError/badOption(rule:key:value:reason:)`` for a value the rule
    ///   cannot take (unknown keys are refused before this is called).
    static func options(_ settings: RuleSettings) throws(CountError) -> Options

    /// The options that shaped a count, as text, in ``optionSpecs`` order: what a result
    /// records so that the count can be redone.
    static func recorded(_ options: Options) -> [RecordedOption]

    /// Counts `election` (ordinal ballots arrive scored).
    ///
    /// - Parameters:
    ///   - options: The rule's own options.
    ///   - common: The options every rule shares (tie chain, threads, trace detail).
    /// - Throws: ``CountError`` when the options do not apply to these ballots or a tie
    ///   stays unresolved.
    static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<Trace>

    /// The options that reproduce a pabulib META `rule` value, or `nil` when this rule
    /// does not answer for it. Used by `verify --selected-column`.
    static func settings(forMetaRule metaRule: String) -> MetaRuleSettings?

    /// The keys of ``RuleTrace/resultDetails`` that say how much work the count took (MES
    /// runs, search nodes), not what it decided: `verify` reports a difference in them as
    /// a note, since another engine version may do less work for the same outcome.
    static var workDetails: [String] { get }
}

extension CountingRule {
    public static func settings(forMetaRule metaRule: String) -> MetaRuleSettings? { nil }
    public static var workDetails: [String] { [] }
}

/// What a rule's count returns: the funded projects and the rule's own trace.
public struct RuleCount<Trace: RuleTrace>: Sendable {
    /// Funded project indices, in the order they were funded.
    public var funded: [Int]
    /// Total cost of the funded projects.
    public var totalCost: Rational
    /// Every tie that the chain broke.
    public var ties: [TieRecord]
    /// The rule's account of the count.
    public var trace: Trace

    public init(funded: [Int], totalCost: Rational, ties: [TieRecord], trace: Trace) {
        self.funded = funded
        self.totalCost = totalCost
        self.ties = ties
        self.trace = trace
    }
}

/// A rule's typed record of one count, and the views derived from it.
///
/// The result file, the text report and `explain` are views of the trace; none of them
/// recounts.
public protocol RuleTrace: Sendable {
    /// The steps as the result file lists them (`rounds`), in order.
    var resultRounds: [Round] { get }
    /// Rule-specific totals and facts as the result file lists them (`details`).
    var resultDetails: [Detail] { get }
    /// Why `project` was or was not funded, one sentence per entry.
    ///
    /// - Parameter context: the election as counted, the outcome and the project.
    func explain(_ context: ExplanationContext) -> [String]
}

/// One option of a rule: its key (as results record it and `--option KEY=VALUE` takes
/// it), its flag on the command line, its values and default, and help.
public struct RuleOptionSpec: Sendable, Equatable {
    /// The key in results (`add1_variant`).
    public var key: String
    /// The values it takes, or empty for a free value (a number).
    public var values: [String]
    /// The value when the option is not given, or `nil` when absent means "not set".
    public var defaultValue: String?
    /// One line of help.
    public var help: String

    public init(key: String, values: [String] = [], defaultValue: String?, help: String) {
        self.key = key
        self.values = values
        self.defaultValue = defaultValue
        self.help = help
    }

    /// The command-line flag: the key with dashes (`add1-variant`).
    public var flag: String { key.replacingOccurrences(of: "_", with: "-") }
}

/// One recorded option: key and value as text.
public struct RecordedOption: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// The options that reproduce a META `rule` value: the rule's settings and, where the
/// published count used one, its tie chain.
public struct MetaRuleSettings: Sendable, Equatable {
    public var settings: [String: String]
    public var tieChain: [TieCriterion]?

    public init(_ settings: [String: String], tieChain: [TieCriterion]? = nil) {
        self.settings = settings
        self.tieChain = tieChain
    }
}
