import ArgumentParser
import Foundation
import PBEngine

/// `pbcount generate`: writes a seeded synthetic election as a `.pb` file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded, reproducible synthetic election (.pb, META experimental;1).",
        discussion: """
            The same options give the same bytes on every machine and with any --threads. \
            The file is written as it is made, so ten million ballots need little memory.
            """
    )

    @Option(help: "Seed of every draw.")
    var seed: UInt64 = 1

    @Option(help: "Number of voters (one ballot each).")
    var voters: Int = 1000

    @Option(help: "Number of projects.")
    var projects: Int = 20

    @Option(name: .customLong("vote-type"), help: "approval, choose-1, cumulative or ordinal.")
    var voteType: String = "approval"

    @Option(name: .customLong("min-length"), help: "Fewest projects on a ballot (default 1).")
    var minLength: Int?

    @Option(name: .customLong("max-length"), help: "Most projects on a ballot (default 5, at most --projects; 1 for choose-1).")
    var maxLength: Int?

    @Option(name: .customLong("budget-share"), help: "Budget as a share of the total cost of all projects, in (0, 1].")
    var budgetShare: String = "0.3"

    @Option(help: "Popularity skew: rank r is drawn with weight 1/(1 + skew*r); 0 = uniform, 1 = Zipf.")
    var skew: String = "1"

    @Option(name: .customLong("min-cost"), help: "Cheapest possible project cost.")
    var minCost: Int = 10_000

    @Option(name: .customLong("cost-orders"), help: "Costs spread over this many powers of ten (1 to 6).")
    var costOrders: Int = 2

    @Flag(help: "Knapsack ballots: each ballot's total cost stays within max_sum_cost (the budget, unless --max-sum-cost-share).")
    var knapsack = false

    @Option(name: .customLong("max-sum-cost-share"), help: "Knapsack ballots with max_sum_cost = this share of the budget, in (0, 1].")
    var maxSumCostShare: String?

    @Option(name: .customLong("max-sum-points"), help: "Cumulative ballots: points per ballot (META max_sum_points).")
    var maxSumPoints: Int = 10

    @Option(name: [.short, .long], help: "Output file, or - for standard output.")
    var output: String = "-"

    @Option(help: "Threads that format ballots (0: one per core). The bytes do not depend on it.")
    var threads: Int = 0

    func run() throws {
        let parameters = try makeParameters()
        let generator: ElectionGenerator
        do {
            generator = try ElectionGenerator(parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let descriptor: Int32
        if output == "-" {
            descriptor = 1
        } else {
            descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                throw ValidationError("\(output): cannot create the file: \(String(cString: strerror(errno)))")
            }
        }
        defer { if descriptor != 1 { close(descriptor) } }
        var sink = FileDescriptorSink(descriptor: descriptor, name: output)
        let showProgress = isatty(2) != 0
        let total = parameters.voters
        try generator.write(to: &sink, threads: threads, progress: showProgress ? { written in
            let line = "\rgenerate: \(written) of \(total) ballots (\(written * 100 / max(total, 1))%)"
            FileHandle.standardError.write(Data(line.utf8))
        } : nil)
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// The engine's parameters from the options.
    func makeParameters() throws -> GenerationParameters {
        var p = GenerationParameters()
        p.seed = seed
        p.voters = voters
        p.projects = projects
        guard let type = VoteType(rawValue: voteType), GenerationParameters.supportedVoteTypes.contains(type) else {
            throw ValidationError("--vote-type must be approval, choose-1, cumulative or ordinal (got '\(voteType)')")
        }
        p.voteType = type
        p.minLength = minLength ?? 1
        p.maxLength = maxLength ?? (type == .chooseOne ? 1 : min(5, projects))
        p.budgetShare = try Self.decimal(budgetShare, "--budget-share")
        p.popularitySkew = try Self.decimal(skew, "--skew")
        p.minimumCost = minCost
        p.costOrders = costOrders
        if let maxSumCostShare {
            p.maxSumCostShare = try Self.decimal(maxSumCostShare, "--max-sum-cost-share")
        } else if knapsack {
            p.maxSumCostShare = Rational(1)
        }
        p.maxSumPoints = maxSumPoints
        do {
            try p.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return p
    }

    private static func decimal(_ text: String, _ option: String) throws -> Rational {
        guard let value = Rational(decimal: text) else {
            throw ValidationError("\(option) must be a plain decimal such as 0.3 (got '\(text)')")
        }
        return value
    }
}
