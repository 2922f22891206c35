/// Merges the ballot files of several collection points of one election (paper and
/// online, districts) into one `.pb` file.
///
/// The files must agree on everything that shapes a count: `vote_type`, the budget, the
/// META keys that limit ballots or the count (``countingMetaKeys``), the projects and
/// their costs, and the VOTES columns; no voter id may appear in two files. The merged
/// file is the first file with:
/// - META `num_votes` set to the total number of ballots (every other META row as in the first file);
/// - PROJECTS `votes` and `score` cells, where those columns exist, recomputed from the
///   merged ballots (`votes`: ballots listing the project; `score`: the sum of its points,
///   ordinal rankings scored `positional`, approval ballots: `votes`); every other cell,
///   `selected` included, as in the first file;
/// - the VOTES rows of every file, in the order of the files and of their rows, byte for
///   byte (a last row without a line break gets the first file's line break).
/// Counting the merged file therefore counts the concatenated ballots.
public enum BallotFileMerge {
    /// META keys on which the files must agree (besides `budget` and `vote_type`).
    static let countingMetaKeys = ["num_projects", "min_length", "max_length", "min_sum_cost", "max_sum_cost",
                                          "min_points", "max_points", "min_sum_points", "max_sum_points",
                                          "default_score", "scoring_fn", "min_project_score_threshold"]

    /// Merges `inputs` (each a file's name and bytes) into the bytes of one `.pb` file.
    ///
    /// - Throws: `PabulibErrors` when a file cannot be read;
    ///   ``PabulibTextError/mergeConflict(file:line:message:)`` naming the file and line
    ///   where it disagrees with the first file, or where a voter id repeats.
    /// - Complexity: O(total bytes), plus a set of every voter id.
    public static func merge(_ inputs: [(source: String, bytes: [UInt8])]) throws -> [UInt8] {
        guard let first = inputs.first else { return [] }
        let elections = try inputs.map {
            try PabulibReader.read(bytes: $0.bytes, source: $0.source, options: PabulibReader.Options(invalidBallots: .keep))
        }
        let texts = try inputs.map { try PabulibText(bytes: $0.bytes, source: $0.source) }
        let a = elections[0]
        let metaA = try metaRows(texts[0])
        let votesHeaderA = try texts[0].cells(texts[0].section(texts[0].votesTitle).header).map(\.value)
        for k in inputs.indices.dropFirst() {
            let b = elections[k], text = texts[k], source = inputs[k].source
            let metaB = try metaRows(text)
            for key in ["vote_type", "budget"] + countingMetaKeys {
                let x = metaA[key]?.value, y = metaB[key]?.value
                let agree = key == "budget" ? a.budget == b.budget : x == y
                if !agree {
                    throw PabulibTextError.mergeConflict(file: source, line: metaB[key]?.line ?? text.lines[text.metaTitle].number,
                                                          message: "META \(key) is \(y.map { "'\($0)'" } ?? "absent") here, \(x.map { "'\($0)'" } ?? "absent") in \(first.source)\(metaA[key].map { ":\($0.line)" } ?? "")")
                }
            }
            for project in b.projects {
                guard let p = a.projectIndex(id: project.id) else {
                    throw PabulibTextError.mergeConflict(file: source, line: project.line, message: "project '\(project.id)' is not in \(first.source)")
                }
                if a.projects[p].cost != project.cost {
                    throw PabulibTextError.mergeConflict(file: source, line: project.line,
                                                          message: "project '\(project.id)' costs \(project.cost) here, \(a.projects[p].cost) in \(first.source):\(a.projects[p].line)")
                }
            }
            if let missing = a.projects.first(where: { b.projectIndex(id: $0.id) == nil }) {
                throw PabulibTextError.mergeConflict(file: source, line: text.lines[text.section(text.projectsTitle).header].number,
                                                      message: "project '\(missing.id)' (\(first.source):\(missing.line)) is missing here")
            }
            let header = text.section(text.votesTitle).header
            let votesHeader = try text.cells(header).map(\.value)
            if votesHeader != votesHeaderA {
                throw PabulibTextError.mergeConflict(file: source, line: text.lines[header].number,
                                                      message: "VOTES columns '\(votesHeader.joined(separator: ";"))' differ from \(first.source)'s '\(votesHeaderA.joined(separator: ";"))'")
            }
        }
        let voterColumn = votesHeaderA.firstIndex(of: "voter_id") ?? 0
        var seen: [String: (file: Int, line: Int)] = [:]
        var total = 0
        for (k, text) in texts.enumerated() {
            for row in text.section(text.votesTitle).rows {
                let cells = try text.cells(row)
                let id = voterColumn < cells.count ? cells[voterColumn].value : ""
                let line = text.lines[row].number
                if let earlier = seen[id] {
                    throw PabulibTextError.mergeConflict(file: inputs[k].source, line: line,
                                                          message: "voter id '\(id)' is also in \(inputs[earlier.file].source):\(earlier.line); each voter has one ballot")
                }
                seen[id] = (k, line)
                total += 1
            }
        }
        return try write(texts: texts, elections: elections, total: total)
    }

    /// META rows by key, with their value and line.
    private static func metaRows(_ text: PabulibText) throws -> [String: (value: String, line: Int)] {
        var rows: [String: (value: String, line: Int)] = [:]
        for k in text.section(text.metaTitle).rows {
            let cells = try text.cells(k)
            if cells.count == 2 { rows[cells[0].value] = (cells[1].value, text.lines[k].number) }
        }
        return rows
    }

    /// The first file's META and PROJECTS with `num_votes`, `votes` and `score` updated, then every file's VOTES rows.
    private static func write(texts: [PabulibText], elections: [Election], total: Int) throws -> [UInt8] {
        let a = texts[0]
        var edits = PabulibTextEdits()
        for k in a.section(a.metaTitle).rows {
            let cells = try a.cells(k)
            if cells.count == 2 && cells[0].value == "num_votes" {
                edits.replace(line: k, span: cells[1].span, with: Array(String(total).utf8))
            }
        }
        var votes: [String: Int] = [:], score: [String: Int64] = [:]
        for election in elections {
            let support = election.scored(by: .positional).support()
            for (p, project) in election.projects.enumerated() {
                votes[project.id, default: 0] += support.votes[p]
                score[project.id, default: 0] += support.score[p]
            }
        }
        let (header, rows) = a.section(a.projectsTitle)
        let columns = try a.cells(header).map(\.value)
        let votesColumn = columns.firstIndex(of: "votes"), scoreColumn = columns.firstIndex(of: "score")
        for k in rows {
            let cells = try a.cells(k)
            guard let id = cells.first?.value else { continue }
            if let c = votesColumn, c < cells.count { edits.replace(line: k, span: cells[c].span, with: Array(String(votes[id] ?? 0).utf8)) }
            if let c = scoreColumn, c < cells.count { edits.replace(line: k, span: cells[c].span, with: Array(String(score[id] ?? 0).utf8)) }
        }
        let votesHeader = a.section(a.votesTitle).header
        var out = edits.apply(to: a, lines: 0 ..< votesHeader + 1)
        let lineBreak = a.lineBreak(of: votesHeader)
        if a.lines[votesHeader].end == a.lines[votesHeader].contentEnd { out += lineBreak }
        for text in texts {
            for row in text.section(text.votesTitle).rows {
                out += text.bytesOfLine(row, lineBreak: lineBreak)
            }
        }
        return out
    }
}
