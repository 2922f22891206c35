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

    @Option(help: Self.help("utility"))
    var utility: String?

    @Option(name: .customLong("greedy"), help: Self.help("greedy"))
    var greedyVariant: String?

    @Option(help: Self.help("threshold"))
    var threshold: String?

    @Option(help: Self.help("completion"))
    var completion: String?

    @Option(name: .customLong("add1-variant"), help: Self.help("add1_variant"))
    var add1Variant: String?

    @Option(help: Self.help("comparison"))
    var comparison: String?

    @Option(name: .customLong("option"), help: ArgumentHelp("Any option of the rule as KEY=VALUE (repeatable), as results record them.", valueName: "KEY=VALUE"))
    var ruleOptions: [String] = []

    @Option(help: "Tie-breaking chain, comma-separated: votes, score, cost, cost-desc, id, file, list:PATH, lot:SEED.")
    var tie: String = "cost,votes,file"

    @Option(help: "Scoring of ordinal ballots: borda, positional or a list of points such as 3,2,1 (default positional).")
    var scoring: String?

    @Option(name: .customLong("invalid-ballots"), help: "Ballots that break META's limits: fail, skip (leave out) or keep (count).")
    var invalidBallots: InvalidBallotPolicy = .fail

    @Option(help: "Threads for reading and counting (0: one per core). The result does not depend on it.")
    var threads: Int = 0

    /// Help for a contract flag: what the registry's rules say of the option, with each
    /// rule's values where they differ.
    static func help(_ key: String) -> ArgumentHelp {
        let specs = RuleRegistry.rules.compactMap { rule in rule.optionSpecs.first { $0.key == key }.map { (rule.name, $0) } }
        guard let first = specs.first?.1 else { return ArgumentHelp("(no rule takes this option)") }
        if specs.allSatisfy({ $0.1.values == first.values }) {
            return ArgumentHelp(first.help + " (" + specs.map(\.0).joined(separator: ", ") + ")")
        }
        return ArgumentHelp(specs.map { "\($0.0): \($0.1.help)" }.joined(separator: " "))
    }

    /// The engine's options.
    func countOptions() throws -> CountOptions {
        var options = CountOptions()
        options.rule = rule ?? options.rule
        guard RuleRegistry.rule(named: options.rule) != nil else {
            throw ValidationError("unknown rule '\(options.rule)'; known rules: \(RuleRegistry.names.joined(separator: ", "))")
        }
        let flags: [(String, String?)] = [("utility", utility), ("greedy", greedyVariant), ("threshold", threshold),
                                           ("completion", completion), ("add1_variant", add1Variant), ("comparison", comparison)]
        for (key, value) in flags {
            if let value { options.settings[key] = value }
        }
        for pair in ruleOptions {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--option takes KEY=VALUE, such as completion=add1 (got '\(pair)')")
            }
            let key = pair[..<eq].replacingOccurrences(of: "-", with: "_")
            options.settings[key] = String(pair[pair.index(after: eq)...])
        }
        options.tieChain = try Self.tieChain(tie)
        if let scoring {
            guard let s = ScoringFunction(argument: scoring) else {
                throw ValidationError("--scoring must be borda, positional or a comma-separated list of non-negative points (got '\(scoring)')")
            }
            options.scoring = s
        }
        options.invalidBallots = invalidBallots
        options.threads = threads
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
