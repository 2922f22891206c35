import Foundation
import PBEngine
import Testing

/// The canonical JSON result, its CSV form, and `--write-pb`.
@Suite("Result document")
struct ResultDocumentTests {
    static let park = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Ballots/park-library-bikes.pb").path

    static func document(_ election: Election, _ options: CountOptions) throws -> ResultDocument {
        ResultDocument(election: election, options: options, outcome: try RuleRegistry.count(election, options: options))
    }

    @Test("two counts give byte-identical JSON, which decodes to the same document")
    func deterministic() throws {
        let options = Counting.options("greedy")
        let first = try Self.document(try PabulibReader.read(path: Self.park, invalidBallots: .keep), options).encoded()
        let second = try Self.document(try PabulibReader.read(path: Self.park, invalidBallots: .keep, threads: 3), options).encoded()
        #expect(first == second)
        let decoded = try ResultVerification.document(from: first, source: "park.json")
        #expect(try decoded.encoded() == first)
        #expect(decoded.selected == ["P2", "P3", "P4"])
        #expect(decoded.total_cost == "100")
    }

    @Test("the contract's keys are at the top level, rationals have a decimal beside them")
    func keys() throws {
        let data = try Self.document(try PabulibReader.read(path: Self.park), Counting.options("greedy")).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["selected", "total_cost", "rule", "options", "input_sha256", "format", "format_version", "rounds", "ties",
                    "budget", "budget_decimal", "money_left", "money_left_decimal", "total_cost_decimal", "projects"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        let values = try #require(rounds.first?["values"] as? [String: Any])
        #expect(values["money_left"] as? String == "50")
        #expect(values["money_left_decimal"] as? String == "50.000000")
    }

    @Test("CSV: a header and one row per project, quoted where needed")
    func csv() throws {
        let csv = try Self.document(try PabulibReader.read(path: Self.park), Counting.options("greedy")).csv()
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines[0] == "project_id,name,cost,cost_decimal,votes,score,selected,funding_position")
        #expect(lines[1] == "P1,Park,60,60.00,3,3,0,")
        #expect(lines[3] == "P3,Bike lanes; north,30,30.00,2,2,1,2")
        #expect(lines[4] == "P4,\"Benches \"\"old town\"\"\",20,20.00,1,1,1,3")
    }
}

/// `count --write-pb`: the input with its `selected` column set, every other byte kept.
@Suite("Writing the selected column")
struct SelectedColumnWriterTests {
    /// A file without a `selected` column, with CRLF and LF lines mixed, quoted cells and a BOM.
    static let mixed: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((PBText.meta().replacingOccurrences(of: "\n", with: "\r\n") + "\n"
        + PBText.projects + PBText.votes.replacingOccurrences(of: "v3;B,C\n", with: "v3;B,C\r\n")).utf8)

    @Test("adds the column when absent; reading the written file gives the same ballots")
    func addsColumn() throws {
        let written = try SelectedColumnWriter.write(input: Self.mixed, source: "mixed.pb", selected: ["A", "C"])
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("project_id;cost;name;selected\n"))
        #expect(text.contains("A;60;\"Park \"\"North\"\"\";1\n"))
        #expect(text.contains("B;50;Library;0\n"))
        #expect(text.contains("C;30;\"Bikes; lanes\";1\n"))
        #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let before = try PabulibReader.read(bytes: Self.mixed, source: "mixed.pb")
        let after = try PabulibReader.read(bytes: written, source: "written.pb")
        Self.expectSameExceptSelected(before, after)
        #expect(after.projects.map { $0.field("selected") } == ["1", "0", "1"])
        // Only the PROJECTS rows changed: META (CRLF) and VOTES (mixed) bytes are the same.
        let projectRow: (String) -> Bool = { $0.hasPrefix("A;") || $0.hasPrefix("B;") || $0.hasPrefix("C;") }
        let kept: [String] = Self.lines(written).filter { !$0.contains(";selected") && !projectRow($0) }
        let original: [String] = Self.lines(Self.mixed).filter { !$0.hasPrefix("project_id") && !projectRow($0) }
        #expect(kept == original)
    }

    @Test("overwrites an existing column in place, keeping its position")
    func overwrites() throws {
        let input = Array(PBText.valid.replacingOccurrences(of: "project_id;cost;name", with: "project_id;cost;selected;name")
            .replacingOccurrences(of: "A;60;", with: "A;60;1;").replacingOccurrences(of: "B;50;", with: "B;50;\"3\";")
            .replacingOccurrences(of: "C;30;", with: "C;30;0;").utf8)
        let written = try SelectedColumnWriter.write(input: input, source: "t.pb", selected: ["C"])
        let expected = String(decoding: input, as: UTF8.self).replacingOccurrences(of: "A;60;1;", with: "A;60;0;")
            .replacingOccurrences(of: "B;50;\"3\";", with: "B;50;0;").replacingOccurrences(of: "C;30;0;", with: "C;30;1;")
        #expect(String(decoding: written, as: UTF8.self) == expected)
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    }

    static func expectSameExceptSelected(_ a: Election, _ b: Election) {
        #expect(a.ballots.offsets == b.ballots.offsets)
        #expect(a.ballots.projects == b.ballots.projects)
        #expect(a.ballots.points == b.ballots.points)
        #expect(a.meta == b.meta)
        #expect(a.budget == b.budget)
        #expect(a.projects.map(\.id) == b.projects.map(\.id))
        #expect(a.projects.map(\.cost) == b.projects.map(\.cost))
        let otherFields: (Project) -> [MetadataField] = { $0.fields.filter { $0.key != "selected" } }
        #expect(a.projects.map(otherFields) == b.projects.map(otherFields))
    }

    @Test("round trip on every shared file: same ballots, selected set from the count, other lines untouched",
          .enabled(if: SharedData.isAvailable, SharedData.absentMessage), arguments: SharedData.pabulibFiles)
    func sharedRoundTrip(file: String) throws {
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: SharedData.path(file))))
        let election = try PabulibReader.read(bytes: input, source: file, options: .init(invalidBallots: .keep))
        let outcome = try RuleRegistry.count(election, options: Counting.options("greedy"))
        let selected = Set(outcome.funded.map { election.projects[$0].id })
        let written = try SelectedColumnWriter.write(input: input, source: file, selected: selected)
        let after = try PabulibReader.read(bytes: written, source: file, options: .init(invalidBallots: .keep))
        Self.expectSameExceptSelected(election, after)
        let marked: [String] = after.projects.filter { $0.field("selected") == "1" }.map(\.id)
        let funded: [String] = election.projects.map(\.id).filter { selected.contains($0) }
        #expect(marked == funded)
        // Lines before PROJECTS and from VOTES on are byte for byte the same.
        let original = Self.rawLines(input), rewritten = Self.rawLines(written)
        #expect(original.count == rewritten.count)
        let projects = try #require(original.firstIndex { $0.lowercased().hasPrefix("projects") })
        let votes = try #require(original.firstIndex { $0.lowercased().hasPrefix("votes") })
        #expect(original[..<projects] == rewritten[..<projects])
        #expect(original[votes...] == rewritten[votes...])
    }

    /// Lines with their line breaks, so CRLF stays visible.
    static func rawLines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (k, b) in bytes.enumerated() where b == 10 {
            out.append(String(decoding: bytes[start...k], as: UTF8.self))
            start = k + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }
}

/// Every shared file gives byte-identical JSON twice, whatever the thread count.
@Suite("Deterministic results on real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct DeterministicResultTests {
    @Test("two runs of every shared file give the same bytes", arguments: SharedData.pabulibFiles)
    func twoRuns(file: String) throws {
        for rule in RuleRegistry.names {
            let options = Counting.options(rule)
            guard let first = try? ResultDocumentTests.document(try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep, threads: 1), options) else { continue }
            let second = try ResultDocumentTests.document(try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep, threads: 4), options)
            #expect(try first.encoded() == second.encoded(), "\(file) \(rule)")
        }
    }
}
