import Foundation
import PBEngine
import Testing

/// Results written by pbcount 0.1.0 (format version 1, which recorded every option of every
/// rule) still verify: the files in `Version1/` were written by that engine, not by this one.
@Suite("Format version 1 results")
struct ResultVersion1Tests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Version1")
    static let ballots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Ballots")

    @Test("a version 1 result verifies: match, with a note on the version", arguments: [
        ("park-library-bikes.greedy.json", "park-library-bikes.pb"),
        ("park-library-bikes.mes-add1u.json", "park-library-bikes.pb"),
        ("hand-approval-square.phragmen.json", "hand-approval-square.pb"),
    ])
    func verifies(result: String, input: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(result))
        let document = try ResultVerification.document(from: data, source: result)
        #expect(document.format_version == 1)
        // Version 1 recorded options that the rule does not take (completion for greedy...).
        #expect(document.options["completion"] != nil && document.options["greedy"] != nil)
        let bytes = Array(try Data(contentsOf: Self.ballots.appendingPathComponent(input)))
        let comparison = try ResultVerification.verify(result: document, input: bytes, inputSource: input)
        #expect(comparison.isMatch, "\(comparison.differences)")
        #expect(comparison.notes.contains { $0.contains("format_version 1") })
        if result.contains("add1u") {
            // 0.1.0 stepped one unit per MES run (11 runs); this engine jumps (fewer): work, not outcome.
            #expect(comparison.notes.contains { $0.hasPrefix("details.add1_runs: 11 in the result") })
        }
    }

    @Test("a changed outcome detail is a difference; a changed work detail only a note")
    func workDetails() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("park-library-bikes.mes-add1u.json"))
        let bytes = Array(try Data(contentsOf: Self.ballots.appendingPathComponent("park-library-bikes.pb")))
        var document = try ResultVerification.document(from: data, source: "v1.json")
        document.details["add1_steps"] = .integer(99)  // 0.1.0 recorded 9
        let comparison = try ResultVerification.verify(result: document, input: bytes, inputSource: "park")
        #expect(comparison.differences == ["details.add1_steps: 99 in the result, 9 in the recount"])
    }

    @Test("a version 1 result with a changed option of its own rule is a mismatch; another rule's option is set aside")
    func ownOptionsCount() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("park-library-bikes.greedy.json"))
        let bytes = Array(try Data(contentsOf: Self.ballots.appendingPathComponent("park-library-bikes.pb")))
        var document = try ResultVerification.document(from: data, source: "v1.json")
        document.options["completion"] = "add1"  // not greedy's: set aside, as version 1 recorded it for every rule
        #expect(try ResultVerification.verify(result: document, input: bytes, inputSource: "park").isMatch)
        document.options["utility"] = "cardinality"  // greedy's own: the recount differs
        let comparison = try ResultVerification.verify(result: document, input: bytes, inputSource: "park")
        #expect(!comparison.isMatch)
    }

    @Test("a version 2 result refuses an option its rule does not take")
    func version2Strict() throws {
        let bytes = Array(try Data(contentsOf: Self.ballots.appendingPathComponent("park-library-bikes.pb")))
        let election = try PabulibReader.read(bytes: bytes, source: "park", options: .init(invalidBallots: .fail))
        let outcome = try RuleRegistry.count(election, options: CountOptions())
        var document = ResultDocument(election: election, options: CountOptions(), outcome: outcome)
        #expect(document.format_version == 2)
        #expect(try ResultVerification.verify(result: document, input: bytes, inputSource: "park").isMatch)
        document.options["completion"] = "add1"
        #expect(throws: ResultError.self) { try ResultVerification.verify(result: document, input: bytes, inputSource: "park") }
    }
}
