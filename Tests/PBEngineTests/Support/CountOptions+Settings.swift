import PBEngine

/// Typed access to the rule settings that tests set often, written into
/// ``CountOptions/settings`` as the command line would (each rule reads its own).
enum Completion: String, CaseIterable {
    case none, greedy, add1, add1u
    case addOpt = "add-opt"
    case addOptSkip = "add-opt-skip"
}

typealias Add1Variant = EqualShares.Add1Variant
typealias ComparisonMode = EqualShares.ComparisonMode
typealias GreedyVariant = GreedyRule.Variant

extension CountOptions {
    private func setting<T: RawRepresentable>(_ key: String, _ fallback: T) -> T where T.RawValue == String {
        settings[key].flatMap(T.init(rawValue:)) ?? fallback
    }

    var utility: Utility {
        get { setting("utility", .cost) }
        set { settings["utility"] = newValue.rawValue }
    }
    var greedyVariant: GreedyVariant {
        get { setting("greedy", .skip) }
        set { settings["greedy"] = newValue.rawValue }
    }
    var completion: Completion {
        get { setting("completion", .none) }
        set { settings["completion"] = newValue.rawValue }
    }
    var add1Variant: Add1Variant {
        get { setting("add1_variant", .equalshares) }
        set { settings["add1_variant"] = newValue.rawValue }
    }
    var comparison: ComparisonMode {
        get { setting("comparison", .none) }
        set { settings["comparison"] = newValue.rawValue }
    }
    var threshold: Rational? {
        get { settings["threshold"].flatMap { Rational(exactly: $0) } }
        set { settings["threshold"] = newValue?.description }
    }

    /// The settings that belong to `rule` only (tests set some for every rule).
    func forRule(_ rule: String) -> CountOptions {
        var o = self
        o.rule = rule
        let keys = Set(RuleRegistry.rule(named: rule)?.optionSpecs.map(\.key) ?? [])
        o.settings = settings.filter { keys.contains($0.key) }
        return o
    }
}

extension CountingRule {
    /// Counts through the registry with this rule, as `pbcount count --rule NAME` does.
    static func count(_ election: Election, options: CountOptions) throws -> Outcome {
        try RuleRegistry.count(election, options: options.forRule(name))
    }
}

extension CountOptions {
    /// What a result records for a count with these options (the rule reads its settings).
    func recorded(for election: Election) -> [String: String] {
        recorded(ruleOptions: try! RuleRegistry.recordedOptions(self))
    }
}
