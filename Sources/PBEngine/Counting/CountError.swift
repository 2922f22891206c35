/// Why a count could not be made. Each case says what to do about it.
public enum CountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The tie chain left projects tied; the ids and the chain.
    case unresolvedTie([String], String)
    /// The rule does not exist.
    case unknownRule(String)
    /// An option the rule does not take, or a value it cannot take.
    case badOption(rule: String, key: String, value: String, reason: String)
    /// The rule cannot count with these options or this ballot kind.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .unresolvedTie(ids, chain):
            return "the tie-breaking chain '\(chain)' leaves projects \(ids.joined(separator: ", ")) tied; add a criterion that separates them, such as 'file' or 'id' (--tie \(chain),file)"
        case let .unknownRule(name):
            return "unknown rule '\(name)'; known rules: \(RuleRegistry.names.joined(separator: ", "))"
        case let .badOption(rule, key, value, reason):
            return "--\(key.replacingOccurrences(of: "_", with: "-")) \(value): \(reason) (rule \(rule))"
        case let .unsupported(what):
            return what
        }
    }
}
