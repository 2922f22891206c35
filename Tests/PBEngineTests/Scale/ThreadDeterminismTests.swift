import Foundation
import PBEngine
import Testing

@Suite("Reading on several threads")
struct ThreadDeterminismTests {
    /// A generated election of about 300 KB; the reader is told to split VOTES into parts
    /// however small (`minimumPartBytes: 1`), so 2 and 3 threads really split it.
    static let text: [UInt8] = {
        var p = GenerationParameters()
        p.seed = 2026
        p.voters = 20_000
        p.projects = 40
        p.maxLength = 4
        return (try? ElectionGenerator(p).text()) ?? []
    }()

    static func options(threads: Int) -> PabulibReader.Options {
        PabulibReader.Options(threads: threads, minimumPartBytes: 1)
    }

    @Test("counting after reading with 1, 2 and 3 threads gives byte-identical JSON")
    func identicalResults() throws {
        var documents: [String: [Data]] = [:]
        for threads in [1, 2, 3] {
            let election = try PabulibReader.read(bytes: Self.text, options: Self.options(threads: threads))
            #expect(election.ballots.count == 20_000)
            for rule in ["greedy", "mes", "phragmen"] where RuleRegistry.rule(named: rule) != nil {
                var options = CountOptions()
                options.rule = rule
                let outcome = try RuleRegistry.count(election, options: options)
                documents[rule, default: []].append(try ResultDocument(election: election, options: options, outcome: outcome).encoded())
            }
        }
        #expect(documents["greedy"]?.count == 3)
        for (rule, results) in documents {
            #expect(Set(results).count == 1, "\(rule) differs between thread counts")
        }
    }

    @Test("the ballots and the SHA-256 are identical whatever the thread count and chunk size")
    func identicalBallots() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbcount-threads-\(UInt32.random(in: 0 ... .max)).pb").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.text)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let one = try PabulibReader.read(bytes: Self.text, options: Self.options(threads: 1))
        for threads in [1, 2, 3] {
            // From a file in 64 KB chunks: VOTES is hashed beside the parts as they are parsed.
            var options = Self.options(threads: threads)
            options.chunkSize = 1 << 16
            let other = try PabulibReader.read(path: path, options: options)
            #expect(one.ballots.offsets == other.ballots.offsets)
            #expect(one.ballots.projects == other.ballots.projects)
            #expect(one.sha256 == other.sha256)
        }
    }
}
