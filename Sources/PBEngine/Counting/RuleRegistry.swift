/// Every rule pbcount knows. The only list of rules in the program: the command line,
/// the result writer, `verify`, `explain` and the tests ask it.
public enum RuleRegistry {
    /// The rules, in the order help text lists them.
    public static let rules: [any CountingRule.Type] = [
        GreedyRule.self,
        EqualShares.self,
        KnapsackRule.self,
        PhragmenRule.self,
        ExactEqualShares.self,
        MaximinSupport.self,
    ]

    /// The names of every rule.
    public static var names: [String] { rules.map { $0.name } }

    /// The rule named `name`.
    public static func rule(named name: String) -> (any CountingRule.Type)? {
        rules.first { $0.name == name }
    }

    /// Every option key of any rule, with the rules that take it (for help text).
    public static var optionKeys: [(spec: RuleOptionSpec, rules: [String])] {
        var out: [(spec: RuleOptionSpec, rules: [String])] = []
        for rule in rules {
            for spec in rule.optionSpecs {
                if let k = out.firstIndex(where: { $0.spec.key == spec.key }) {
                    out[k].rules.append(rule.name)
                } else {
                    out.append((spec, [rule.name]))
                }
            }
        }
        return out
    }

    /// Counts `election` with the rule that `options.rule` names.
    ///
    /// Ordinal ballots are scored first with `options.scoring` (default `positional`).
    /// - Throws: ``CountError/unknownRule(_:)``, ``CountError/badOption(rule:key:value:reason:)``
    ///   for a setting the rule does not take, and what the rule throws.
    public static func count(_ election: Election, options: CountOptions) throws -> Outcome {
        guard let rule = rule(named: options.rule) else { throw CountError.unknownRule(options.rule) }
        return try count(rule, election.scored(by: options.effectiveScoring), options)
    }

    /// The options a count with `options` records (defaults filled in), without counting.
    ///
    /// - Throws: as ``count(_:options:)`` does for the options.
    public static func recordedOptions(_ options: CountOptions) throws(CountError) -> [RecordedOption] {
        guard let rule = rule(named: options.rule) else { throw CountError.unknownRule(options.rule) }
        return try recorded(rule, options)
    }

    private static func recorded<R: CountingRule>(_ rule: R.Type, _ options: CountOptions) throws(CountError) -> [RecordedOption] {
        R.recorded(try typedOptions(rule, options))
    }

    private static func typedOptions<R: CountingRule>(_ rule: R.Type, _ options: CountOptions) throws(CountError) -> R.Options {
        let known = Set(R.optionSpecs.map(\.key))
        if let unknown = options.settings.keys.sorted().first(where: { !known.contains($0) }) {
            let takes = R.optionSpecs.isEmpty ? "it takes no options of its own"
                : "it takes \(R.optionSpecs.map { "--\($0.flag)" }.joined(separator: ", "))"
            throw CountError.badOption(rule: R.name, key: unknown, value: options.settings[unknown] ?? "",
                                       reason: "\(R.name) has no such option; \(takes)")
        }
        return try R.options(RuleSettings(rule: R.name, values: options.settings))
    }

    private static func count<R: CountingRule>(_ rule: R.Type, _ election: Election, _ options: CountOptions) throws -> Outcome {
        let typed = try typedOptions(rule, options)
        let count = try R.count(election, options: typed, common: options)
        return Outcome(rule: R.name, funded: count.funded, totalCost: count.totalCost, budget: election.budget,
                       ties: count.ties, trace: count.trace, ruleOptions: R.recorded(typed))
    }

    /// The options that reproduce a pabulib META `rule` value, built on `base` (its tie
    /// chain, scoring, ballot policy and threads are kept unless the rule says otherwise),
    /// or `nil` when no rule answers for it.
    public static func options(forMetaRule metaRule: String, base: CountOptions = CountOptions()) -> CountOptions? {
        for rule in rules {
            guard let found = rule.settings(forMetaRule: metaRule) else { continue }
            var options = base
            options.rule = rule.name
            let keys = Set(rule.optionSpecs.map(\.key))
            options.settings = base.settings.filter { keys.contains($0.key) }.merging(found.settings) { _, new in new }
            if let chain = found.tieChain { options.tieChain = chain }
            return options
        }
        return nil
    }
}
