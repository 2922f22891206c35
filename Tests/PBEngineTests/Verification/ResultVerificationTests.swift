import Foundation
import PBEngine
import Testing

/// `verify FILE RESULT.json`: a recount with the recorded options, compared.
@Suite("Verifying a result")
struct ResultVerificationTests {
    static let park = ResultDocumentTests.park

    static func result(_ input: [UInt8], _ options: CountOptions) throws -> ResultDocument {
        let election = try PabulibReader.read(bytes: input, source: "in.pb", options: .init(invalidBallots: options.invalidBallots))
        return ResultDocument(election: election, options: options, outcome: try RuleRegistry.count(election, options: options))
    }

    static var parkBytes: [UInt8] { get throws { Array(try Data(contentsOf: URL(fileURLWithPath: park))) } }

    @Test("a result verifies against its own file")
    func match() throws {
        let input = try Self.parkBytes
        let document = try Self.result(input, Counting.options("greedy"))
        let comparison = try ResultVerification.verify(result: document, input: input, inputSource: "park.pb")
        #expect(comparison.isMatch)
        #expect(comparison.differences.isEmpty)
    }

    @Test("one project flipped is caught and named")
    func flipped() throws {
        let input = try Self.parkBytes
        var document = try Self.result(input, Counting.options("greedy"))
        document.selected = ["P2", "P3", "P1"]
        let comparison = try ResultVerification.verify(result: document, input: input, inputSource: "park.pb")
        #expect(!comparison.isMatch)
        #expect(comparison.onlyRecorded == ["P1"])
        #expect(comparison.onlyRecounted == ["P4"])
        #expect(comparison.differences.first == "funded in the result but not in the recount: P1")
    }

    @Test("a changed option is caught: the recount with it differs from the recorded outcome")
    func changedOption() throws {
        let input = try Self.parkBytes
        var document = try Self.result(input, Counting.options("greedy"))
        document.options["greedy"] = "no-skip"
        let comparison = try ResultVerification.verify(result: document, input: input, inputSource: "park.pb")
        #expect(!comparison.isMatch)
        #expect(comparison.onlyRecorded == ["P3", "P4"])
        #expect(comparison.differences.contains { $0.hasPrefix("first round that differs: round 3:") })
    }

    @Test("the first round that differs is reported, for the same funded set in another order")
    func order() throws {
        let input = try Self.parkBytes
        var document = try Self.result(input, Counting.options("greedy"))
        document.selected = ["P3", "P2", "P4"]
        document.rounds.swapAt(0, 2)
        let comparison = try ResultVerification.verify(result: document, input: input, inputSource: "park.pb")
        #expect(comparison.differences.contains { $0.contains("other funding order: position 1 is P3") })
        #expect(comparison.differences.contains { $0.hasPrefix("first round that differs: round 1:") })
    }

    @Test("a file with one ballot changed is refused by its hash")
    func changedBallot() throws {
        let input = try Self.parkBytes
        let document = try Self.result(input, Counting.options("greedy"))
        let changed = Array(String(decoding: input, as: UTF8.self).replacingOccurrences(of: "\n6;P4", with: "\n6;P1").utf8)
        #expect(changed != input)
        #expect(throws: ResultError.self) {
            try ResultVerification.verify(result: document, input: changed, inputSource: "park.pb")
        }
        do {
            _ = try ResultVerification.verify(result: document, input: changed, inputSource: "park.pb")
        } catch let ResultError.inputMismatch(file, recorded, actual) {
            #expect(file == "park.pb")
            #expect(recorded == document.input_sha256)
            #expect(actual == ResultVerification.sha256(changed))
        }
    }

    @Test("recorded options are read back to the same options", arguments: [
        Counting.options("greedy"),
        Counting.options("greedy", utility: .cardinality, tie: [.votes, .id, .lot(seed: 7)]) { $0.greedyVariant = .threshold; $0.threshold = Rational(5, 2) },
        Counting.options("mes") { $0.completion = .add1; $0.add1Variant = .pabulib; $0.comparison = .satisfaction; $0.scoring = .list([3, 2, 1]) },
    ])
    func recordedOptions(options: CountOptions) throws {
        let election = Counting.election(costs: [1], budget: 1, ballots: [[0]])
        let recorded = options.recorded(for: election)
        let read = try CountOptions(recorded: recorded)
        #expect(read.recorded(for: election) == recorded)
    }

    @Test("an unknown or malformed recorded option is refused")
    func badOption() throws {
        var recorded = Counting.options("greedy").recorded(for: Counting.election(costs: [1], budget: 1, ballots: [[0]]))
        recorded["colour"] = "blue"
        #expect(throws: ResultError.self) { try CountOptions(recorded: recorded) }
        recorded["colour"] = nil
        recorded["tie"] = "cost,shoe-size"
        #expect(throws: ResultError.self) { try CountOptions(recorded: recorded) }
    }

    @Test("a document that is not a pbcount result is refused")
    func notAResult() throws {
        #expect(throws: ResultError.self) {
            try ResultVerification.document(from: Data(#"{"selected": []}"#.utf8), source: "x.json")
        }
    }
}

/// `verify` says match for every shared file and every registered rule.
@Suite("Verifying real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct SharedResultVerificationTests {
    @Test("verify says match for every shared file and rule", arguments: SharedData.pabulibFiles)
    func every(file: String) throws {
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: SharedData.path(file))))
        var verified = 0
        for rule in RuleRegistry.names {
            // A rule that does not apply to this ballot kind cannot have a result to verify.
            guard let document = try? ResultVerificationTests.result(input, Counting.options(rule)) else { continue }
            let decoded = try ResultVerification.document(from: try document.encoded(), source: "\(file).json")
            let comparison = try ResultVerification.verify(result: decoded, input: input, inputSource: file)
            #expect(comparison.isMatch, "\(file) \(rule): \(comparison.differences)")
            verified += 1
        }
        #expect(verified >= 1)
    }

    @Test("verify says match for the options each file's META rule names (add1 and comparison included)",
          arguments: SelectedColumnCheckTests.definedRules)
    func metaRule(file: String) throws {
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: SharedData.path(file))))
        let election = try PabulibReader.read(bytes: input, source: file, options: .init(invalidBallots: .keep))
        let options = try #require(RuleRegistry.options(forMetaRule: election.meta("rule") ?? "", base: Counting.options("greedy")))
        let document = try ResultVerificationTests.result(input, options)
        let decoded = try ResultVerification.document(from: try document.encoded(), source: "\(file).json")
        let comparison = try ResultVerification.verify(result: decoded, input: input, inputSource: file)
        #expect(comparison.isMatch, "\(file): \(comparison.differences)")
    }
}
