/// A counting rule: a pure function from an election and options to an outcome.
///
/// A new rule is one type conforming to this protocol, one entry in ``RuleRegistry``,
/// and a guide in `Guides/`.
public protocol CountingRule: Sendable {
    /// The name used on the command line and in results.
    static var name: String { get }
    /// A one-line description for help text.
    static var summary: String { get }
    /// Counts `election`.
    ///
    /// - Throws: ``CountError`` when the options do not apply or a tie stays unresolved.
    static func count(_ election: Election, options: CountOptions) throws -> Outcome
}

/// Every rule pbcount knows, by name.
public enum RuleRegistry {
    /// The rules, in the order help text lists them.
    public static let rules: [any CountingRule.Type] = [GreedyRule.self, EqualShares.self, KnapsackRule.self, PhragmenRule.self, ExactEqualShares.self]

    /// The names of every rule.
    public static var names: [String] { rules.map { $0.name } }

    /// The rule named `name`.
    public static func rule(named name: String) -> (any CountingRule.Type)? {
        rules.first { $0.name == name }
    }

    /// Counts `election` with the rule that `options.rule` names.
    ///
    /// Ordinal ballots are scored first with `options.scoring` (default `positional`).
    public static func count(_ election: Election, options: CountOptions) throws -> Outcome {
        guard let rule = rule(named: options.rule) else { throw CountError.unknownRule(options.rule) }
        return try rule.count(election.scored(by: options.effectiveScoring), options: options)
    }
}
