import ArgumentParser
import Foundation
import PBEngine

extension Utility: ExpressibleByArgument {}
extension GreedyVariant: ExpressibleByArgument {}
extension Completion: ExpressibleByArgument {}
extension Add1Variant: ExpressibleByArgument {}
extension ComparisonMode: ExpressibleByArgument {}
extension InvalidBallotPolicy: ExpressibleByArgument {}

/// The options that shape a count (RULES.md, "The command line contract").
struct CountOptionGroup: ParsableArguments {
    @Option(help: "The rule: \(RuleRegistry.names.joined(separator: ", ")) (default: greedy).")
    var rule: String?

    @Option(help: "How voters value funded projects: cost or cardinality.")
    var utility: Utility = .cost

    @Option(name: .customLong("greedy"), help: "Greedy variant: skip, no-skip or threshold.")
    var greedyVariant: GreedyVariant = .skip

    @Option(help: "Support threshold for --greedy threshold (default: META min_project_score_threshold).")
    var threshold: String?

    @Option(help: "Completion after MES or EES: none, greedy, add1, add1u, add-opt, add-opt-skip.")
    var completion: Completion = .none

    @Option(name: .customLong("add1-variant"), help: "Definition of add1: equalshares, pabulib or pabutools.")
    var add1Variant: Add1Variant = .equalshares

    @Option(help: "Comparison step after an MES completion: none, satisfaction or exclusion.")
    var comparison: ComparisonMode = .none

    @Option(help: "Tie-breaking chain, comma-separated: votes, score, cost, cost-desc, id, file, list:PATH, lot:SEED.")
    var tie: String = "cost,votes,file"

    @Option(help: "Scoring of ordinal ballots: borda, positional or a list of points such as 3,2,1 (default positional).")
    var scoring: String?

    @Option(name: .customLong("invalid-ballots"), help: "Ballots that break META's limits: fail, skip (leave out) or keep (count).")
    var invalidBallots: InvalidBallotPolicy = .fail

    @Option(help: "Threads for reading (0: one per core). The result does not depend on it.")
    var threads: Int = 0

    /// The engine's options.
    func countOptions() throws -> CountOptions {
        var options = CountOptions()
        options.rule = rule ?? options.rule
        guard RuleRegistry.rule(named: options.rule) != nil else {
            throw ValidationError("unknown rule '\(options.rule)'; known rules: \(RuleRegistry.names.joined(separator: ", "))")
        }
        options.utility = utility
        options.greedyVariant = greedyVariant
        if let threshold {
            guard let t = Rational(decimal: threshold) else {
                throw ValidationError("--threshold must be a plain decimal, such as 200 or 12.5 (got '\(threshold)')")
            }
            options.threshold = t
        }
        options.completion = completion
        options.add1Variant = add1Variant
        options.comparison = comparison
        options.tieChain = try Self.tieChain(tie)
        if let scoring {
            guard let s = ScoringFunction(argument: scoring) else {
                throw ValidationError("--scoring must be borda, positional or a comma-separated list of non-negative points (got '\(scoring)')")
            }
            options.scoring = s
        }
        options.invalidBallots = invalidBallots
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
