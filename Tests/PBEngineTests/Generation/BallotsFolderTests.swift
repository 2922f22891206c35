import Foundation
import PBEngine
import Testing

/// The example elections in `Ballots/`: hand-written ones give the answers worked out by
/// hand in their META `comment`, generated ones are what their META `generator` writes.
@Suite("Ballots folder")
struct BallotsFolderTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Ballots")

    static func read(_ file: String) throws -> Election {
        try PabulibReader.read(path: folder.appendingPathComponent(file).path)
    }

    static func funded(_ file: String, _ configure: (inout CountOptions) -> Void = { _ in }) throws -> (ids: [String], cost: Rational) {
        let election = try read(file)
        var options = CountOptions()
        configure(&options)
        let outcome = try RuleRegistry.count(election, options: options)
        return (outcome.funded.map { election.projects[$0].id }, outcome.totalCost)
    }

    @Test("hand-approval-square: skip, no-skip and cardinality as worked out by hand")
    func approvalSquare() throws {
        let skip = try Self.funded("hand-approval-square.pb")
        #expect(skip.ids == ["C", "D", "A"])
        #expect(skip.cost == Rational(80))
        #expect(try Self.funded("hand-approval-square.pb") { $0.greedyVariant = .noSkip }.ids == ["C"])
        #expect(try Self.funded("hand-approval-square.pb") { $0.utility = .cardinality }.ids == ["D", "C", "A"])
    }

    @Test("hand-cumulative-school: score order, and score per unit of money")
    func cumulativeSchool() throws {
        #expect(try Self.funded("hand-cumulative-school.pb").ids == ["G"])
        let card = try Self.funded("hand-cumulative-school.pb") { $0.utility = .cardinality }
        #expect(card.ids == ["M", "L"])
        #expect(card.cost == Rational(500))
    }

    @Test("hand-ordinal-river: positional and Borda scoring fund different projects")
    func ordinalRiver() throws {
        let positional = try Self.funded("hand-ordinal-river.pb")
        #expect(positional.ids == ["R2", "R1"])
        #expect(positional.cost == Rational(90))
        let borda = try Self.funded("hand-ordinal-river.pb") { $0.scoring = .borda }
        #expect(borda.ids == ["R1", "R3", "R4"])
        #expect(borda.cost == Rational(100))
    }

    @Test("generated examples are exactly what their META generator command writes",
          arguments: ["generated-approval.pb", "generated-choose-1.pb", "generated-cumulative.pb",
                      "generated-ordinal.pb", "generated-knapsack.pb"])
    func generatedExamples(file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
        let election = try PabulibReader.read(bytes: bytes)
        #expect(election.meta("experimental") == "1")
        let command = try #require(election.meta("generator"))
        let parameters = try #require(Self.parameters(command))
        #expect(try ElectionGenerator(parameters).text() == bytes)
    }

    /// The parameters of a `pbcount generate --key value ...` command line.
    static func parameters(_ command: String) -> GenerationParameters? {
        let words = command.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == "pbcount", words[1] == "generate" else { return nil }
        var p = GenerationParameters()
        var k = 2
        while k + 1 < words.count {
            let value = words[k + 1]
            switch words[k] {
            case "--seed": p.seed = UInt64(value) ?? 0
            case "--voters": p.voters = Int(value) ?? 0
            case "--projects": p.projects = Int(value) ?? 0
            case "--vote-type": p.voteType = VoteType(rawValue: value) ?? .scoring
            case "--min-length": p.minLength = Int(value) ?? 0
            case "--max-length": p.maxLength = Int(value) ?? 0
            case "--budget-share": p.budgetShare = Rational(decimal: value) ?? .zero
            case "--skew": p.popularitySkew = Rational(decimal: value) ?? .zero
            case "--min-cost": p.minimumCost = Int(value) ?? 0
            case "--cost-orders": p.costOrders = Int(value) ?? 0
            case "--max-sum-cost-share": p.maxSumCostShare = Rational(decimal: value)
            case "--max-sum-points": p.maxSumPoints = Int(value) ?? 0
            default: return nil
            }
            k += 2
        }
        return p
    }
}
