/// A rule's options as text (from command-line flags, `--option KEY=VALUE`, or a result
/// file's `options`), read into typed values by the rule.
public struct RuleSettings: Sendable {
    /// The rule the settings are for (for messages).
    public let rule: String
    /// Option key → value as given; absent keys take the rule's defaults.
    public let values: [String: String]

    public init(rule: String, values: [String: String]) {
        self.rule = rule
        self.values = values
    }

    /// The value of a choice option, or `defaultValue` when absent.
    ///
    /// - Throws: ``CountError/badOption(rule:key:value:reason:)`` naming the values it takes.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: T) throws(CountError) -> T where T.RawValue == String {
        guard let text = values[key] else { return defaultValue }
        guard let value = T(rawValue: text) else {
            throw CountError.badOption(rule: rule, key: key, value: text,
                                       reason: "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The value of a number option (a plain decimal such as `200` or `12.5`, or an exact
    /// fraction such as `25/2`), or `nil` when absent.
    ///
    /// - Throws: ``CountError/badOption(rule:key:value:reason:)``.
    public func rational(_ key: String) throws(CountError) -> Rational? {
        guard let text = values[key] else { return nil }
        guard let value = Rational(decimal: text) ?? Rational(exactly: text) else {
            throw CountError.badOption(rule: rule, key: key, value: text, reason: "expected a plain decimal such as 200 or 12.5")
        }
        return value
    }
}
