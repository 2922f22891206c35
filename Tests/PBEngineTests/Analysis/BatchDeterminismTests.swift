import Foundation
import PBEngine
import Testing

/// `batch` rows are the same whatever the thread count (except the time).
@Suite("Batch determinism")
struct BatchDeterminismTests {
    static let ballots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Ballots").path

    final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var rows: [BatchRow] = []
    }

    static func run(threads: Int) throws -> [BatchRow] {
        let files = BatchCount.files([ballots])
        let specs = try RuleRegistry.names.map { try RuleSpec($0) }
        let base: CountOptions = {
            var o = CountOptions()
            o.threads = 1
            o.invalidBallots = .keep
            return o
        }()
        let out = Collected()
        OrderedParallelMap.run(count: files.count, threads: threads, work: { i in
            BatchCount.rows(path: files[i], display: files[i], specs: specs, base: base)
        }, deliver: { _, rows in
            out.rows += rows.map { var r = $0; r.seconds = 0; return r }
        })
        return out.rows
    }

    @Test("one thread and two threads give identical rows on Ballots/")
    func identical() throws {
        let one = try Self.run(threads: 1)
        let two = try Self.run(threads: 2)
        #expect(one.count >= RuleRegistry.names.count * 2)
        #expect(one == two)
        #expect(one.contains { $0.error.isEmpty })
    }
}
