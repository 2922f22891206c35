import ArgumentParser
import Foundation
import PBEngine

/// Where `batch` writes its rows: CSV (a header, then one line per row) or JSON Lines
/// (one object per line, sorted keys, written by `JSONEncoder`).
final class BatchOutput: @unchecked Sendable {
    private let handle: FileHandle
    private let jsonl: Bool
    private let encoder: JSONEncoder

    init(path: String, jsonl: Bool, append: Bool) throws {
        if !append {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("-o: cannot write \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("-o: cannot write \(path)") }
        // A batch stopped while writing may have left half a row: drop it (its key was not
        // read either, see existingKeys), so that the row is written again whole.
        let complete = append ? Self.completeLength(path) : 0
        if append { handle.truncateFile(atOffset: UInt64(complete)) }
        handle.seekToEndOfFile()
        self.handle = handle
        self.jsonl = jsonl
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if complete == 0 && !jsonl { handle.write(Data(CSVText.row(BatchRow.csvColumns).utf8)) }
    }

    func write(_ row: BatchRow) {
        if jsonl {
            guard var data = try? encoder.encode(row) else { return }
            data.append(10)
            handle.write(data)
        } else {
            handle.write(Data(CSVText.row(row.csvCells).utf8))
        }
    }

    func close() { handle.closeFile() }

    /// The key of a row for `--resume`.
    static func key(_ file: String, _ spec: String) -> String { file + "\u{0}" + spec }

    /// The length of `path` up to and including its last line break (0 when it has none
    /// or does not exist): the rows written whole.
    static func completeLength(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return (data.lastIndex(of: 10).map { $0 - data.startIndex + 1 }) ?? 0
    }

    /// The (file, spec) keys of the rows already written whole in `path` (none when it does
    /// not exist); a last line without its line break is not a row.
    static func existingKeys(_ path: String, jsonl: Bool) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data.prefix(completeLength(path)), encoding: .utf8) else { return [] }
        var keys = Set<String>()
        let lines = text.split(separator: "\n")
        if jsonl {
            struct Key: Decodable { let file: String; let spec: String }
            for line in lines {
                if let k = try? JSONDecoder().decode(Key.self, from: Data(line.utf8)) { keys.insert(key(k.file, k.spec)) }
            }
        } else {
            let specColumn = BatchRow.csvColumns.firstIndex(of: "spec") ?? 8
            for line in lines.dropFirst() {
                let cells = CSVText.parse(String(line))
                if cells.count > specColumn { keys.insert(key(cells[0], cells[specColumn])) }
            }
        }
        return keys
    }
}

/// A progress line on standard error, only when it is a terminal: files done, rate, time left.
final class BatchProgress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let start = Date()
    private let show = isatty(STDERR_FILENO) != 0

    init(total: Int) { self.total = total }

    /// One more file done (called one at a time).
    func advance() {
        done += 1
        guard show else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r[\(bar)] \(done)/\(total) files, \(Int(rate * 10) / 10).\(Int(rate * 10) % 10) files/s, \(left) s left\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if show { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
