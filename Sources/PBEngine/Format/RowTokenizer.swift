/// Splits one line of a `.pb` file into `;`-separated cells, with `"` quoting and
/// doubled quotes inside quoted cells.
///
/// Hand-written rather than a CSV package because the reader needs byte ranges (no
/// `String` per cell on the hot VOTES path), line and column for every error, and strict
/// refusal of malformed quoting, which general CSV readers repair silently.
struct RowTokenizer {
    /// One cell: the byte range of its content (quotes excluded) and whether it was quoted.
    struct Cell {
        var start: Int
        var end: Int
        var quoted: Bool
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

    /// Splits `bytes[start..<end]` (one line, without its line break) into `cells`.
    ///
    /// - Throws: ``Failure`` for an unterminated quote, text after a closing quote, or a
    ///   quote inside an unquoted cell.
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
                        throw Failure(offset: i - start, message: "unterminated quote")
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
                cells.append(Cell(start: contentStart, end: j, quoted: true))
                let after = j + 1
                if after == end { return }
                guard bytes[after] == semicolon else {
                    throw Failure(offset: after - start, message: "text after a closing quote")
                }
                i = after + 1
            } else {
                var j = i
                while j < end && bytes[j] != semicolon {
                    if bytes[j] == quote {
                        throw Failure(offset: j - start, message: "a quote inside an unquoted cell (a cell with a quote must be wrapped in quotes, with inner quotes doubled)")
                    }
                    j += 1
                }
                cells.append(Cell(start: i, end: j, quoted: false))
                if j == end { return }
                i = j + 1
            }
        }
    }

    /// The text of a cell, with doubled quotes undone in quoted cells.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end])
        if !cell.quoted { return String(decoding: raw, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            out.append(raw[k])
            if raw[k] == UInt8(ascii: "\"") { k += 1 }  // skip the second of a doubled quote
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
