import Foundation
import PBEngine
import Testing

/// `merge`: the ballot files of several collection points of one election.
@Suite("Merging ballot files")
struct BallotFileMergeTests {
    /// `text` with its VOTES rows split into two files (num_votes set in each); line
    /// endings (LF or CRLF) kept.
    static func split(_ text: String, at cut: Int) -> (String, String) {
        // Bytes, not Characters: "\r\n" is one Character in Swift.
        let lines = SelectedColumnWriterTests.rawLines(Array(text.utf8))
        let isBlank = { (line: String) in line.utf8.allSatisfy { $0 == 10 || $0 == 13 } }
        let votes = lines.firstIndex { $0.lowercased().hasPrefix("votes") }! + 1
        let rows = lines[(votes + 1)...].filter { !isBlank($0) }
        func file(_ part: ArraySlice<String>) -> String {
            let head = lines[...votes].map { line -> String in
                line.hasPrefix("num_votes;") ? "num_votes;\(part.count)" + (line.utf8.contains(13) ? "\r\n" : "\n") : line
            }
            return (head + part).joined()
        }
        return (file(rows[..<(rows.startIndex + cut)]), file(rows[(rows.startIndex + cut)...]))
    }

    static func merge(_ texts: [String]) throws -> Election {
        let merged = try BallotFileMerge.merge(texts.enumerated().map { ("part\($0.offset).pb", Array($0.element.utf8)) })
        return try PabulibReader.read(bytes: merged, source: "merged.pb", options: .init(invalidBallots: .keep))
    }

    @Test("a split file merges back to the same ballots and the same count")
    func roundTrip() throws {
        let (a, b) = Self.split(PBText.valid, at: 1)
        let whole = try PBText.read(PBText.valid)
        let merged = try Self.merge([a, b])
        #expect(PBText.lists(merged) == PBText.lists(whole))
        #expect(merged.meta("num_votes") == "4")
        for rule in RuleRegistry.names {
            guard let expected = try? Counting.fundedIDs(whole, Counting.options(rule)) else { continue }
            #expect(try Counting.fundedIDs(merged, Counting.options(rule)) == expected, "\(rule)")
        }
    }

    @Test("votes and score columns are recomputed from the merged ballots")
    func supportColumns() throws {
        let text = PBText.valid.replacingOccurrences(of: "project_id;cost;name", with: "project_id;cost;name;votes")
            .replacingOccurrences(of: "North\"\"\"\n", with: "North\"\"\";9\n").replacingOccurrences(of: "Library\n", with: "Library;9\n")
            .replacingOccurrences(of: "lanes\"\n", with: "lanes\";9\n")
        let (a, b) = Self.split(text, at: 2)
        let merged = try Self.merge([a, b])
        #expect(merged.projects.map { $0.field("votes") } == ["2", "2", "2"])
    }

    @Test("refuses files that disagree on a cost, the budget, or share a voter, naming file and line")
    func conflicts() throws {
        let (a, b) = Self.split(PBText.valid, at: 2)
        let dearer = b.replacingOccurrences(of: "B;50;", with: "B;55;")
        #expect(throws: PabulibTextError.mergeConflict(file: "part1.pb", line: 19, message: "project 'B' costs 55 here, 50 in part0.pb:19")) {
            try Self.merge([a, dearer])
        }
        let budget = b.replacingOccurrences(of: "budget;100", with: "budget;120")
        #expect(throws: PabulibTextError.mergeConflict(file: "part1.pb", line: 9, message: "META budget is '120' here, '100' in part0.pb:9")) {
            try Self.merge([a, budget])
        }
        let shared = b.replacingOccurrences(of: "v3;", with: "v1;")
        #expect(throws: PabulibTextError.mergeConflict(file: "part1.pb", line: 23, message: "voter id 'v1' is also in part0.pb:23; each voter has one ballot")) {
            try Self.merge([a, shared])
        }
        let missing = b.replacingOccurrences(of: "C;30;\"Bikes; lanes\"\n", with: "").replacingOccurrences(of: "num_projects;3", with: "num_projects;2")
        #expect(throws: PabulibTextError.self) { try Self.merge([a, missing]) }
    }

    static let files = SharedData.pabulibFiles.filter { !$0.contains("Wroclaw_2015") && !$0.contains("Krakow_2024") }

    @Test("a split shared file merges to a file that counts the same as the whole",
          .enabled(if: SharedData.isAvailable, SharedData.absentMessage), arguments: files)
    func shared(file: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: SharedData.path(file))), as: UTF8.self)
        let whole = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let (a, b) = Self.split(text, at: whole.ballots.count / 3)
        let merged = try Self.merge([a, b])
        #expect(merged.ballots.offsets == whole.ballots.offsets)
        #expect(merged.ballots.projects == whole.ballots.projects)
        #expect(merged.ballots.points == whole.ballots.points)
        let options = Counting.options("greedy")
        #expect(try Counting.fundedIDs(merged, options) == Counting.fundedIDs(whole, options))
    }
}
