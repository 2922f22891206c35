/// A rule with its own options, written as one word: `RULE` or `RULE:KEY=VALUE:KEY=VALUE`
/// (`mes:completion=add1:utility=cardinality`), as `compare` and `batch` take them.
///
/// The keys are the rule's option keys as results record them (a dash reads as an
/// underscore: `add1-variant` is `add1_variant`); they fill ``CountOptions/settings``.
/// Several specs are separated by commas (``list(_:)``); a value cannot contain `:` or `,`.
public struct RuleSpec: Sendable, Hashable {
    /// The spec as written.
    public var text: String
    /// The rule's registry name.
    public var rule: String
    /// The rule's options as given.
    public var settings: [String: String]

    /// Parses one spec and checks it against the registry.
    ///
    /// - Throws: ``CountError/unknownRule(_:)``, or ``CountError/badOption(rule:key:value:reason:)``
    ///   for a malformed pair, a key the rule does not take, or a value it refuses.
    public init(_ text: String) throws(CountError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let rule = parts[0]
        guard RuleRegistry.rule(named: rule) != nil else { throw CountError.unknownRule(rule) }
        var settings: [String: String] = [:]
        for pair in parts.dropFirst() {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CountError.badOption(rule: rule, key: pair, value: "", reason: "a spec takes RULE:KEY=VALUE:..., such as mes:completion=add1")
            }
            let key = pair[..<eq].replacingOccurrences(of: "-", with: "_")
            guard settings[key] == nil else {
                throw CountError.badOption(rule: rule, key: key, value: String(pair[pair.index(after: eq)...]), reason: "given twice in one spec")
            }
            settings[key] = String(pair[pair.index(after: eq)...])
        }
        self.text = text
        self.rule = rule
        self.settings = settings
        _ = try RuleRegistry.recordedOptions(options(base: CountOptions()))
    }

    /// Parses a comma-separated list of specs.
    ///
    /// - Throws: as ``init(_:)``.
    /// - Complexity: O(length of the text).
    public static func list(_ text: String) throws(CountError) -> [RuleSpec] {
        var out: [RuleSpec] = []
        for part in text.split(separator: ",") { out.append(try RuleSpec(String(part))) }
        return out
    }

    /// `base` (the shared options: ties, scoring, ballots, threads) with this rule and its settings.
    public func options(base: CountOptions) -> CountOptions {
        var options = base
        options.rule = rule
        options.settings = settings
        return options
    }
}
