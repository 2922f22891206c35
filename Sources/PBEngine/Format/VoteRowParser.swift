/// Parses the rows of the VOTES section: one part of the section at a time, so that parts
/// can be parsed on several cores and joined in order (the result does not depend on how
/// the section was split).
struct VoteRowParser: Sendable {
    /// What one part of the VOTES section yields.
    struct Part {
        var ballots: Ballots
        /// Voter ids of every row, in order, as ``VoteRowParser/voterKey(_:_:)`` makes them:
        /// `UInt64.max` for ids kept as text in `longIDs`.
        var voterKeys: [UInt64] = []
        var longIDs: [String] = []
        /// Line of each row (relative to the part's first line, 0-based).
        var rowLines: [UInt32] = []
        var invalid: [InvalidBallot] = []
        var errors: [PabulibError] = []
        /// Cells read leniently (line relative to the part, as in `rowLines`).
        var warnings: [FormatWarning] = []
        /// Lines consumed (rows, blank lines).
        var lineCount = 0
        /// Where the rows taken end: the part's end, or the start of a row that goes on
        /// past it (``RowSplit/complete``).
        var end = 0
        /// Rows read.
        var rowCount = 0
        /// The sum of the points' magnitudes (saturating): bounds every score.
        var pointsMagnitude: UInt64 = 0
    }

    let file: String
    let voteType: VoteType
    let limits: BallotLimits
    let policy: InvalidBallotPolicy
    let lookup: ProjectLookup
    let projectIDs: [String]
    let costs: [Rational]
    let columnCount: Int
    let voterColumn: Int
    let voteColumn: Int
    /// The `points` column, when the ballots carry points.
    let pointsColumn: Int?
    /// Whether to read points from `pointsColumn` (cumulative and scoring ballots).
    let storesPoints: Bool
    /// Whether to stop at the first malformed row (counting) or go on (validation).
    let stopAtFirstError: Bool

    /// Where the rows of a part end.
    enum RowSplit {
        /// At every line break: the text has no quote, so no cell holds a line break.
        case lines
        /// Where ``RowTokenizer/record(_:from:to:)`` says; a row whose quoted cell goes on
        /// past the part is left out (``Part/end`` is its start).
        case complete
        /// As ``complete``, but the part ends the file: a quoted cell still open there makes
        /// the rest one row, refused as an unterminated quote.
        case toTheEnd
    }

    /// Parses the complete rows in `bytes[start..<end]` (every line ends with LF, except
    /// perhaps the last one of the input).
    ///
    /// - Complexity: O(bytes).
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, rows: RowSplit = .lines) -> Part {
        if let table = lookup.numericTable {
            return table.withUnsafeBufferPointer { parse(bytes, start, end, rows: rows, numeric: $0) }
        }
        return parse(bytes, start, end, rows: rows, numeric: nil)
    }

    /// ``parse(_:_:_:rows:)`` with the lookup table of numeric project ids, if they are numeric.
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, rows: RowSplit,
                       numeric: UnsafeBufferPointer<Int32>?) -> Part {
        var part = Part(ballots: Ballots(withPoints: storesPoints))
        part.ballots.reserveCapacity(ballots: (end - start) / 16, entries: (end - start) / 6)
        var cells = [RowTokenizer.Cell]()
        cells.reserveCapacity(columnCount + 1)
        var scratch = [UInt8]()
        var entries = [UInt16]()
        var points = [Int64]()
        var seen = [UInt32](repeating: 0, count: projectIDs.count)
        var stamp: UInt32 = 0
        var lineStart = start
        var line = 0
        while lineStart < end {
            let contentEnd: Int, next: Int, breaks: Int
            if rows == .lines {
                (contentEnd, next) = RowTokenizer.line(bytes, from: lineStart, to: end)
                breaks = 0
            } else if let record = RowTokenizer.record(bytes, from: lineStart, to: end) {
                (contentEnd, next, breaks) = (record.contentEnd, record.next, record.innerBreaks)
            } else if rows == .toTheEnd {
                // A quoted cell that never closes: the tokenizer refuses the rest as one row.
                (contentEnd, next, breaks) = (end, end, 0)
            } else {
                break  // the row goes on in the next chunk
            }
            defer {
                lineStart = next
                line += 1 + breaks
            }
            if contentEnd == lineStart { continue }  // blank line
            stamp &+= 1
            if stamp == 0 {
                for k in seen.indices { seen[k] = 0 }
                stamp = 1
            }
            if !parseRow(bytes, lineStart, contentEnd, line: line, numeric: numeric, cells: &cells, scratch: &scratch,
                         entries: &entries, points: &points, seen: &seen, stamp: stamp, into: &part) && stopAtFirstError {
                part.lineCount = line + 1 + breaks
                part.end = min(next, end)
                return part
            }
        }
        part.lineCount = line
        part.end = min(lineStart, end)
        return part
    }

    /// Parses one row; returns `false` if the row is malformed (an error was recorded).
    @inline(__always)
    private func parseRow(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, numeric: UnsafeBufferPointer<Int32>?,
        cells: inout [RowTokenizer.Cell], scratch: inout [UInt8], entries: inout [UInt16], points: inout [Int64],
        seen: inout [UInt32], stamp: UInt32, into part: inout Part
    ) -> Bool {
        func fail(_ offset: Int, _ message: String, text: String? = nil, hint: String? = nil) -> Bool {
            part.errors.append(PabulibError(file: file, line: line, column: offset + 1, message: message, text: text, hint: hint))
            return false
        }
        part.rowCount += 1  // malformed rows count too, so num_votes is checked against the file
        // Fast path: a row without quotes is cut at each ';', keeping only the cells that
        // are read. Rows with quotes or with the wrong number of cells go through the full
        // tokenizer, which words the errors.
        var idCell = RowTokenizer.Cell(start: start, end: start)
        var voteCell = idCell
        var pointsCell = idCell
        var cellCount = 0
        var cellStart = start
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == 34 {  // '"'
                cellCount = -1
                break
            }
            if byte == 59 {  // ';'
                if cellCount == voterColumn { idCell = RowTokenizer.Cell(start: cellStart, end: i) }
                if cellCount == voteColumn { voteCell = RowTokenizer.Cell(start: cellStart, end: i) }
                if cellCount == pointsColumn { pointsCell = RowTokenizer.Cell(start: cellStart, end: i) }
                cellCount += 1
                cellStart = i + 1
            }
            i += 1
        }
        if cellCount >= 0 {
            if cellCount == voterColumn { idCell = RowTokenizer.Cell(start: cellStart, end: end) }
            if cellCount == voteColumn { voteCell = RowTokenizer.Cell(start: cellStart, end: end) }
            if cellCount == pointsColumn { pointsCell = RowTokenizer.Cell(start: cellStart, end: end) }
            cellCount += 1
        }
        if cellCount != columnCount {
            do {
                try RowTokenizer.split(bytes, start, end, into: &cells)
            } catch {
                return fail(error.offset, error.message)
            }
            guard cells.count == columnCount else {
                return fail(0, "VOTES row has \(cells.count) cells, the header has \(columnCount)",
                            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                            hint: "wrap cells that contain ';' in quotes")
            }
            for cell in cells {
                if let message = cell.leniency {
                    part.warnings.append(FormatWarning(file: file, line: line, column: cell.written.lowerBound - start + 1, message: message))
                }
            }
            if let cell = RowTokenizer.firstCellWithLineBreak(bytes, cells) {
                let place = RowTokenizer.place(bytes, rowStart: start, offset: cell.written.lowerBound)
                part.warnings.append(FormatWarning(file: file, line: line + place.breaks, column: place.column,
                                                   message: RowTokenizer.lineBreakInQuotes))
            }
            idCell = cells[voterColumn]
            voteCell = cells[voteColumn]
            if let pointsColumn { pointsCell = cells[pointsColumn] }
            if !idCell.isVerbatim || !voteCell.isVerbatim || (pointsColumn != nil && !pointsCell.isVerbatim) {
                // Rare: quotes to undo. The three cells' contents go to `scratch`, one after
                // the other, and are read from there (errors then point at the cell's start).
                scratch.removeAll(keepingCapacity: true)
                var decoded = [RowTokenizer.Cell]()
                for cell in [idCell, voteCell, pointsCell] {
                    let from = scratch.count
                    RowTokenizer.content(bytes, cell, into: &scratch)
                    decoded.append(RowTokenizer.Cell(start: from, end: scratch.count))
                }
                let columns = (id: idCell.written.lowerBound - start, vote: voteCell.written.lowerBound - start,
                               points: pointsCell.written.lowerBound - start)
                return scratch.withUnsafeBufferPointer { decodedBytes in
                    parseCells(decodedBytes, 0, decoded[0], decoded[1], decoded[2], columns: columns, line: line,
                               numeric: numeric, entries: &entries, points: &points, seen: &seen, stamp: stamp, into: &part)
                }
            }
        }
        return parseCells(bytes, start, idCell, voteCell, pointsCell, columns: nil, line: line, numeric: numeric,
                          entries: &entries, points: &points, seen: &seen, stamp: stamp, into: &part)
    }

    /// Reads the voter id, vote and points of one row from their cells, whose contents are
    /// verbatim byte ranges of `bytes`; returns `false` if the row is malformed.
    ///
    /// - Parameter columns: the 0-based columns of the three cells in the line, when the
    ///   cells are not in the line itself (``parseRow`` decoded them); `nil` when `start` is
    ///   the line's start in `bytes`.
    @inline(__always)
    private func parseCells(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ idCell: RowTokenizer.Cell, _ voteCell: RowTokenizer.Cell,
        _ pointsCell: RowTokenizer.Cell, columns: (id: Int, vote: Int, points: Int)?, line: Int,
        numeric: UnsafeBufferPointer<Int32>?, entries: inout [UInt16], points: inout [Int64],
        seen: inout [UInt32], stamp: UInt32, into part: inout Part
    ) -> Bool {
        func fail(_ offset: Int, _ message: String, text: String? = nil, hint: String? = nil) -> Bool {
            part.errors.append(PabulibError(file: file, line: line, column: offset + 1, message: message, text: text, hint: hint))
            return false
        }
        // Voter id.
        guard idCell.end > idCell.start else { return fail(columns?.id ?? (idCell.start - start), "empty voter_id") }
        let key = Self.voterKey(bytes, idCell)
        part.voterKeys.append(key)
        if key == UInt64.max { part.longIDs.append(RowTokenizer.string(bytes, idCell)) }
        part.rowLines.append(UInt32(line))
        // Vote.
        // `entries[0 ..< listed]` holds this row's entries (the array is reused row to row).
        var problems: [String] = []
        var listed = 0
        if voteCell.end > voteCell.start {
            var s = voteCell.start
            while s <= voteCell.end {
                var e = s
                while e < voteCell.end && bytes[e] != 44 { e += 1 }
                var entry = UInt16.max  // placeholder for a bad entry keeps points aligned
                let found: UInt16?
                if let numeric {
                    found = ProjectLookup.numericIndex(numeric, bytes, s, e)
                } else {
                    found = lookup.index(bytes, s, e)
                }
                if let p = found {
                    if seen[Int(p)] == stamp {
                        Self.note(&problems, "project '\(projectIDs[Int(p)])' is listed twice")
                    } else {
                        seen[Int(p)] = stamp
                        entry = p
                    }
                } else {
                    Self.note(&problems, e == s ? "an empty project id"
                              : "unknown project '\(Self.clipped(bytes, s, e))'")
                }
                if listed < entries.count { entries[listed] = entry } else { entries.append(entry) }
                listed += 1
                s = e + 1
            }
        }
        // Points.
        if pointsColumn != nil {
            points.removeAll(keepingCapacity: true)
            let cell = pointsCell
            if cell.end > cell.start {
                var s = cell.start
                while s <= cell.end {
                    var e = s
                    while e < cell.end && bytes[e] != 44 { e += 1 }
                    guard let value = Self.integer(bytes, s, e) else {
                        return fail(columns?.points ?? (s - start), "points must be whole numbers",
                                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self))
                    }
                    points.append(value)
                    part.pointsMagnitude = Self.saturatingAdd(part.pointsMagnitude, value.magnitude)
                    s = e + 1
                }
            }
            guard points.count == listed else {
                return fail(columns?.points ?? (cell.start - start), "\(points.count) points for \(listed) projects in 'vote'",
                            hint: "give one point value per listed project")
            }
        }
        // Limits.
        let minLength = limits.minLength ?? 1
        let maxLength = limits.maxLength ?? projectIDs.count
        if voteType == .chooseOne && listed != 1 {
            Self.note(&problems, "a choose-1 ballot lists \(listed) projects")
        }
        if listed < minLength { Self.note(&problems, "lists \(listed) projects, fewer than min_length \(minLength)") }
        if listed > maxLength { Self.note(&problems, "lists \(listed) projects, more than max_length \(maxLength)") }
        if limits.maxSumCost != nil || limits.minSumCost != nil {
            var total = Rational.zero
            for p in entries[0..<listed] where p != UInt16.max { total += costs[Int(p)] }
            if let m = limits.maxSumCost, total > m { Self.note(&problems, "costs \(total) in all, more than max_sum_cost \(m)") }
            if let m = limits.minSumCost, total < m { Self.note(&problems, "costs \(total) in all, less than min_sum_cost \(m)") }
        }
        if storesPoints {
            var sum: Int64 = 0
            for v in points {
                if let m = limits.minPoints, v < m { Self.note(&problems, "gives \(v) points, fewer than min_points \(m)") }
                if let m = limits.maxPoints, v > m { Self.note(&problems, "gives \(v) points, more than max_points \(m)") }
                if v < 0 { Self.note(&problems, "gives negative points (\(v))") }
                let (total, overflow) = sum.addingReportingOverflow(v)
                sum = overflow ? (v > 0 ? Int64.max : Int64.min) : total
            }
            if let m = limits.maxSumPoints, sum > m { Self.note(&problems, "gives \(sum) points in all, more than max_sum_points \(m)") }
            if let m = limits.minSumPoints, sum < m { Self.note(&problems, "gives \(sum) points in all, fewer than min_sum_points \(m)") }
        }
        if !problems.isEmpty {
            let voter = RowTokenizer.string(bytes, idCell)
            part.invalid.append(InvalidBallot(voterID: voter, line: line, reason: problems.joined(separator: "; ")))
            if policy == .skip { return true }
        }
        // Store: unknown and repeated entries are dropped (kept ballots count what is valid).
        if problems.isEmpty {
            // Through a pointer: a slice of `entries` would retain and release its storage
            // for every row.
            entries.withUnsafeBufferPointer { all in
                part.ballots.append(UnsafeBufferPointer(rebasing: all[0..<listed]), points: storesPoints ? points : nil)
            }
        } else {
            var keptEntries = [UInt16]()
            var keptPoints = [Int64]()
            for (k, p) in entries[0..<listed].enumerated() where p != UInt16.max {
                keptEntries.append(p)
                if storesPoints { keptPoints.append(points[k]) }
            }
            part.ballots.append(keptEntries, points: storesPoints ? keptPoints : nil)
        }
        return true
    }

    /// At most this many problems are worded per ballot (a hostile row can hold millions).
    static let maxProblems = 10

    /// Records a problem of a ballot, or one "more problems" mark past ``maxProblems``.
    @inline(never)
    static func note(_ problems: inout [String], _ problem: @autoclosure () -> String) {
        if problems.count < maxProblems {
            problems.append(problem())
        } else if problems.count == maxProblems {
            problems.append("and more problems")
        }
    }

    /// The text of `bytes[start..<end]`, cut to 60 bytes for a message.
    static func clipped(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + 60)]), as: UTF8.self)
        return end - start > 60 ? text + "..." : text
    }

    /// `a + b`, or `UInt64.max` when that overflows.
    @inline(__always)
    static func saturatingAdd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? UInt64.max : sum
    }

    /// Bit that marks a voter key made from a long numeric id.
    static let numericKeyFlag: UInt64 = 1 << 63

    /// A word that stands for an unquoted voter id, one to one: an id of up to 8 bytes
    /// whose first byte is ASCII is packed into the word (first byte highest, so the top
    /// bit is clear); an id of 9 to 18 digits without a leading zero (`1401204197`) is its
    /// value with ``numericKeyFlag`` set. Any other id gives `UInt64.max`: it is kept as
    /// text. Keys of increasing numeric ids increase.
    @inline(__always)
    static func voterKey(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: RowTokenizer.Cell) -> UInt64 {
        let length = cell.end - cell.start
        if length <= 8 && bytes[cell.start] < 0x80 {
            var key: UInt64 = 0
            for i in cell.start..<cell.end { key = key << 8 | UInt64(bytes[i]) }
            return key
        }
        guard length <= 18 && bytes[cell.start] != 48 else { return UInt64.max }
        var value: UInt64 = 0
        for i in cell.start..<cell.end {
            let digit = UInt64(bytes[i]) &- 48
            guard digit <= 9 else { return UInt64.max }
            value = value &* 10 &+ digit
        }
        return value | numericKeyFlag
    }

    /// A non-negative or negative whole number of at most 18 digits.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var i = start
        var negative = false
        if i < end && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < end, end - i <= 18 else { return nil }
        var v: Int64 = 0
        while i < end {
            let d = Int64(bytes[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
            i += 1
        }
        return negative ? -v : v
    }
}
