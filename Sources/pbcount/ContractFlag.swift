import ArgumentParser
import PBEngine

/// The rule options that RULES.md's command-line contract spells as flags of their own
/// (`--utility`, `--greedy`, ...), by the key results record them under. Any other rule
/// option is given as `--option KEY=VALUE`; a new rule adds none here.
enum ContractFlag: String, CaseIterable {
    case utility
    case greedy
    case threshold
    case completion
    case add1Variant = "add1_variant"
    case comparison

    /// The flag: the key with dashes.
    var flag: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    /// What the registry's rules say of the option, with each rule's values where they
    /// differ.
    var help: ArgumentHelp {
        let specs = RuleRegistry.rules.compactMap { rule in rule.optionSpecs.first { $0.key == rawValue }.map { (rule.name, $0) } }
        guard let first = specs.first?.1 else { return ArgumentHelp("(no rule takes this option)") }
        if specs.allSatisfy({ $0.1.values == first.values }) {
            return ArgumentHelp(first.help + " (" + specs.map(\.0).joined(separator: ", ") + ")")
        }
        return ArgumentHelp(specs.map { "\($0.0): \($0.1.help)" }.joined(separator: " "))
    }
}
