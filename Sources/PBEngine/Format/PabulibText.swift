/// A `.pb` file as rows of bytes (a row is one line unless a quoted cell holds a line
/// break), for rewriting a few cells and leaving every other byte
/// as it was (line endings, quoting, a byte-order mark).
///
/// Only for files that ``PabulibReader`` has accepted: it assumes the sections are there,
/// in order.
struct PabulibText {
    /// One row: its content (without the line break that ends it) and where that line break ends.
    struct Line {
        var start: Int
        var contentEnd: Int
        /// After the line break (`contentEnd` when the file ends without one).
        var end: Int
        /// 1-based number of the row's first line.
        var number: Int

        var isBlank: Bool { start == contentEnd }
    }

    let source: String
    let bytes: [UInt8]
    let lines: [Line]
    /// Indices in ``lines`` of the section titles.
    let metaTitle: Int, projectsTitle: Int, votesTitle: Int

    /// Splits `bytes` into lines and finds the section titles.
    ///
    /// - Throws: ``PabulibTextError/malformedText(file:line:message:)`` when a title is missing.
    /// - Complexity: O(bytes).
    init(bytes: [UInt8], source: String) throws {
        self.source = source
        self.bytes = bytes
        var lines: [Line] = []
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var number = 1
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                // A row, which spans lines when a quoted cell holds a line break (the reader
                // has refused a quote that never closes; here it would end the text).
                let record = RowTokenizer.record(buffer, from: start, to: buffer.count)
                    ?? RowTokenizer.Record(contentEnd: buffer.count, next: buffer.count, innerBreaks: 0)
                let end = min(record.next, buffer.count)
                lines.append(Line(start: start, contentEnd: record.contentEnd, end: end, number: number))
                number += 1 + record.innerBreaks
                start = end
            }
        }
        self.lines = lines
        func title(_ name: String, after: Int) throws -> Int {
            let target = Array(name.utf8)
            for k in after..<lines.count {
                let l = lines[k]
                let lowered = bytes[l.start..<l.contentEnd].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if lowered == target { return k }
            }
            throw PabulibTextError.malformedText(file: source, line: 0, message: "no \(name.uppercased()) section")
        }
        metaTitle = try title("meta", after: 0)
        projectsTitle = try title("projects", after: metaTitle + 1)
        votesTitle = try title("votes", after: projectsTitle + 1)
    }

    /// The indices of the non-blank lines strictly between two line indices.
    func rows(after first: Int, before last: Int) -> [Int] {
        (first + 1 ..< last).filter { !lines[$0].isBlank }
    }

    /// Header and rows of META, PROJECTS or VOTES (line indices).
    func section(_ title: Int) -> (header: Int, rows: [Int]) {
        let end = title == metaTitle ? projectsTitle : (title == projectsTitle ? votesTitle : lines.count)
        let all = rows(after: title, before: end)
        return (all.first ?? title, Array(all.dropFirst()))
    }

    /// The cells of line `k`: byte ranges of their whole text (quotes included) and their values.
    ///
    /// - Throws: ``PabulibTextError/malformedText(file:line:message:)`` for malformed quoting.
    func cells(_ k: Int) throws -> [(span: Range<Int>, value: String)] {
        let line = lines[k]
        var cells: [RowTokenizer.Cell] = []
        return try bytes.withUnsafeBufferPointer { buffer in
            do throws(RowTokenizer.Failure) {
                try RowTokenizer.split(buffer, line.start, line.contentEnd, into: &cells)
            } catch {
                throw PabulibTextError.malformedText(file: source, line: line.number, message: error.message)
            }
            return cells.map { cell in
                (cell.written, RowTokenizer.string(buffer, cell))
            }
        }
    }

    /// The bytes of line `k` with its line break, or with `lineBreak` when the file ends without one.
    func bytesOfLine(_ k: Int, lineBreak: [UInt8]) -> ArraySlice<UInt8> {
        let line = lines[k]
        if line.end > line.contentEnd { return bytes[line.start..<line.end] }
        return ArraySlice(bytes[line.start..<line.contentEnd] + lineBreak)
    }

    /// The line break that line `k` ends with (LF when it has none).
    func lineBreak(of k: Int) -> [UInt8] {
        let line = lines[k]
        return line.end > line.contentEnd ? Array(bytes[line.contentEnd..<line.end]) : [10]
    }
}

/// Edits to a ``PabulibText``: replaced cells and appended cells, per line, written in one pass.
struct PabulibTextEdits {
    private var replacements: [Int: [(span: Range<Int>, bytes: [UInt8])]] = [:]
    private var appended: [Int: [UInt8]] = [:]

    /// Replaces the bytes of one cell of line `k`.
    mutating func replace(line k: Int, span: Range<Int>, with bytes: [UInt8]) {
        replacements[k, default: []].append((span, bytes))
    }

    /// Appends `;value` to line `k`.
    mutating func append(line k: Int, cell bytes: [UInt8]) {
        appended[k, default: []] += [UInt8(ascii: ";")] + bytes
    }

    /// The bytes of lines `range` of `text` with the edits made (plus a BOM when the range starts the file).
    ///
    /// - Complexity: O(bytes of the lines).
    func apply(to text: PabulibText, lines range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        if range.lowerBound == 0, let first = text.lines.first { out += text.bytes[0..<first.start] }
        for k in range {
            let line = text.lines[k]
            guard replacements[k] != nil || appended[k] != nil else {
                out += text.bytes[line.start..<line.end]
                continue
            }
            var position = line.start
            for r in (replacements[k] ?? []).sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
                out += text.bytes[position..<r.span.lowerBound]
                out += r.bytes
                position = r.span.upperBound
            }
            out += text.bytes[position..<line.contentEnd]
            out += appended[k] ?? []
            out += text.bytes[line.contentEnd..<line.end]
        }
        return out
    }
}
