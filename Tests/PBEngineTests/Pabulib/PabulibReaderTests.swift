import Foundation
import PBEngine
import Testing

@Suite("Reading .pb files")
struct PabulibReaderTests {
    @Test("a small valid file: projects, quoting, ballots as indices")
    func validFile() throws {
        let e = try PBText.read(PBText.valid)
        #expect(e.projects.map(\.id) == ["A", "B", "C"])
        #expect(e.projects[0].name == "Park \"North\"")
        #expect(e.projects[2].name == "Bikes; lanes")
        #expect(e.projects.map(\.cost) == [Rational(60), Rational(50), Rational(30)])
        #expect(e.budget == Rational(100))
        #expect(PBText.lists(e) == [["A", "B"], ["A"], ["B", "C"], ["C"]])
        #expect(e.meta("unit") == "Testville")
        #expect(e.sha256.count == 64)
        #expect(e.invalidBallots.isEmpty)
    }

    @Test("CRLF, LF and a byte-order mark read the same ballots (the hash differs)")
    func lineEndings() throws {
        let lf = try PBText.read(PBText.valid)
        let crlf = try PBText.read(PBText.valid.replacingOccurrences(of: "\n", with: "\r\n"))
        var mixedText = ""
        for (k, line) in PBText.valid.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            mixedText += line + (k % 2 == 0 ? "\r\n" : "\n")
        }
        let mixed = try PBText.read(mixedText)
        let bom = try PBText.read("\u{FEFF}" + PBText.valid)
        for e in [crlf, mixed, bom] {
            #expect(PBText.lists(e) == PBText.lists(lf))
            #expect(e.projects.map(\.name) == lf.projects.map(\.name))
        }
        #expect(crlf.sha256 != lf.sha256)
    }

    @Test("the SHA-256 is that of the input bytes")
    func hashOfBytes() throws {
        // SHA-256 of the text "abc" is well known; a .pb text is hashed the same way.
        let e = try PBText.read(PBText.valid)
        let again = try PBText.read(PBText.valid, chunkSize: 7)
        #expect(e.sha256 == again.sha256)
        #expect(e.sha256 != (try PBText.read(PBText.valid.replacingOccurrences(of: "v4;C", with: "v4;B"))).sha256)
    }

    @Test("decimal costs and non-numeric ids")
    func decimalCostsAndIDs() throws {
        let text = PBText.meta(budget: "100.5") + "\n" + """
            PROJECTS
            project_id;cost
            BO.OM.97/24;100000.0
            L005;12.25
            12;0.5
            VOTES
            voter_id;vote
            93-0;BO.OM.97/24,12
            93-1;L005
            x;12
            y;L005,BO.OM.97/24

            """
        let e = try PBText.read(text)
        #expect(e.projects.map(\.cost) == [Rational(100000), Rational(49, 4), Rational(1, 2)])
        #expect(e.budget == Rational(201, 2))
        #expect(PBText.lists(e) == [["BO.OM.97/24", "12"], ["L005"], ["12"], ["L005", "BO.OM.97/24"]])
    }

    @Test("cumulative ballots keep their points")
    func points() throws {
        let text = PBText.meta("max_sum_points;5", voteType: "cumulative", votes: 2) + "\n" + PBText.projects + """
            VOTES
            voter_id;vote;points
            1;A,C;3,2
            2;B;5

            """
        let e = try PBText.read(text)
        #expect(e.ballots.points == [3, 2, 5])
        #expect(e.support().score == [3, 5, 2])
        #expect(e.support().votes == [1, 1, 1])
    }

    @Test("VOTES split into parts on several threads reads identically", arguments: [1, 2, 3, 7])
    func partsJoinInOrder(threads: Int) throws {
        var rows = ""
        var g = SplitMix64(seed: 9)
        for v in 0..<500 {
            let picks = ["A", "B", "C"].filter { _ in g.next(upperBound: 2) == 0 }
            rows += "\(v);\((picks.isEmpty ? ["A"] : picks).joined(separator: ","))\n"
        }
        let text = PBText.meta(votes: 500) + "\n" + PBText.projects + "VOTES\nvoter_id;vote\n" + rows
        let one = try PBText.read(text, threads: 1)
        let many = try PBText.read(text, threads: threads, chunkSize: 1000, minimumPartBytes: 1)
        #expect(PBText.lists(one) == PBText.lists(many))
        #expect(one.sha256 == many.sha256)
    }

    // MARK: Malformed files: one clear error with line and column

    @Test("malformed files are refused with the line and what is wrong", arguments: [
        (PBText.valid.replacingOccurrences(of: "META\n", with: ""), 1, "does not start with a META section"),
        (PBText.meta() + "\n" + PBText.projects, 0, "ends before its VOTES section"),
        (PBText.valid.replacingOccurrences(of: "B;50;Library", with: "B;5e1;Library"), 19, "cost is not a plain decimal"),
        (PBText.valid.replacingOccurrences(of: "B;50;Library", with: "B;0;Library"), 19, "cost must be positive"),
        (PBText.valid.replacingOccurrences(of: "B;50;Library", with: "B;50"), 19, "PROJECTS row has 2 cells"),
        (PBText.valid.replacingOccurrences(of: "v2;A", with: "v2;A;extra"), 24, "VOTES row has 3 cells"),
        (PBText.valid.replacingOccurrences(of: "vote_type;approval", with: "vote_type;quadratic"), 10, "unknown vote_type"),
        (PBText.valid.replacingOccurrences(of: "num_votes;4", with: "num_votes;5"), 8, "num_votes says 5"),
        (PBText.valid.replacingOccurrences(of: "num_projects;3", with: "num_projects;4"), 7, "num_projects says 4"),
        (PBText.valid.replacingOccurrences(of: "budget;100", with: "budget;1e6"), 9, "'budget' must be a plain non-negative decimal"),
        (PBText.valid.replacingOccurrences(of: "v3;B,C", with: "v1;B,C"), 25, "voter id 'v1' appears twice"),
        (PBText.valid.replacingOccurrences(of: "C;30;\"Bikes; lanes\"", with: "C;30;\"Bikes"), 20, "unterminated quote"),
        (PBText.valid.replacingOccurrences(of: "B;50;Library", with: "A;50;Library"), 19, "project id 'A' appears twice"),
        (PBText.valid.replacingOccurrences(of: "budget;100\n", with: ""), 0, "lacks the required key 'budget'"),
        (PBText.valid.replacingOccurrences(of: "project_id;cost;name", with: "project_id;price;name"), 17, "must name 'project_id' and 'cost'"),
        (PBText.valid.replacingOccurrences(of: "project_id;cost;name", with: "cost;project_id;name"), 18, "cost is not a plain decimal"),
    ] as [(String, Int, String)])
    func malformed(text: String, line: Int, message: String) {
        let error = PBText.firstError(text)
        #expect(error != nil)
        if let error {
            #expect(error.message.contains(message), "\(error)")
            if line > 0 { #expect(error.line == line, "\(error)") }
            #expect(error.file == "test.pb")
        }
    }

    @Test("an election with no ballots is refused")
    func emptyElection() {
        let text = PBText.meta(votes: 0) + "\n" + PBText.projects + "VOTES\nvoter_id;vote\n"
        #expect(PBText.firstError(text)?.message.contains("no ballots") == true)
    }

    @Test("the error text names file, line and column")
    func errorText() {
        let error = PBText.firstError(PBText.valid.replacingOccurrences(of: "B;50;Library", with: "B;5e1;Library"))
        #expect(error?.description == "test.pb:19:3: cost is not a plain decimal such as 250000 or 12.5 (found '5e1')")
    }

    // MARK: Invalid ballots and the policy

    static let invalidText = PBText.meta("max_length;2", votes: 5) + "\n" + PBText.projects + """
        VOTES
        voter_id;vote
        v1;A,B
        v2;A,A
        v3;B,Z
        v4;A,B,C
        v5;C

        """

    @Test("fail: every invalid ballot is listed with its line")
    func policyFail() {
        do {
            _ = try PBText.read(Self.invalidText, policy: .fail)
            Issue.record("invalid ballots were accepted")
        } catch let e as PabulibErrors {
            #expect(e.errors.map(\.line) == [24, 25, 26])
            #expect(e.errors[0].message.contains("'A' is listed twice"))
            #expect(e.errors[1].message.contains("unknown project 'Z'"))
            #expect(e.errors[2].message.contains("more than max_length 2"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("skip leaves them out, keep counts what is valid in them; both report them")
    func policySkipKeep() throws {
        let skip = try PBText.read(Self.invalidText, policy: .skip)
        #expect(PBText.lists(skip) == [["A", "B"], ["C"]])
        #expect(skip.invalidBallots.map(\.voterID) == ["v2", "v3", "v4"])
        let keep = try PBText.read(Self.invalidText, policy: .keep)
        #expect(PBText.lists(keep) == [["A", "B"], ["A"], ["B"], ["A", "B", "C"], ["C"]])
        #expect(keep.invalidBallots.count == 3)
    }

    @Test("validate reports every problem, not just the first")
    func validateCollectsAll() throws {
        let text = PBText.valid
            .replacingOccurrences(of: "B;50;Library", with: "B;5e1;Library")
            .replacingOccurrences(of: "v2;A", with: "v2;A;x")
        let path = FileManagerTemp.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = PabulibReader.validate(path: path)
        #expect(report.errors.count == 2)
        #expect(report.errors.map(\.line) == [19, 24])
    }
}
