import ArgumentParser
import Foundation
import PBEngine

extension InvalidBallotPolicy: ExpressibleByArgument {}

/// The options that shape a count (RULES.md, "The command line contract").
///
/// The rule's own options reach it as text by key: the contract's flags (`--utility`,
/// `--greedy`, `--threshold`, `--completion`, `--add1-variant`, `--comparison`) and
/// `--option KEY=VALUE` for any option of any rule. Each rule reads and checks its own
/// (``CountingRule/options(_:)``); this group names no rule and knows no rule's values:
/// the help text comes from the registry.
struct CountOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("The rule (default \(RuleRegistry.names[0])).", discussion: RuleRegistry.rules.map { "\($0.name): \($0.summary)" }.joined(separator: "\n")))
    var rule: String?

    @Option(name: .customLong(ContractFlag.utility.flag), help: ContractFlag.utility.help)
    var utility: String?

    @Option(name: .customLong(ContractFlag.greedy.flag), help: ContractFlag.greedy.help)
    var greedyVariant: String?

    @Option(name: .customLong(ContractFlag.threshold.flag), help: ContractFlag.threshold.help)
    var threshold: String?

    @Option(name: .customLong(ContractFlag.completion.flag), help: ContractFlag.completion.help)
    var completion: String?

    @Option(name: .customLong(ContractFlag.add1Variant.flag), help: ContractFlag.add1Variant.help)
    var add1Variant: String?

    @Option(name: .customLong(ContractFlag.comparison.flag), help: ContractFlag.comparison.help)
    var comparison: String?

    @Option(name: .customLong("option"), help: ArgumentHelp("Any option of the rule as KEY=VALUE (repeatable), as results record them.", valueName: "KEY=VALUE"))
    var ruleOptions: [String] = []

    /// `--tie`, `--scoring`, `--invalid-ballots`: what every rule shares.
    @OptionGroup var shared: SharedCountOptionGroup

    @Option(help: "Threads for reading and counting (0: one per core). The result does not depend on it.")
    var threads: Int = 0

    /// The engine's options.
    func countOptions() throws -> CountOptions {
        var options = try shared.countOptions(threads: threads)
        options.rule = rule ?? options.rule
        guard RuleRegistry.rule(named: options.rule) != nil else {
            throw ValidationError("unknown rule '\(options.rule)'; known rules: \(RuleRegistry.names.joined(separator: ", "))")
        }
        let flags: [(ContractFlag, String?)] = [(.utility, utility), (.greedy, greedyVariant), (.threshold, threshold),
                                                 (.completion, completion), (.add1Variant, add1Variant), (.comparison, comparison)]
        for (flag, value) in flags {
            if let value { options.settings[flag.rawValue] = value }
        }
        for pair in ruleOptions {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--option takes KEY=VALUE, such as completion=add1 (got '\(pair)')")
            }
            let key = pair[..<eq].replacingOccurrences(of: "-", with: "_")
            options.settings[key] = String(pair[pair.index(after: eq)...])
        }
        // The rule checks its options now, so that a wrong one is a usage error before reading.
        do {
            _ = try RuleRegistry.recordedOptions(options)
        } catch {
            throw ValidationError(error.description)
        }
        return options
    }

    /// Parses a `--tie` chain.
    static func tieChain(_ text: String) throws -> [TieCriterion] {
        do {
            return try TieCriterion.chain(parsing: text)
        } catch {
            throw ValidationError("--tie: \(error.description)")
        }
    }
}
