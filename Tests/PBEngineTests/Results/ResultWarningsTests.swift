import Foundation
import PBEngine
import Testing

/// Warnings of the reader reach the result file, in file order, and `verify` compares them.
@Suite("Result warnings")
struct ResultWarningsTests {
    /// Project names with quotes as two real files have them, PROJECTS with cost third,
    /// and a META without its descriptive keys: every one a warning, none an error.
    static let text = """
        META
        key;value
        num_projects;2
        num_votes;2
        budget;100
        vote_type;approval
        PROJECTS
        project_id;name;cost;votes
        1;Boisko "Orlik";60;2
        2;"Odkupmy" i my;50;1
        VOTES
        voter_id;vote
        v1;1,2
        v2;1

        """

    @Test("a lenient file's warnings are in the result, with their lines")
    func warningsInResult() throws {
        let bytes = Array(Self.text.utf8)
        let election = try PabulibReader.read(bytes: bytes, source: "lenient.pb", options: .init(invalidBallots: .fail))
        let outcome = try RuleRegistry.count(election, options: CountOptions())
        let document = ResultDocument(election: election, options: CountOptions(), outcome: outcome)
        let warnings = try #require(document.warnings)
        // Seven descriptive META keys, the column order (line 8), the two quoted names (lines 9, 10).
        #expect(warnings.count == 10)
        #expect(warnings.filter { $0.line == 0 }.count == 7)
        #expect(warnings.map(\.line).filter { $0 > 0 } == [8, 9, 10])
        #expect(warnings.first { $0.line == 9 }?.message.contains("quote inside an unquoted cell") == true)
        #expect(document.projects.map(\.name) == ["Boisko \"Orlik\"", "Odkupmy i my"])
        // The result reads back and verifies against the same bytes.
        let decoded = try ResultVerification.document(from: try document.encoded(), source: "result.json")
        #expect(decoded.warnings == warnings)
        #expect(try ResultVerification.verify(result: decoded, input: bytes, inputSource: "lenient.pb").isMatch)
    }
}
