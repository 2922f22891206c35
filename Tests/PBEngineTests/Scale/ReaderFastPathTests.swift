import PBEngine
import Testing

/// The reader's fast paths (increasing voter ids without a set, rows without quotes cut
/// at `;`) must find exactly what the general paths find.
@Suite("Reader fast paths")
struct ReaderFastPathTests {
    static func file(_ rows: [String], header: String = "voter_id;vote") -> [UInt8] {
        let text = """
            META
            key;value
            description;d
            country;c
            unit;u
            instance;i
            num_projects;3
            num_votes;\(rows.count)
            budget;10
            vote_type;approval
            rule;greedy
            date_begin;1
            date_end;1
            PROJECTS
            project_id;cost
            1;1
            2;2
            3;3
            VOTES
            \(header)

            """ + rows.joined(separator: "\n") + "\n"
        return Array(text.utf8)
    }

    /// Lines: META is 1-13, PROJECTS 14-18, VOTES 19, header 20, rows from 21.
    @Test("a repeated id after increasing ones is found, with its line", arguments: [1, 2])
    func duplicateAfterIncreasingIDs(threads: Int) throws {
        let rows = ["1;1", "2;2", "5;3", "9;1,2", "5;2"]
        let bytes = Self.file(rows)
        let error = try #require(throws: PabulibErrors.self) {
            try PabulibReader.read(bytes: bytes, options: .init(threads: threads, minimumPartBytes: 1))
        }
        #expect(error.errors.map(\.line) == [25])
        #expect(error.errors.first?.message == "voter id '5' appears twice")
    }

    @Test("ids that are not increasing, or long, still read and are checked")
    func unorderedIDs() throws {
        let ok = try PabulibReader.read(bytes: Self.file(["b;1", "a;2", "a-very-long-voter-id;3", "c;1,3"]))
        #expect(ok.ballots.count == 4)
        let error = try #require(throws: PabulibErrors.self) {
            try PabulibReader.read(bytes: Self.file(["b;1", "a;2", "a-very-long-voter-id;3", "a-very-long-voter-id;1"]))
        }
        #expect(error.errors.first?.message == "voter id 'a-very-long-voter-id' appears twice")
    }

    /// Lodz's voter ids have 10 digits: they are keyed by value, not kept as text.
    @Test("long numeric voter ids: a repeat is found and named as written", arguments: [1, 2])
    func longNumericIDs(threads: Int) throws {
        let ok = try PabulibReader.read(bytes: Self.file(["1401204197;1", "1401204209;2", "99;3", "0001401204197;1",
                                                          "123456789012345678;2", "1234567890123456789;3"]),
                                        options: .init(threads: threads, minimumPartBytes: 1))
        #expect(ok.ballots.count == 6)
        let error = try #require(throws: PabulibErrors.self) {
            try PabulibReader.read(bytes: Self.file(["1401204197;1", "1401204209;2", "1401204213;3", "1401204209;1"]),
                                   options: .init(threads: threads, minimumPartBytes: 1))
        }
        #expect(error.errors.map(\.message) == ["voter id '1401204209' appears twice"])
        #expect(error.errors.map(\.line) == [24])
        let unordered = try #require(throws: PabulibErrors.self) {
            try PabulibReader.read(bytes: Self.file(["1401204213;1", "ä;2", "1401204197;3", "1401204213;1", "ä;3"]),
                                   options: .init(collectAllErrors: true))
        }
        #expect(unordered.errors.map(\.message) == ["voter id '1401204213' appears twice", "voter id 'ä' appears twice"])
    }

    @Test("quoted rows and extra columns give the same ballots as plain rows")
    func quotedRows() throws {
        let plain = try PabulibReader.read(bytes: Self.file(["1;1,2;x", "2;3;y"], header: "voter_id;vote;district"))
        let quoted = try PabulibReader.read(bytes: Self.file(["\"1\";\"1,2\";\"x;z\"", "2;3;\"y\"\"\""], header: "voter_id;vote;district"))
        #expect(plain.ballots.offsets == quoted.ballots.offsets)
        #expect(plain.ballots.projects == quoted.ballots.projects)
        let error = try #require(throws: PabulibErrors.self) {
            try PabulibReader.read(bytes: Self.file(["1;1,2", "2;3;extra"]))
        }
        #expect(error.errors.first?.message == "VOTES row has 3 cells, the header has 2")
        #expect(error.errors.first?.line == 22)
    }
}
