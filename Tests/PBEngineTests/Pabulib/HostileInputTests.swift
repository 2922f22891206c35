import Foundation
import PBEngine
import Testing

/// Input written to hurt: claimed counts, huge lines, ids and quote runs, overflowing
/// points. Each is read or refused with a located error, in time and memory that follow
/// the input, never a crash or a hang. Files are generated here, small where possible.
@Suite("Hostile input stays bounded")
struct HostileInputTests {
    @Test("META that claims 10^12 voters: nothing is reserved from it, the count is refused")
    func claimedVoters() {
        let text = PBText.valid.replacingOccurrences(of: "num_votes;4", with: "num_votes;1000000000000")
        let error = PBText.firstError(text)
        #expect(error?.message.contains("num_votes says 1000000000000, VOTES has 4 rows") == true)
        let beyond = PBText.valid.replacingOccurrences(of: "num_votes;4", with: "num_votes;99999999999999999999999")
        #expect(PBText.firstError(beyond)?.message.contains("'num_votes' must be a whole number") == true)
    }

    @Test("a 16 MB line of unknown ids, read through the growing buffer: one bounded reason")
    func longLine() throws {
        let row = "v5;" + Array(repeating: "Z", count: 8 << 20).joined(separator: ",") + "\n"
        let text = PBText.meta(votes: 5) + "\n" + PBText.projects + PBText.votes + row
        let path = FileManagerTemp.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = PabulibReader.Options(invalidBallots: .skip, threads: 2)
        options.chunkSize = 1 << 16
        let e = try PabulibReader.read(path: path, options: options)
        #expect(e.ballots.count == 4)
        let reason = try #require(e.invalidBallots.first?.reason)
        #expect(reason.hasSuffix("and more problems"))
        #expect(reason.utf8.count < 2000)
    }

    @Test("a stream with no line break is refused at the longest row, not read into memory")
    func endlessRow() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbcount-zeros-\(UUID().uuidString).pb").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 3 << 20)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = PabulibReader.Options(threads: 2)
        options.chunkSize = 1 << 16
        options.maximumRowBytes = 1 << 20
        let error = #expect(throws: PabulibErrors.self) { try PabulibReader.read(path: path, options: options) }
        #expect(error?.errors.first?.message.contains("a row longer than 1 MiB") == true)
        #expect(error?.errors.first?.line == 1)
        // A quoted cell that never closes in VOTES is one row too.
        let open = PBText.meta(votes: 1) + "\n" + PBText.projects + "VOTES\nvoter_id;vote;note\nv1;A;\""
            + String(repeating: "x;y\n", count: 1 << 19)
        let openPath = FileManagerTemp.write(open)
        defer { try? FileManager.default.removeItem(atPath: openPath) }
        let openError = #expect(throws: PabulibErrors.self) { try PabulibReader.read(path: openPath, options: options) }
        #expect(openError?.errors.first?.message.contains("a row longer than 1 MiB") == true)
        #expect(openError?.errors.first?.line == 23)
    }

    @Test("rows past META num_votes stop a count there, not at the end of the input")
    func rowsPastNumVotes() throws {
        var rows = ""
        for v in 1...50_000 { rows += "\(v);A\n" }
        let path = FileManagerTemp.write(PBText.meta(votes: 10) + "\n" + PBText.projects + "VOTES\nvoter_id;vote\n" + rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = PabulibReader.Options(threads: 2)
        options.chunkSize = 1 << 16
        let error = #expect(throws: PabulibErrors.self) { try PabulibReader.read(path: path, options: options) }
        let message = try #require(error?.errors.first?.message)
        #expect(message.contains("num_votes says 10, VOTES has more rows (at least"), "\(message)")
        // Stopped in the first chunks: far fewer rows than the file has.
        let seen = Int(message.split(separator: " ").last?.dropLast() ?? "") ?? .max
        #expect(seen < 20_000, "\(message)")
    }

    @Test("a million projects: refused at the 65535th, quickly")
    func millionProjects() {
        var text = PBText.meta(projects: 1_000_000) + "\nPROJECTS\nproject_id;cost\n"
        text.reserveCapacity(12 << 20)
        for p in 1...1_000_000 { text += "\(p);1\n" }
        text += "VOTES\nvoter_id;vote\n1;1\n"
        let error = PBText.firstError(text)
        #expect(error?.message.contains("more than 65534 projects") == true)
    }

    @Test("ids of 100 KB: read and matched; messages clip them")
    func longIDs() throws {
        let long = String(repeating: "p", count: 100_000)
        let voter = String(repeating: "v", count: 100_000)
        let head = PBText.meta(projects: 2, votes: 2) + "\nPROJECTS\nproject_id;cost\n\(long);10\nB;20\nVOTES\nvoter_id;vote\n"
            + "\(voter);\(long),B\n"
        let e = try PBText.read(head + "\(voter)x;B\n")
        #expect(PBText.lists(e) == [[long, "B"], ["B"]])
        let twice = head + "\(voter);B\n"
        let error = try #require(PBText.firstError(twice))
        #expect(error.message.contains("appears twice"))
        #expect(error.description.utf8.count < 300)
    }

    @Test("deep quote runs are linear and read as Python reads them")
    func quoteRuns() throws {
        let run = String(repeating: "\"", count: 2_000_000)
        // 2,000,000 quotes: an opening one, 999,999 doubled pairs, a closing one.
        let text = PBText.valid.replacingOccurrences(of: "B;50;Library", with: "B;50;\(run)")
        let e = try PBText.read(text)
        #expect(e.projects[1].name.utf8.count == 999_999)
        // One more quote leaves the cell open to the end of the file.
        let open = PBText.valid.replacingOccurrences(of: "v4;C", with: "v4;\(run)\"")
        #expect(PBText.firstError(open)?.message.contains("unterminated quote") == true)
        // In VOTES too, where the fast path hands quoted rows to the tokenizer.
        let votes = PBText.valid.replacingOccurrences(of: "v2;A", with: "v2;A;\(run)")
            .replacingOccurrences(of: "voter_id;vote", with: "voter_id;vote;note")
            .replacingOccurrences(of: "v1;A,B", with: "v1;A,B;").replacingOccurrences(of: "v3;B,C", with: "v3;B,C;")
            .replacingOccurrences(of: "v4;C", with: "v4;C;")
        #expect(PBText.lists(try PBText.read(votes)) == PBText.lists(try PBText.read(PBText.valid)))
    }

    @Test("points whose sum would overflow a 64-bit score are refused, not wrapped")
    func overflowingPoints() {
        let big = "900000000000000000"
        var rows = ""
        for v in 1...11 { rows += "\(v);A;\(big)\n" }
        let text = PBText.meta("max_sum_points;\(big)", voteType: "cumulative", votes: 11) + "\n" + PBText.projects
            + "VOTES\nvoter_id;vote;points\n" + rows
        #expect(PBText.firstError(text)?.message.contains("beyond 2^63") == true)
    }
}

/// A result file is input too: `verify` reads the tie chain it records.
@Suite("Hostile result files")
struct HostileResultTests {
    @Test("a recorded list:/dev/zero is refused, not read forever")
    func endlessTieList() {
        #expect(throws: TieChainError.self) { try TieCriterion.chain(parsing: "cost,list:/dev/zero") }
        #expect(throws: TieChainError.self) { try TieCriterion.chain(parsing: "list:/") }
    }
}
