import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of one read of a `.pb` file: fed chunks of complete lines, it builds the
/// election section by section.
final class PabulibParser {
    private enum Section {
        case start, metaHeader, meta, projectsHeader, projects, votesHeader, votes
    }

    private let file: String
    private let options: PabulibReader.Options
    private var hasher = SHA256Digest()
    private var section = Section.start
    /// Lines consumed so far.
    private var line = 0
    private var errors: [PabulibError] = []
    private var warnings: [FormatWarning] = []
    private var cells = [RowTokenizer.Cell]()
    private var sawBOMCheck = false

    // META
    private var meta: [MetadataField] = []
    private var metaLines: [String: Int] = [:]
    private var voteType = VoteType.approval
    private var limits = BallotLimits()
    private var budget = Rational.zero
    private var declaredProjects: Int?
    private var declaredVotes: Int?

    // PROJECTS
    private var projectColumns: [String] = []
    private var idColumn = 0
    private var costColumn = 1
    private var projects: [Project] = []
    private var projectIDs: [String: Int] = [:]
    /// PROJECTS rows seen, malformed ones included.
    private var projectRows = 0

    // VOTES
    private var rowParser: VoteRowParser?
    private var ballots = Ballots()
    private var invalid: [InvalidBallot] = []
    private var rowCount = 0
    /// The sum of the points' magnitudes so far (saturating).
    private var pointsMagnitude: UInt64 = 0
    private var shortVoterIDs = Set<UInt64>()
    private var longVoterIDs = Set<String>()
    /// While every voter id so far has a key (short or numeric ids) and the keys strictly
    /// increase (ids `1, 2, 3, ...` in most files), no id can repeat and the sets above stay empty: the
    /// keys are kept here, in order, and moved into `shortVoterIDs` the first time an id
    /// breaks the order. `nil` once that has happened.
    private var increasingVoterKeys: [UInt64]? = []

    init(file: String, options: PabulibReader.Options) {
        self.file = file
        self.options = options
    }

    // MARK: Errors

    private func error(_ line: Int, _ column: Int = 0, _ message: String, text: String? = nil, hint: String? = nil) -> PabulibError {
        PabulibError(file: file, line: line, column: column, message: message, text: text, hint: hint)
    }

    /// Records a problem; stops the read unless every problem is wanted.
    private func report(_ e: PabulibError) throws(PabulibErrors) {
        errors.append(e)
        if !options.collectAllErrors { throw PabulibErrors(errors) }
    }

    /// Records something off that the read goes on past.
    private func warn(_ line: Int, _ column: Int = 0, _ message: String) {
        warnings.append(FormatWarning(file: file, line: line, column: column, message: message))
    }

    /// Warns about every cell of `cells` that was read leniently (see ``RowTokenizer``).
    private func warnLenientCells(_ start: Int) {
        for cell in cells {
            if let message = cell.leniency { warn(line, cell.written.lowerBound - start + 1, message) }
        }
    }

    /// Warns about the first cell of `cells` that holds a line break (a row over several
    /// lines), at the line and column where that cell starts.
    private func warnLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
        guard let cell = RowTokenizer.firstCellWithLineBreak(bytes, cells) else { return }
        let place = RowTokenizer.place(bytes, rowStart: start, offset: cell.written.lowerBound)
        warn(line + place.breaks, place.column, RowTokenizer.lineBreakInQuotes)
    }

    /// Stops the read: the file cannot be understood past this point.
    private func fatal(_ e: PabulibError) -> PabulibErrors {
        errors.append(e)
        return PabulibErrors(errors)
    }

    // MARK: Feeding

    /// Consumes the complete rows at the start of `bytes[0..<count]` (all of it when
    /// `atEnd`) and returns how many bytes it consumed. A row whose quoted cell goes on past
    /// `count` is left for the next call, which gets it with more bytes after it.
    func feed(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, atEnd: Bool) throws -> Int {
        var end = count
        if !atEnd {
            while end > 0 && bytes[end - 1] != 10 { end -= 1 }
            if end == 0 { return 0 }
        }
        // `bytes[0..<hashed]` has gone to the hasher (inside VOTES, on another core while
        // the rows are parsed).
        var hashed = 0
        var position = 0
        if !sawBOMCheck {
            sawBOMCheck = true
            if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
        }
        while position < end && section != .votes && section != .votesHeader {
            guard let record = Self.record(bytes, position, end, atEnd: atEnd) else { break }
            line += 1
            if record.contentEnd > position {
                try headerLine(bytes, position, record.contentEnd)
            }
            line += record.innerBreaks
            position = record.next
        }
        if (section == .votes || section == .votesHeader) && position < end {
            position = try votes(bytes, position, end, atEnd: atEnd, hashed: &hashed)
        }
        let consumed = min(position, end)
        if hashed < consumed {
            hasher.update(UnsafeBufferPointer(rebasing: bytes[hashed..<consumed]))
        }
        return consumed
    }

    /// The row at `start` (see ``RowTokenizer/record(_:from:to:)``); at the end of the file
    /// a quoted cell that never closes makes the rest one row, which the tokenizer refuses.
    /// `nil`: the row goes on in bytes not read yet.
    private static func record(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, atEnd: Bool) -> RowTokenizer.Record? {
        if let record = RowTokenizer.record(bytes, from: start, to: end) { return record }
        guard atEnd else { return nil }
        return RowTokenizer.Record(contentEnd: end, next: end, innerBreaks: bytes[start..<end].reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
    }

    /// The error for a row that has reached `bytes` without ending (``PabulibReader/Options/maximumRowBytes``).
    func rowTooLong(bytes: Int) -> PabulibError {
        let size = bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
        return error(line + 1, 1, "a row longer than \(size): no line break ends it, or a quoted cell never closes",
              hint: "is this a .pb file? A .pb row is one line, far shorter")
    }

    // MARK: META and PROJECTS

    private func sectionTitle(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Section? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        switch text {
        case "meta": return .metaHeader
        case "projects": return .projectsHeader
        case "votes": return .votesHeader
        default: return nil
        }
    }

    private func headerLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
        if let title = sectionTitle(bytes, start, end) {
            let expected: Section
            switch section {
            case .start: expected = .metaHeader
            case .meta: expected = .projectsHeader
            case .projects: expected = .votesHeader
            default:
                throw fatal(error(line, 1, "section title where a header row was expected",
                                  text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                                  hint: "each section title is followed by its header row"))
            }
            guard title == expected else {
                throw fatal(error(line, 1, "sections out of order: expected \(Self.name(expected)) here",
                                  text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                                  hint: "a .pb file has META, PROJECTS and VOTES, in that order"))
            }
            if title == .projectsHeader { try finishMeta() }
            if title == .votesHeader { try finishProjects() }
            section = title
            return
        }
        do {
            try RowTokenizer.split(bytes, start, end, into: &cells)
        } catch {
            try report(self.error(line, error.offset + 1, error.message))
            return
        }
        warnLenientCells(start)
        warnLineBreak(bytes, start)
        let values = cells.map { RowTokenizer.string(bytes, $0) }
        switch section {
        case .start:
            throw fatal(error(line, 1, "the file does not start with a META section", text: values.joined(separator: ";"),
                              hint: "is this a pabulib .pb file?"))
        case .metaHeader:
            guard values.count == 2, values[0] == "key", values[1] == "value" else {
                throw fatal(error(line, 1, "META header must be 'key;value'", text: values.joined(separator: ";")))
            }
            section = .meta
        case .meta:
            guard values.count == 2 else {
                try report(error(line, 1, "META row has \(values.count) cells, expected 2 (key;value)", text: values.joined(separator: ";"),
                                 hint: "wrap values that contain ';' in quotes"))
                return
            }
            if metaLines[values[0]] != nil {
                try report(error(line, 1, "META key '\(values[0])' appears twice"))
                return
            }
            metaLines[values[0]] = line
            meta.append(MetadataField(key: values[0], value: values[1]))
        case .projectsHeader:
            guard let id = values.firstIndex(of: "project_id"), let cost = values.firstIndex(of: "cost") else {
                throw fatal(error(line, 1, "PROJECTS header must name 'project_id' and 'cost'", text: values.joined(separator: ";")))
            }
            if let dup = Self.firstDuplicate(values) {
                throw fatal(error(line, 1, "PROJECTS header names column '\(dup)' twice"))
            }
            if id != 0 || cost != 1 {
                warn(line, 1, "PROJECTS columns in an unusual order (usually 'project_id;cost;...'); columns are found by name")
            }
            projectColumns = values
            idColumn = id
            costColumn = cost
            section = .projects
        case .projects:
            try projectRow(values, costAt: cells.count > costColumn ? cells[costColumn].written.lowerBound - start + 1 : 1)
        case .votesHeader, .votes:
            preconditionFailure("PabulibParser: VOTES rows go to votes(_:_:_:)")
        }
    }

    private static func name(_ section: Section) -> String {
        switch section {
        case .metaHeader: return "META"
        case .projectsHeader: return "PROJECTS"
        default: return "VOTES"
        }
    }

    private static func firstDuplicate(_ values: [String]) -> String? {
        var seen = Set<String>()
        for v in values where !seen.insert(v).inserted { return v }
        return nil
    }

    /// META keys that a count needs: an error when missing.
    private static let neededMeta = ["budget", "vote_type"]
    /// META keys that the format requires but a count does not need: a warning when missing.
    private static let descriptiveMeta = ["description", "country", "unit", "instance", "num_projects", "num_votes",
                                          "rule", "date_begin", "date_end"]

    private func metaValue(_ key: String) -> String? {
        meta.first { $0.key == key }?.value
    }

    private func finishMeta() throws {
        for key in Self.neededMeta where metaLines[key] == nil {
            try report(error(line, 0, "META lacks the required key '\(key)'", hint: "add a '\(key);...' row to META"))
        }
        for key in Self.descriptiveMeta where metaLines[key] == nil {
            warn(0, 0, "META lacks the key '\(key)' that the format requires (not needed to count); add a '\(key);...' row to META")
        }
        func integer(_ key: String) throws -> Int? {
            guard let text = metaValue(key) else { return nil }
            guard let v = Int(text), v >= 0 else {
                try report(error(metaLines[key] ?? 0, 0, "META '\(key)' must be a whole number", text: text))
                return nil
            }
            return v
        }
        func decimal(_ key: String) throws -> Rational? {
            guard let text = metaValue(key) else { return nil }
            guard let v = Rational(decimal: text), v.signum >= 0 else {
                try report(error(metaLines[key] ?? 0, 0, "META '\(key)' must be a plain non-negative decimal such as 250000 or 12.5", text: text))
                return nil
            }
            return v
        }
        if let text = metaValue("vote_type") {
            guard let t = VoteType(rawValue: text) else {
                throw fatal(error(metaLines["vote_type"] ?? 0, 0, "unknown vote_type", text: text,
                                  hint: "use approval, choose-1, cumulative, scoring or ordinal"))
            }
            voteType = t
        }
        budget = try decimal("budget") ?? .zero
        declaredProjects = try integer("num_projects")
        declaredVotes = try integer("num_votes")
        limits.minLength = try integer("min_length")
        limits.maxLength = try integer("max_length")
        limits.minSumCost = try decimal("min_sum_cost")
        limits.maxSumCost = try decimal("max_sum_cost")
        limits.minPoints = try integer("min_points").map(Int64.init)
        limits.maxPoints = try integer("max_points").map(Int64.init)
        limits.minSumPoints = try integer("min_sum_points").map(Int64.init)
        limits.maxSumPoints = try integer("max_sum_points").map(Int64.init)
        limits.defaultScore = try integer("default_score").map(Int64.init)
        if voteType == .cumulative && limits.maxSumPoints == nil {
            try report(error(line, 0, "a cumulative election needs META 'max_sum_points'"))
        }
    }

    /// One PROJECTS row; `costAt` is the 1-based column of its cost cell.
    private func projectRow(_ values: [String], costAt: Int) throws {
        projectRows += 1
        guard values.count == projectColumns.count else {
            try report(error(line, 1, "PROJECTS row has \(values.count) cells, the header has \(projectColumns.count)",
                             text: values.joined(separator: ";"), hint: "wrap cells that contain ';' in quotes"))
            return
        }
        let id = values[idColumn]
        guard !id.isEmpty else {
            try report(error(line, 1, "empty project_id"))
            return
        }
        if let first = projectIDs[id] {
            try report(error(line, 1, "project id '\(Self.clipped(id))' appears twice (first on line \(projects[first].line))"))
            return
        }
        guard let cost = Rational(decimal: values[costColumn]) else {
            try report(error(line, costAt, "cost is not a plain decimal such as 250000 or 12.5", text: values[costColumn]))
            return
        }
        guard cost.signum > 0 else {
            try report(error(line, costAt, "cost must be positive", text: values[costColumn]))
            return
        }
        guard projects.count < Int(UInt16.max) else {
            throw fatal(error(line, 1, "more than \(UInt16.max - 1) projects"))
        }
        var fields: [MetadataField] = []
        var name = ""
        for (k, column) in projectColumns.enumerated() where k != idColumn && k != costColumn {
            fields.append(MetadataField(key: column, value: values[k]))
            if column == "name" { name = values[k] }
        }
        projectIDs[id] = projects.count
        projects.append(Project(id: id, cost: cost, name: name, fields: fields, line: line))
    }

    private func finishProjects() throws {
        if let n = declaredProjects, n != projectRows {
            try report(error(metaLines["num_projects"] ?? line, 0, "META num_projects says \(n), PROJECTS has \(projectRows) rows",
                             hint: "correct num_projects"))
        }
    }

    // MARK: VOTES

    private func makeRowParser(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws -> VoteRowParser {
        do {
            try RowTokenizer.split(bytes, start, end, into: &cells)
        } catch {
            throw fatal(self.error(line, error.offset + 1, error.message))
        }
        warnLenientCells(start)
        warnLineBreak(bytes, start)
        let columns = cells.map { RowTokenizer.string(bytes, $0) }
        guard let voter = columns.firstIndex(of: "voter_id"), let vote = columns.firstIndex(of: "vote") else {
            throw fatal(error(line, 1, "VOTES header must name 'voter_id' and 'vote'", text: columns.joined(separator: ";")))
        }
        if let dup = Self.firstDuplicate(columns) {
            throw fatal(error(line, 1, "VOTES header names column '\(dup)' twice"))
        }
        if voter != 0 {
            warn(line, 1, "VOTES columns in an unusual order (usually 'voter_id;...'); columns are found by name")
        }
        let points = columns.firstIndex(of: "points")
        if voteType.hasPoints && points == nil {
            throw fatal(error(line, 1, "a \(voteType.rawValue) election needs a 'points' column in VOTES", text: columns.joined(separator: ";")))
        }
        ballots = Ballots(withPoints: voteType.hasPoints)
        return VoteRowParser(
            file: file, voteType: voteType, limits: limits, policy: options.invalidBallots,
            lookup: ProjectLookup(ids: projects.map(\.id)), projectIDs: projects.map(\.id),
            costs: projects.map(\.cost), columnCount: columns.count, voterColumn: voter, voteColumn: vote,
            pointsColumn: points, storesPoints: voteType.hasPoints, stopAtFirstError: !options.collectAllErrors)
    }

    /// Parses the VOTES rows in `bytes[start..<end]` and returns where the rows it took end;
    /// the bytes from `hashed` to there go to the hasher meanwhile.
    ///
    /// VOTES is split into one part per thread at line breaks. A line break inside a
    /// quoted cell is not a place to cut, so text with a quote in it (no shared file has
    /// one in VOTES) is parsed as one part, row by row.
    private func votes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, atEnd: Bool, hashed: inout Int) throws -> Int {
        var position = start
        if rowParser == nil {
            // The header row (skip blank lines before it).
            while position < end && rowParser == nil {
                guard let record = Self.record(bytes, position, end, atEnd: atEnd) else { return position }
                line += 1
                if record.contentEnd > position {
                    rowParser = try makeRowParser(bytes, position, record.contentEnd)
                    section = .votes
                }
                line += record.innerBreaks
                position = record.next
            }
            guard position < end, rowParser != nil else { return position }
        }
        guard let parser = rowParser else { return position }
        let size = end - position
        let quoted = bytes.baseAddress.map { memchr($0 + position, Int32(UInt8(ascii: "\"")), size) != nil } ?? false
        if quoted {
            let part = parser.parse(bytes, position, end, rows: atEnd ? .toTheEnd : .complete)
            try absorb(part)
            return part.end
        }
        // Split at line boundaries into one part per thread.
        let threads = options.threads > 0 ? options.threads : max(1, System.coreCount)
        let partCount = size < options.minimumPartBytes ? 1 : min(threads, max(1, size / 64))
        var bounds = [position]
        for k in 1..<max(partCount, 1) {
            var b = max(position + size * k / partCount, bounds[k - 1])
            while b < end && bytes[b - 1] != 10 { b += 1 }
            bounds.append(b)
        }
        bounds.append(end)
        var parts = [VoteRowParser.Part?](repeating: nil, count: partCount)
        let hashFrom = hashed
        hashed = end
        if partCount == 1 {
            if hashFrom < end {
                hasher.update(UnsafeBufferPointer(rebasing: bytes[hashFrom..<end]))
            }
            parts[0] = parser.parse(bytes, bounds[0], bounds[1], rows: .lines)
        } else {
            let cuts = bounds
            let hashing = hashFrom < end
            let tasks = hashing ? partCount + 1 : partCount
            nonisolated(unsafe) let input = bytes  // read-only while the parts run
            withUnsafeMutablePointer(to: &hasher) { hasherPointer in
                nonisolated(unsafe) let digest = hasherPointer  // only the last task touches it
                parts.withUnsafeMutableBufferPointer { out in
                    nonisolated(unsafe) let results = out  // each part writes its own slot
                    DispatchQueue.concurrentPerform(iterations: tasks) { k in
                        if k == partCount {
                            digest.pointee.update(UnsafeBufferPointer(rebasing: input[hashFrom..<end]))
                        } else {
                            results[k] = parser.parse(input, cuts[k], cuts[k + 1], rows: .lines)
                        }
                    }
                }
            }
        }
        for case let part? in parts {
            try absorb(part)
        }
        return end
    }

    /// Joins one parsed part, in order: line numbers made absolute, voter ids checked.
    private func absorb(_ part: VoteRowParser.Part) throws {
        let base = line + 1
        if increasingVoterKeys != nil && !absorbIncreasingKeys(part.voterKeys) {
            // The order breaks in this part: from here on, every id goes through the sets.
            shortVoterIDs.reserveCapacity(increasingVoterKeys?.count ?? 0)
            for key in increasingVoterKeys ?? [] { shortVoterIDs.insert(key) }
            increasingVoterKeys = nil
        }
        var longIndex = 0
        for (k, key) in part.voterKeys.enumerated() where increasingVoterKeys == nil {
            let duplicate: String?
            if key == UInt64.max {
                let id = part.longIDs[longIndex]
                longIndex += 1
                duplicate = longVoterIDs.insert(id).inserted ? nil : id
            } else {
                duplicate = shortVoterIDs.insert(key).inserted ? nil : Self.unpack(key)
            }
            if let duplicate {
                try report(error(base + Int(part.rowLines[k]), 1, "voter id '\(Self.clipped(duplicate))' appears twice", hint: "each voter has one ballot"))
            }
        }
        for var e in part.errors {
            e.line += base
            errors.append(e)
        }
        if !part.errors.isEmpty && !options.collectAllErrors { throw PabulibErrors(errors) }
        for var w in part.warnings {
            w.line += base
            warnings.append(w)
        }
        for var b in part.invalid {
            b.line += base
            invalid.append(b)
        }
        guard ballots.projects.count + part.ballots.projects.count <= Int(UInt32.max) else {
            throw fatal(error(base, 0, "more than \(UInt32.max) ballot entries in all", hint: "split the file"))
        }
        ballots.append(contentsOf: part.ballots)
        pointsMagnitude = VoteRowParser.saturatingAdd(pointsMagnitude, part.pointsMagnitude)
        rowCount += part.rowCount
        line += part.lineCount
        // A count stops at the first row past META num_votes rather than at the end of
        // the file: an input that never ends (standard input) is refused as soon as it
        // says more than it declared.
        if let n = declaredVotes, rowCount > n, !options.collectAllErrors {
            throw fatal(error(metaLines["num_votes"] ?? 0, 0, "META num_votes says \(n), VOTES has more rows (at least \(rowCount))",
                              hint: "correct num_votes"))
        }
    }

    /// Appends `keys` to ``increasingVoterKeys`` if they are short ids that go on
    /// increasing strictly; returns `false` (and appends nothing) otherwise.
    ///
    /// - Complexity: O(keys).
    private func absorbIncreasingKeys(_ keys: [UInt64]) -> Bool {
        guard var kept = increasingVoterKeys else { return false }
        var last = kept.last
        for key in keys {
            if key == UInt64.max { return false }
            if let last, key <= last { return false }
            last = key
        }
        increasingVoterKeys = nil  // keep the array uniquely referenced while appending
        kept.append(contentsOf: keys)
        increasingVoterKeys = kept
        return true
    }

    /// An id cut to 60 characters for a message (ids can be 100 KB long).
    private static func clipped(_ id: String) -> String {
        id.count > 60 ? String(id.prefix(57)) + "..." : id
    }

    /// The voter id that ``VoteRowParser/voterKey(_:_:)`` made `key` from.
    private static func unpack(_ key: UInt64) -> String {
        if key & VoteRowParser.numericKeyFlag != 0 { return String(key & ~VoteRowParser.numericKeyFlag) }
        var bytes: [UInt8] = []
        var k = key
        while k != 0 {
            bytes.append(UInt8(k & 0xFF))
            k >>= 8
        }
        return String(decoding: bytes.reversed(), as: UTF8.self)
    }

    // MARK: End

    func finish() throws -> Election {
        switch section {
        case .votes where rowParser != nil: break
        case .votes, .votesHeader:
            throw fatal(error(line, 0, "the VOTES section has no header row", hint: "add 'voter_id;vote' after VOTES"))
        default:
            let missing = section == .projects || section == .projectsHeader ? "VOTES" : (section == .meta || section == .metaHeader ? "PROJECTS" : "META")
            throw fatal(error(line, 0, "the file ends before its \(missing) section", hint: "is the file complete?"))
        }
        if let n = declaredVotes, n != rowCount {
            try report(error(metaLines["num_votes"] ?? 0, 0, "META num_votes says \(n), VOTES has \(rowCount) rows", hint: "correct num_votes"))
        }
        if projects.isEmpty { try report(error(line, 0, "empty election: no projects")) }
        // Scores are sums of points in 64 bits: refuse points so large that a sum could overflow.
        var magnitude = pointsMagnitude
        if voteType == .scoring, let d = limits.defaultScore {
            let (perBallot, o1) = d.magnitude.multipliedReportingOverflow(by: UInt64(projects.count))
            let (all, o2) = perBallot.multipliedReportingOverflow(by: UInt64(rowCount))
            magnitude = o1 || o2 ? UInt64.max : VoteRowParser.saturatingAdd(magnitude, all)
        }
        if magnitude > UInt64(Int64.max) {
            try report(error(0, 0, "the points add up beyond 2^63, more than a score can hold", hint: "are the points in the right unit?"))
        }
        if rowCount == 0 { try report(error(line, 0, "empty election: no ballots")) }
        if !errors.isEmpty { throw PabulibErrors(errors.sorted { $0.line < $1.line }) }
        if options.invalidBallots == .fail && !invalid.isEmpty {
            throw PabulibErrors(invalid.map {
                error($0.line, 1, "invalid ballot of voter '\($0.voterID)': \($0.reason)",
                      hint: "count with --invalid-ballots skip (leave them out) or keep (count them)")
            })
        }
        let sortedWarnings = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return Election(source: file, sha256: hasher.hexDigest(), meta: meta, projects: projects, budget: budget,
                        voteType: voteType, limits: limits, ballots: ballots, invalidBallots: invalid,
                        invalidBallotPolicy: options.invalidBallots, warnings: sortedWarnings)
    }
}
