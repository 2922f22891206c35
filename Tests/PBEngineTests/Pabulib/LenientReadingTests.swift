import Foundation
import PBEngine
import Testing

/// What the reader accepts with a warning (`shared/FORMAT.md`, "What counting needs, and
/// what is only a warning"): each leniency on a hand-written file, read as Python's `csv`
/// module reads it, counted with greedy, and refused by `validate --strict`.
@Suite("Lenient reading: warnings, not refusals")
struct LenientReadingTests {
    /// PROJECTS rows whose cells lean on Python's quoting. The expected cells below were
    /// obtained from Python itself, on these rows saved as `rows.txt`:
    /// `python3 -c 'import csv,sys; print(list(csv.reader(open(sys.argv[1], newline=""), delimiter=";")))' rows.txt`
    static let quotingRows = #"""
        611;550000;Budowa boiska "Orlik";plain
        47;12000;"Odkupmy" i my - zakup;"x"
        12;300;"a""b"c"d";y "z" w
        13;400;"";""""
        14;500;"semi;colon" tail;"end"""
        15;600;ab"";"" after
        16;700;"";x"
        """#

    /// What Python's `csv` reader gives for ``quotingRows`` (copied from its output).
    static let pythonCells: [[String]] = [
        ["611", "550000", #"Budowa boiska "Orlik""#, "plain"],
        ["47", "12000", "Odkupmy i my - zakup", "x"],
        ["12", "300", #"a"bc"d""#, #"y "z" w"#],
        ["13", "400", "", #"""#],
        ["14", "500", "semi;colon tail", #"end""#],
        ["15", "600", #"ab"""#, " after"],
        ["16", "700", "", #"x""#],
    ]

    /// VOTES rows likewise, saved as `votes.txt` (header included) and read with the same
    /// one-liner: `[['voter_id', 'vote', 'note'], ['v1', 'A,B', 'Budowa "Orlik"'],
    /// ['v22', 'A', ''], ['v4', 'A,C', 'x y'], ['v"5', 'C', '']]`.
    static let quotingVotes = #"""
        VOTES
        voter_id;vote;note
        v1;A,B;Budowa "Orlik"
        "v2"2;A;
        v4;"A,C";"x" y
        "v""5";C;""

        """#

    static func quotingFile(projects: String = quotingRows) -> String {
        PBText.meta(projects: 7, votes: 3, budget: "600000") + "\n" + "PROJECTS\nproject_id;cost;name;note\n" + projects + "\n"
            + "VOTES\nvoter_id;vote\n1;611,47\n2;12\n3;13,14,15,16\n"
    }

    @Test("quoting reads exactly as Python's csv module, with a warning per lenient cell")
    func quotingAsPython() throws {
        let e = try PBText.read(Self.quotingFile())
        let read = e.projects.map { [$0.id, "\($0.cost)", $0.name, $0.field("note") ?? "?"] }
        #expect(read == Self.pythonCells)
        // Lenient cells: rows 1 (name), 2 (name), 3 (name, note), 5 (name), 6 (name, note), 7 (note).
        // Lines: META is lines 1-15, PROJECTS title 16, header 17, rows 18-24.
        #expect(e.warnings.map(\.line) == [18, 19, 20, 20, 22, 23, 23, 24])
        #expect(e.warnings[0].message.contains("a quote inside an unquoted cell"))
        #expect(e.warnings[0].column == 12)
        #expect(e.warnings[1].message.contains("text after a closing quote"))
        #expect(e.warnings[1].column == 10)
        #expect(e.warnings.allSatisfy { $0.file == "test.pb" })
    }

    @Test("VOTES cells too: voter ids and votes with quotes to undo, as Python reads them")
    func quotingInVotes() throws {
        let text = PBText.meta(votes: 4) + "\n" + PBText.projects + Self.quotingVotes
        for threads in [1, 3] {
            let e = try PBText.read(text, threads: threads, minimumPartBytes: 1)
            #expect(PBText.lists(e) == [["A", "B"], ["A"], ["A", "C"], ["C"]])
            #expect(e.warnings.map(\.line) == [23, 24, 25])
        }
        // A quoted id and the same id unquoted are one voter.
        let twice = PBText.meta(votes: 2) + "\n" + PBText.projects + "VOTES\nvoter_id;vote\nv1;A\n\"v1\";B\n"
        #expect(PBText.firstError(twice)?.message.contains("voter id 'v1' appears twice") == true)
    }

    @Test("columns are found by name in any order, with a warning")
    func columnOrder() throws {
        let text = PBText.meta() + "\n" + """
            PROJECTS
            project_id;name;cost;votes
            A;Park;60;2
            B;Library;50;2
            C;Bikes;30;2
            VOTES
            vote;voter_id
            A,B;v1
            A;v2
            B,C;v3
            C;v4

            """
        let e = try PBText.read(text)
        #expect(e.projects.map(\.cost) == [Rational(60), Rational(50), Rational(30)])
        #expect(e.projects.map(\.name) == ["Park", "Library", "Bikes"])
        #expect(e.projects[0].field("votes") == "2")
        #expect(PBText.lists(e) == PBText.lists(try PBText.read(PBText.valid)))
        #expect(e.warnings.map(\.line) == [17, 22])
        #expect(e.warnings.allSatisfy { $0.message.contains("unusual order") })
        let funded = try Counting.fundedIDs(e, Counting.options("greedy"))
        // Two votes each: ties by cost, cheapest first; A no longer fits.
        #expect(funded == ["C", "B"])
    }

    @Test("missing descriptive META keys are warnings; missing budget or vote_type stays an error")
    func descriptiveMeta() throws {
        var text = PBText.valid
        for key in ["description;test election\n", "country;Nowhere\n", "unit;Testville\n", "instance;2026\n",
                    "rule;greedy\n", "date_begin;2026\n", "date_end;2026\n", "num_projects;3\n", "num_votes;4\n"] {
            text = text.replacingOccurrences(of: key, with: "")
        }
        let e = try PBText.read(text)
        #expect(Set(e.warnings.map(\.message).compactMap { $0.split(separator: "'").dropFirst().first.map(String.init) })
                == ["description", "country", "unit", "instance", "rule", "date_begin", "date_end", "num_projects", "num_votes"])
        #expect(e.warnings.allSatisfy { $0.line == 0 })
        let funded = try Counting.fundedIDs(e, Counting.options("greedy"))
        #expect(funded == ["C", "B"])
        for key in ["budget;100\n", "vote_type;approval\n"] {
            let error = PBText.firstError(PBText.valid.replacingOccurrences(of: key, with: ""))
            #expect(error?.message.contains("lacks the required key '\(key.split(separator: ";")[0])'") == true)
        }
        let noCost = PBText.valid.replacingOccurrences(of: "project_id;cost;name", with: "project_id;price;name")
        #expect(PBText.firstError(noCost)?.message.contains("must name 'project_id' and 'cost'") == true)
        let noVote = PBText.valid.replacingOccurrences(of: "voter_id;vote", with: "voter_id;ballot")
        #expect(PBText.firstError(noVote)?.message.contains("must name 'voter_id' and 'vote'") == true)
    }

    @Test("a file shaped like the refused public ones counts with greedy")
    func countsWithGreedy() throws {
        let e = try PBText.read(Self.quotingFile())
        // One vote each, so ties by cost, cheapest first; all 564500 fit in 600000.
        let funded = try Counting.fundedIDs(e, Counting.options("greedy"))
        #expect(funded == ["12", "13", "14", "15", "16", "47", "611"])
        #expect(e.warnings.count == 8)
    }

    @Test("a clean file has no warnings")
    func cleanFile() throws {
        #expect(try PBText.read(PBText.valid).warnings.isEmpty)
    }

    /// Quoted cells that hold line breaks (LF, and CR LF kept as written). Python's `csv`
    /// reader on the file (`open(path, newline="")`, as ``pythonReadsLineBreaks()`` runs it)
    /// gives `['A', '60', 'Park\nNorth', 'x']`, `['B', '50', 'two\r\nlines', '"q"\nr']`,
    /// `['C', '30', 'Bikes', 'y']` and, in VOTES, `['v1', 'A,B', 'a\nb']`.
    static let lineBreakFile = PBText.meta() + "\n" + "PROJECTS\nproject_id;cost;name;note\n"
        + "A;60;\"Park\nNorth\";x\nB;50;\"two\r\nlines\";\"\"\"q\"\"\nr\"\nC;30;Bikes;y\n"
        + "VOTES\nvoter_id;vote;note\nv1;A,B;\"a\nb\"\nv2;A;\nv3;B,C;\nv4;C;\n"

    @Test("a line break inside a quoted cell stays in the cell, as Python's csv reads the file, with a warning")
    func lineBreakInQuotes() throws {
        for threads in [1, 3] {
            let e = try PBText.read(Self.lineBreakFile, threads: threads, minimumPartBytes: 1)
            #expect(e.projects.map(\.name) == ["Park\nNorth", "two\r\nlines", "Bikes"])
            #expect(e.projects.map { $0.field("note") } == ["x", "\"q\"\nr", "y"])
            #expect(PBText.lists(e) == PBText.lists(try PBText.read(PBText.valid)))
            // PROJECTS title on line 16; A spans 18-19, B 20-22 (two cells with a line
            // break each), C is 23; VOTES title 24, header 25, v1 spans 26-27. One warning
            // per row, at the first such cell.
            #expect(e.warnings.map(\.line) == [18, 20, 26])
            #expect(e.warnings.map(\.column) == [6, 6, 8])
            #expect(e.warnings.allSatisfy { $0.message.contains("a line break inside a quoted cell") })
        }
        // Lines after such a row keep their numbers in errors.
        let bad = Self.lineBreakFile.replacingOccurrences(of: "v3;B,C;", with: "v3;B,C")
        let error = try #require(PBText.firstError(bad))
        #expect(error.line == 29 && error.message.contains("VOTES row has 2 cells"), "\(error)")
        // A quote that never closes runs to the end of the file: refused there.
        let open = Self.lineBreakFile.replacingOccurrences(of: "v4;C;", with: "v4;C;\"never closed")
        let unterminated = try #require(PBText.firstError(open))
        #expect(unterminated.line == 30 && unterminated.message.contains("unterminated quote"), "\(unterminated)")
    }

    @Test("rows over two lines read alike across chunk boundaries and on several threads")
    func lineBreaksAcrossChunks() throws {
        var votes = "VOTES\nvoter_id;vote;note\n"
        for v in 1...12_000 { votes += v % 3 == 0 ? "\(v);A,B;\"two\nlines\"\n" : "\(v);C;plain\n" }
        let text = PBText.meta(votes: 12_000) + "\n" + PBText.projects + votes
        let whole = try PBText.read(text)
        #expect(whole.ballots.count == 12_000)
        #expect(whole.warnings.count == 4_000)
        let path = FileManagerTemp.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for threads in [1, 3] {
            // 64 KiB chunks: many rows start in one chunk and end in the next.
            let e = try PabulibReader.read(path: path, options: .init(threads: threads, chunkSize: 1 << 16, minimumPartBytes: 1))
            #expect(e.ballots.offsets == whole.ballots.offsets && e.ballots.projects == whole.ballots.projects)
            #expect(e.sha256 == whole.sha256)
            #expect(e.warnings == whole.warnings.map { var w = $0; w.file = path; return w })
        }
    }

    @Test("the cells are Python's csv reader's", .enabled(if: Self.python != nil, "python3 is not installed"))
    func pythonReadsLineBreaks() throws {
        let path = FileManagerTemp.write(Self.lineBreakFile)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), delimiter=';'))))", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let rows = try JSONDecoder().decode([[String]].self, from: data)
        let e = try PabulibReader.read(path: path, options: .init())
        let projectRows = rows.drop(while: { $0 != ["project_id", "cost", "name", "note"] }).dropFirst().prefix(3)
        #expect(Array(projectRows) == e.projects.map { [$0.id, "\($0.cost)", $0.name, $0.field("note") ?? "?"] })
        #expect(rows.contains(["v1", "A,B", "a\nb"]))
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// `validate` shows warnings, and `--strict` refuses a file for them.
@Suite("validate --strict", .enabled(if: PBCountBinary.url != nil, "the pbcount executable is not beside the test bundle (run `swift build` first)"))
struct ValidateStrictTests {
    @Test("each leniency: validate passes with warnings, validate --strict exits 65", arguments: [
        LenientReadingTests.quotingFile(),
        PBText.meta() + "\nPROJECTS\nproject_id;name;cost\nA;Park;60\nB;Library;50\nC;Bikes;30\n" + PBText.votes,
        PBText.valid.replacingOccurrences(of: "country;Nowhere\n", with: ""),
    ])
    func strict(text: String) throws {
        let plain = try PBCountBinary.run(["validate", "-"], stdin: Data(text.utf8))
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(plain.stdout.contains(": warning: "))
        let strict = try PBCountBinary.run(["validate", "--strict", "-"], stdin: Data(text.utf8))
        #expect(strict.status == 65, "\(strict.stdout)")
        #expect(strict.stdout.contains("refused under --strict"))
        let count = try PBCountBinary.run(["count", "-"], stdin: Data(text.utf8))
        #expect(count.status == 0, "\(count.stderr)")
    }

    @Test("a clean file passes validate --strict")
    func clean() throws {
        let run = try PBCountBinary.run(["validate", "--strict", "-"], stdin: Data(PBText.valid.utf8))
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!run.stdout.contains("warning"))
    }
}
