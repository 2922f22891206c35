import ArgumentParser
import Foundation
import PBEngine

/// `pbcount batch PATHS... --rules SPEC,... -o OUT.{csv,jsonl}`: every file × every rule.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Count every .pb file under PATHS with every rule; one row per (file, rule) in OUT (.csv or .jsonl).",
        discussion: """
            Folders are walked; files are spread over the threads, the largest first (until they \
            make up half the bytes), then in sorted path order; each file is read once for all rules. \
            Rows come out in sorted path order, then spec order, whatever the thread count. A file that \
            cannot be read or counted gets a row with the error and the batch goes on. The last \
            field, seconds, is the only one that differs between runs. --resume keeps OUT and adds \
            only the (file, spec) rows it lacks. Exit status: 0 if every row succeeded, 65 if any \
            has an error, 2 usage error.
            """
    )

    @Argument(help: "Files and folders.")
    var paths: [String]

    @Option(help: SharedCountOptionGroup.rulesHelp)
    var rules: String

    @OptionGroup var shared: SharedCountOptionGroup

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the rows: .csv or .jsonl.", valueName: "OUT"))
    var output: String

    @Option(help: "Files counted at once (0: one per core). The output does not depend on it.")
    var threads: Int = 0

    @Flag(help: "Keep OUT and skip the (file, spec) rows already in it.")
    var resume = false

    func run() throws {
        let jsonl = output.hasSuffix(".jsonl")
        guard jsonl || output.hasSuffix(".csv") else { throw ValidationError("-o must end in .csv or .jsonl") }
        let specs = try SharedCountOptionGroup.specs(rules)
        let base = try shared.countOptions(threads: 1)
        let files = BatchCount.files(paths)
        let done = resume ? try BatchOutput.existingKeys(output, jsonl: jsonl) : []
        let out = try BatchOutput(path: output, jsonl: jsonl, append: resume && FileManager.default.fileExists(atPath: output))
        let todo = files.filter { file in specs.contains { !done.contains(BatchOutput.key(file, $0.text)) } }
        let progress = BatchProgress(total: todo.count)
        let failures = Counter()
        let threads = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let order = Self.startOrder(todo)
        OrderedParallelMap.run(count: todo.count, threads: threads, order: order, work: { i in
            let wanted = specs.filter { !done.contains(BatchOutput.key(todo[i], $0.text)) }
            return BatchCount.rows(path: todo[i], display: todo[i], specs: wanted, base: base)
        }, deliver: { _, rows in
            for row in rows {
                if !row.error.isEmpty { failures.add() }
                out.write(row)
            }
            progress.advance()
        })
        progress.finish()
        out.close()
        if failures.value > 0 {
            FileHandle.standardError.write(Data("pbcount: batch: \(failures.value) row(s) with an error (see the error column of \(output))\n".utf8))
            throw ExitCode(ExitStatus.badData)
        }
    }
}

extension BatchCommand {
    /// The order in which files are started: the largest files first, until they make up
    /// half of all bytes, then the rest in path order. Large files started last would
    /// leave one core alone on them at the end; starting every file by size would hold
    /// every row back until the first file in path order is done (rows come out in path
    /// order), so an interrupted batch would have written nothing for `--resume` to keep.
    ///
    /// - Complexity: O(f log f) for f files.
    static func startOrder(_ files: [String]) -> [Int] {
        let sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? NSNumber)?.intValue ?? 0 }
        let bySize = files.indices.sorted { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }
        let half = sizes.reduce(0, +) / 2
        var first: [Int] = []
        var bytes = 0
        for i in bySize where bytes < half {
            first.append(i)
            bytes += sizes[i]
        }
        let started = Set(first)
        return first + files.indices.filter { !started.contains($0) }
    }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
