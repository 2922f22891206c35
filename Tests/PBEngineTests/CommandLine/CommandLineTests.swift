import Foundation
import Testing

/// The command-line contract of RULES.md, run against the built `pbcount` executable:
/// exit statuses, JSON keys, standard input.
@Suite("Command line", .enabled(if: PBCountBinary.url != nil, "the pbcount executable is not beside the test bundle (run `swift build` first)"))
struct CommandLineTests {
    static let example = PBCountBinary.packageRoot.appendingPathComponent("Ballots/park-library-bikes.pb").path

    @Test("count --format json: exit 0 and the contract's keys")
    func countJSON() throws {
        let run = try PBCountBinary.run(["count", Self.example, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // Worked out by hand in the file's META comment: P2, P3, P4 for 100.
        #expect(object["selected"] as? [String] == ["P2", "P3", "P4"])
        #expect(object["total_cost"] as? String == "100")
        #expect(object["rule"] as? String == "greedy")
        #expect((object["options"] as? [String: Any])?["tie"] as? String == "cost,votes,file")
        #expect((object["input_sha256"] as? String)?.count == 64)
    }

    @Test("standard input counts like the file")
    func standardInput() throws {
        let fromFile = try PBCountBinary.run(["count", Self.example, "--format", "csv"])
        let fromStdin = try PBCountBinary.run(["count", "-", "--format", "csv"], stdin: try Data(contentsOf: URL(fileURLWithPath: Self.example)))
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test("bad input data: exit 65 with file, line and column")
    func badData() throws {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "P2;50;", with: "P2;5e1;")
        let run = try PBCountBinary.run(["count", "-"], stdin: Data(text.utf8))
        #expect(run.status == 65)
        #expect(run.stderr.contains("-:20:4: cost is not a plain decimal"))
    }

    @Test("usage errors: exit 2", arguments: [
        ["count", example, "--rule", "nosuch"],
        ["count", example, "--tie", "cost,bogus"],
        ["count", example, "--utility", "joy"],
        ["count", example, "--tie", "votes"],  // leaves the P1/P2 tie unresolved
    ])
    func usage(arguments: [String]) throws {
        let run = try PBCountBinary.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("verify: exit 0 on a match, 1 on a tampered result")
    func verify() throws {
        let result = try PBCountBinary.run(["count", Self.example, "--format", "json"])
        let good = FileManager.default.temporaryDirectory.appendingPathComponent("pbcount-cli-\(UUID().uuidString).json")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("pbcount-cli-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: good)
            try? FileManager.default.removeItem(at: bad)
        }
        try Data(result.stdout.utf8).write(to: good)
        try Data(result.stdout.replacingOccurrences(of: "\"P4\"\n  ]", with: "\"P1\"\n  ]").utf8).write(to: bad)
        #expect(try PBCountBinary.run(["verify", Self.example, good.path]).status == 0)
        #expect(result.stdout.contains("\"P4\"\n  ]"))
        #expect(try PBCountBinary.run(["verify", Self.example, bad.path]).status == 1)
    }
}

/// Finds and runs the `pbcount` executable built beside the tests.
enum PBCountBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let url: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("pbcount"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pbcount"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("pbcount"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try #require(url)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
