/// Splits one line of a `.pb` file into `;`-separated cells, quoting exactly as Python's
/// `csv` reader does with `delimiter=';'` and its default dialect (the reader of
/// pabutools and pabulib-checker).
///
/// A cell that starts with `"` is quoted: `""` inside it is one quote, and a lone `"`
/// closes it. Two things the format does not intend are read as Python reads them, and
/// flagged so that the reader can warn: a quote inside an unquoted cell is a character
/// (`Budowa "Orlik"`), and text after a closing quote joins the cell (`"Odkupmy" i my`
/// reads as `Odkupmy i my`; quotes after the closing one are characters). A line break
/// inside a quoted cell belongs to the cell, as Python's `csv` reader reads a file
/// (``record(_:from:to:)`` finds where such a row ends, and the reader warns); a quote
/// still open at the end of the file is an error.
///
/// Hand-written rather than a CSV package because the reader needs byte ranges (no
/// `String` per cell on the hot VOTES path) and line and column for every error and warning.
struct RowTokenizer {
    /// One cell: where it is in the line and how it was written.
    struct Cell {
        /// How a cell was written, which says how to read its bytes.
        enum Form: UInt8 {
            /// `start..<end` is the content.
            case plain
            /// Quoted: `start..<end` is the content between the quotes, with doubled quotes.
            case quoted
            /// Unquoted with a quote inside: `start..<end` is the content (a lenient read).
            case quoteInside
            /// Quoted, then text after the closing quote: `start..<end` is the whole cell as
            /// written, opening quote included (a lenient read; decode with ``string(_:_:)``).
            case textAfterQuote
        }

        var start: Int
        var end: Int
        var form: Form

        init(start: Int, end: Int, form: Form = .plain) {
            self.start = start
            self.end = end
            self.form = form
        }

        /// The bytes of the cell as written, quotes included.
        var written: Range<Int> { form == .quoted ? (start - 1) ..< (end + 1) : start ..< end }

        /// Whether the content is exactly `start..<end`, with no quote to undo.
        var isVerbatim: Bool { form == .plain || form == .quoteInside }

        /// What a lenient read of this cell warns about, if anything.
        var leniency: String? {
            switch form {
            case .plain, .quoted: return nil
            case .quoteInside:
                return "a quote inside an unquoted cell, read as a character (as Python's csv reader does); wrap the cell in quotes and double the inner ones"
            case .textAfterQuote:
                return "text after a closing quote, joined to the cell (as Python's csv reader does); wrap the whole cell in quotes and double the inner ones"
            }
        }
    }

    /// Why a line could not be split, and the 0-based offset in the line.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The line that starts at `start`: where its content ends (before CR LF or LF) and
    /// where the next line starts.
    ///
    /// - Complexity: O(line length).
    @inline(__always)
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (contentEnd: Int, next: Int) {
        var lineEnd = start
        while lineEnd < end && bytes[lineEnd] != 10 { lineEnd += 1 }
        var contentEnd = lineEnd
        if contentEnd > start && bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
        return (contentEnd, lineEnd + 1)
    }

    /// One row of the file: where its content ends (before the CR LF or LF that ends it),
    /// where the next row starts, and how many line breaks it holds inside quoted cells.
    struct Record {
        var contentEnd: Int
        var next: Int
        /// Line breaks inside the row (0: the row is one line).
        var innerBreaks: Int
    }

    /// The row that starts at `start`: one line, unless a quoted cell holds a line break.
    ///
    /// Follows the states of Python's `csv` reader: a quote opens a quoted cell only at a
    /// cell's start; inside it, `""` is a quote and a lone `"` closes it; a line break
    /// outside a quoted cell ends the row. Without a quote before the first LF this is
    /// ``line(_:from:to:)``.
    ///
    /// - Returns: `nil` when a quoted cell is still open at `end`: the row goes on past the
    ///   bytes at hand (or, at the end of the file, never closes).
    /// - Complexity: O(row length).
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Record? {
        let quote = UInt8(ascii: "\""), semicolon = UInt8(ascii: ";")
        var i = start
        while i < end && bytes[i] != 10 && bytes[i] != quote { i += 1 }
        if i == end || bytes[i] == 10 {
            let (contentEnd, next) = line(bytes, from: start, to: end)
            return Record(contentEnd: contentEnd, next: next, innerBreaks: 0)
        }
        enum State { case cellStart, unquoted, quoted, quoteInQuoted }
        var state = State.cellStart
        var breaks = 0
        i = start
        while i < end {
            let b = bytes[i]
            if b == 10 {
                if state != .quoted { break }
                breaks += 1
            }
            switch state {
            case .quoted:
                if b == quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                state = b == quote ? .quoted : (b == semicolon ? .cellStart : .unquoted)
            case .cellStart:
                if b == quote { state = .quoted } else if b != semicolon { state = .unquoted }
            case .unquoted:
                if b == semicolon { state = .cellStart }
            }
            i += 1
        }
        if state == .quoted { return nil }
        var contentEnd = i
        if contentEnd > start && bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
        return Record(contentEnd: contentEnd, next: i + 1, innerBreaks: breaks)
    }

    /// The line break count before `offset` in `bytes[start...]` and the 1-based column of
    /// `offset` on its line: where a place inside a row that spans lines is.
    ///
    /// - Complexity: O(offset - start).
    static func place(_ bytes: UnsafeBufferPointer<UInt8>, rowStart start: Int, offset: Int) -> (breaks: Int, column: Int) {
        var breaks = 0
        var lineStart = start
        for k in start..<offset where bytes[k] == 10 {
            breaks += 1
            lineStart = k + 1
        }
        return (breaks, offset - lineStart + 1)
    }

    /// What the reader warns about a quoted cell that holds a line break.
    static let lineBreakInQuotes = "a line break inside a quoted cell, kept in the cell as Python's csv reader reads the file (pabutools reads the lines joined without it); a .pb row is one line"

    /// The first cell of `cells` that holds a line break, if any.
    static func firstCellWithLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ cells: [Cell]) -> Cell? {
        cells.first { cell in bytes[cell.start..<cell.end].contains(10) }
    }

    /// Splits `bytes[start..<end]` (one row, without the line break that ends it) into `cells`.
    ///
    /// - Throws: ``Failure`` for a quote still open at the end of the row, which
    ///   ``record(_:from:to:)`` leaves only at the end of the file.
    /// - Complexity: O(line length).
    @inline(__always)
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into cells: inout [Cell]) throws(Failure) {
        cells.removeAll(keepingCapacity: true)
        let semicolon = UInt8(ascii: ";")
        let quote = UInt8(ascii: "\"")
        var i = start
        while true {
            if i < end && bytes[i] == quote {
                let contentStart = i + 1
                var j = contentStart
                while true {
                    guard j < end else {
                        throw Failure(offset: i - start, message: "unterminated quote: the quoted cell runs to the end of the file")
                    }
                    if bytes[j] == quote {
                        if j + 1 < end && bytes[j + 1] == quote {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                let after = j + 1
                if after == end || bytes[after] == semicolon {
                    cells.append(Cell(start: contentStart, end: j, form: .quoted))
                } else {
                    // Python: the text after the closing quote joins the cell, up to the next ';'.
                    var k = after
                    while k < end && bytes[k] != semicolon { k += 1 }
                    cells.append(Cell(start: i, end: k, form: .textAfterQuote))
                    if k == end { return }
                    i = k + 1
                    continue
                }
                if after == end { return }
                i = after + 1
            } else {
                var j = i
                var form = Cell.Form.plain
                while j < end && bytes[j] != semicolon {
                    if bytes[j] == quote { form = .quoteInside }
                    j += 1
                }
                cells.append(Cell(start: i, end: j, form: form))
                if j == end { return }
                i = j + 1
            }
        }
    }

    /// The content of a cell as bytes, appended to `out`, quotes undone as Python's `csv`
    /// reader undoes them.
    ///
    /// - Complexity: O(cell length).
    static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Cell, into out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        switch cell.form {
        case .plain, .quoteInside:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]))
        case .quoted:
            var k = cell.start
            while k < cell.end {
                out.append(bytes[k])
                if bytes[k] == quote { k += 1 }  // skip the second of a doubled quote
                k += 1
            }
        case .textAfterQuote:
            // Opening quote, quoted part with doubled quotes, closing quote, then verbatim.
            var k = cell.start + 1
            while k < cell.end {
                if bytes[k] == quote {
                    if k + 1 < cell.end && bytes[k + 1] == quote {
                        out.append(quote)
                        k += 2
                        continue
                    }
                    k += 1
                    break
                }
                out.append(bytes[k])
                k += 1
            }
            if k < cell.end {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[k..<cell.end]))
            }
        }
    }

    /// The text of a cell, quotes undone as Python's `csv` reader undoes them.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> String {
        if cell.isVerbatim {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]), as: UTF8.self)
        }
        var out = [UInt8]()
        out.reserveCapacity(cell.end - cell.start)
        content(bytes, cell, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
