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
    @Option(help: "The rule: \(RuleRegistry.names.joined(separator: ", ")).")
    var rule: String = "greedy"

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
        options.rule = rule
        guard RuleRegistry.rule(named: rule) != nil else {
            throw ValidationError("unknown rule '\(rule)'; known rules: \(RuleRegistry.names.joined(separator: ", "))")
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
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let item = String(part)
            switch item {
            case "votes": return .votes
            case "score": return .score
            case "cost": return .cost
            case "cost-desc": return .costDescending
            case "id": return .id
            case "file": return .file
            default:
                if item.hasPrefix("lot:"), let seed = UInt64(item.dropFirst(4)) { return .lot(seed: seed) }
                if item.hasPrefix("list:") {
                    let path = String(item.dropFirst(5))
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                        throw ValidationError("--tie list:\(path): cannot read the file (one project id per line, highest priority first)")
                    }
                    let ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    return .list(path: path, ids: ids)
                }
                throw ValidationError("--tie: unknown criterion '\(item)'; use votes, score, cost, cost-desc, id, file, list:PATH or lot:SEED")
            }
        }
    }
}
