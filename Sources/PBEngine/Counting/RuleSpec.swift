/// A rule and its settings in one word, `RULE[:KEY=VALUE]...` (`mes:completion=add1:add1_variant=pabulib`),
/// as `--compare` takes them: what fills ``CountOptions/rule`` and ``CountOptions/settings``.
///
/// Keys may be written with dashes (`add1-variant`); they are kept with underscores, as
/// results record them. The rule and its keys are checked when counting, by the registry.
public struct RuleSpec: Sendable, Hashable {
    /// The rule's registry name.
    public var rule: String
    /// The rule's own options as text, by key.
    public var settings: [String: String]

    public init(rule: String, settings: [String: String] = [:]) {
        self.rule = rule
        self.settings = settings
    }

    /// Reads `RULE[:KEY=VALUE]...`.
    ///
    /// - Throws: ``RuleSpecError`` for an empty rule, a part without `=`, an empty key, or
    ///   a key given twice.
    /// - Complexity: O(length of `text`).
    public init(parsing text: String) throws(RuleSpecError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let rule = parts.first, !rule.isEmpty else {
            throw RuleSpecError(spec: text, reason: "it names no rule; write RULE[:KEY=VALUE]...")
        }
        var settings: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "="), eq != part.startIndex else {
                throw RuleSpecError(spec: text, reason: "'\(part)' is not KEY=VALUE")
            }
            let key = part[..<eq].replacingOccurrences(of: "-", with: "_")
            guard settings[key] == nil else {
                throw RuleSpecError(spec: text, reason: "the key '\(key)' is given twice")
            }
            settings[key] = String(part[part.index(after: eq)...])
        }
        self.init(rule: rule, settings: settings)
    }
}

/// Why a ``RuleSpec`` could not be read: the spec and what is wrong.
public struct RuleSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var spec: String
    public var reason: String

    public var description: String { "'\(spec)': \(reason)" }
}
