import Foundation
import Testing

/// `pbcount batch --resume`: rows already in OUT are kept and not counted again, and the
/// finished file holds the rows of a fresh run (compared without the `seconds` field, the
/// one that differs between runs).
@Suite("Batch --resume", .enabled(if: PBCountBinary.url != nil, "the pbcount executable is not beside the test bundle (run `swift build` first)"))
struct BatchResumeTests {
    static let ballots = PBCountBinary.packageRoot.appendingPathComponent("Ballots").path
    static let rules = "greedy,mes,phragmen"

    /// A fresh folder for one test's files; the test removes it (`defer`), so test runs
    /// leave nothing behind in `/tmp`.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pbcount-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func batch(_ out: URL, resume: Bool) throws -> PBCountBinary.Run {
        try PBCountBinary.run(["batch", ballots, "--rules", rules, "--invalid-ballots", "keep", "--threads", "2", "-o", out.path]
            + (resume ? ["--resume"] : []))
    }

    /// CSV lines without the last cell (`seconds`; no cell of these rows holds a comma
    /// inside quotes after it, since it is the last).
    static func csvRows(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            String(line[..<(line.lastIndex(of: ",") ?? line.endIndex)])
        }
    }

    /// JSON lines as objects without `seconds`.
    static func jsonRows(_ url: URL) throws -> [NSDictionary] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object.filter { $0.key != "seconds" } as NSDictionary
        }
    }

    @Test("an interrupted CSV batch, resumed, equals a fresh run; a half-written last row is written again")
    func csvPrefix() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("fresh.csv")
        let first = try Self.batch(fresh, resume: false)
        let lines = try String(contentsOf: fresh, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 12)
        // Header and 7 rows whole, then half of the 8th: what a stopped batch leaves.
        let partial = dir.appendingPathComponent("partial.csv")
        let kept = lines[0...7].joined(separator: "\n") + "\n" + lines[8].prefix(lines[8].count / 2)
        try Data(kept.utf8).write(to: partial)
        let resumed = try Self.batch(partial, resume: true)
        #expect(resumed.status == first.status)
        #expect(try Self.csvRows(partial) == Self.csvRows(fresh))
        // Resuming a finished file counts nothing (so no row has an error this time).
        let again = try Self.batch(partial, resume: true)
        #expect(again.status == 0)
        #expect(try Self.csvRows(partial) == Self.csvRows(fresh))
    }

    @Test("rows already present are skipped wherever they are; the rest are added once")
    func csvGap() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("fresh.csv")
        _ = try Self.batch(fresh, resume: false)
        let rows = try Self.csvRows(fresh)
        let lines = try String(contentsOf: fresh, encoding: .utf8).split(separator: "\n")
        // Keep the header and every third row, with a marker in the kept rows' seconds.
        let partial = dir.appendingPathComponent("partial.csv")
        let kept = lines.enumerated().filter { $0.offset == 0 || $0.offset % 3 == 0 }.map { k, line in
            k == 0 ? String(line) : String(line[..<(line.lastIndex(of: ",") ?? line.endIndex)]) + ",999.000"
        }
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: partial)
        _ = try Self.batch(partial, resume: true)
        let after = try String(contentsOf: partial, encoding: .utf8).split(separator: "\n")
        // The kept rows were not counted again (their marker is still there, once each).
        #expect(after.filter { $0.hasSuffix(",999.000") }.count == kept.count - 1)
        #expect(try Self.csvRows(partial).sorted() == rows.sorted())
    }

    @Test("JSON Lines: an interrupted batch, resumed, equals a fresh run")
    func jsonlPrefix() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("fresh.jsonl")
        _ = try Self.batch(fresh, resume: false)
        let lines = try String(contentsOf: fresh, encoding: .utf8).split(separator: "\n")
        let partial = dir.appendingPathComponent("partial.jsonl")
        try Data((lines[0..<5].joined(separator: "\n") + "\n").utf8).write(to: partial)
        _ = try Self.batch(partial, resume: true)
        #expect(try Self.jsonRows(partial) == Self.jsonRows(fresh))
        #expect(try Self.jsonRows(fresh).count == lines.count)
    }
}
