import ArgumentParser
import PBEngine

/// The options every rule shares, for commands that take the rules as specs
/// (`compare`, `batch`): ties, scoring, invalid ballots.
struct SharedCountOptionGroup: ParsableArguments {
    @Option(help: "Tie-breaking chain for every rule, comma-separated: votes, score, cost, cost-desc, id, file, list:PATH, lot:SEED.")
    var tie: String = "cost,votes,file"

    @Option(help: "Scoring of ordinal ballots: borda, positional or a list of points such as 3,2,1 (default positional).")
    var scoring: String?

    @Option(name: .customLong("invalid-ballots"), help: "Ballots that break META's limits: fail, skip (leave out) or keep (count).")
    var invalidBallots: InvalidBallotPolicy = .fail

    /// The shared options, with `threads` for each count.
    func countOptions(threads: Int) throws -> CountOptions {
        var options = CountOptions()
        options.tieChain = try CountOptionGroup.tieChain(tie)
        if let scoring {
            guard let s = ScoringFunction(argument: scoring) else {
                throw ValidationError("--scoring must be borda, positional or a comma-separated list of non-negative points (got '\(scoring)')")
            }
            options.scoring = s
        }
        options.invalidBallots = invalidBallots
        options.threads = threads
        return options
    }

    /// Parses `--rules`.
    static func specs(_ text: String) throws -> [RuleSpec] {
        do {
            let specs = try RuleSpec.list(text)
            guard !specs.isEmpty else { throw ValidationError("--rules: give at least one rule") }
            return specs
        } catch let error as CountError {
            throw ValidationError("--rules: \(error.description)")
        }
    }

    /// Help for `--rules`.
    static let rulesHelp = ArgumentHelp(
        "Comma-separated specs RULE[:KEY=VALUE...], such as \(RuleRegistry.names.joined(separator: ",")) or mes:completion=add1:utility=cardinality; keys are the rule's option keys as results record them.",
        valueName: "SPEC,SPEC,...")
}
