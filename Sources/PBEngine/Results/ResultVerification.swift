import Foundation

/// Redoes a recorded count and compares: what an observer runs to check a published result.
///
/// The result (`pbcount count --format json`) records the input's SHA-256 and every
/// option; ``verify(result:resultSource:input:inputSource:threads:)`` refuses input
/// bytes with another hash, recounts with the recorded options and compares the two
/// documents key by key.
public enum ResultVerification {
    /// Decodes a result document: a result file (JSON), or a report page (HTML), whose
    /// embedded result is read (``ResultDocument/pageScriptID``).
    ///
    /// - Throws: ``ResultError/unreadableResult(path:reason:)`` when the bytes are not
    ///   a pbcount result of a layout this engine reads, or a page without one.
    public static func document(from data: Data, source: String) throws -> ResultDocument {
        if let embedded = try ResultDocument.embeddedJSON(inPage: data, source: source) {
            do {
                return try document(from: embedded, source: source)
            } catch let ResultError.unreadableResult(path, reason) {
                throw ResultError.unreadableResult(path: path, reason: "the result embedded in the page: \(reason)")
            }
        }
        let document: ResultDocument
        do {
            document = try JSONDecoder().decode(ResultDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ResultError.unreadableResult(path: source, reason: "the key '\(path)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ResultError.unreadableResult(path: source, reason: "'\(path)' has the wrong type")
        } catch {
            throw ResultError.unreadableResult(path: source, reason: "not JSON that pbcount wrote (\(error.localizedDescription))")
        }
        guard document.format == "pbcount-result" else {
            throw ResultError.unreadableResult(path: source, reason: "format is '\(document.format)', expected 'pbcount-result'")
        }
        guard ResultDocument.readableVersions.contains(document.format_version) else {
            throw ResultError.unreadableResult(path: source, reason: "format_version \(document.format_version); this engine reads versions \(ResultDocument.readableVersions.map(String.init).joined(separator: " and "))")
        }
        return document
    }

    /// The SHA-256 of `bytes` in lowercase hex, as results record it.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256Digest.hex(bytes)
    }

    /// Recounts `input` with the options that `result` records and compares.
    ///
    /// - Parameters:
    ///   - result: The recorded result.
    ///   - input: The bytes of the `.pb` file the result claims to count.
    ///   - inputSource: The file's name, for messages.
    ///   - threads: Threads for reading (the result does not depend on it).
    /// - Returns: The comparison; ``ResultComparison/isMatch`` says whether they agree.
    /// - Throws: ``ResultError/inputMismatch(file:recorded:actual:)`` when the bytes
    ///   are not the ones counted; ``ResultError/badRecordedOption(key:value:reason:)``;
    ///   `PabulibErrors` or ``CountError`` when the file cannot be read or counted.
    /// - Complexity: one read and one count of the election.
    public static func verify(result: ResultDocument, input: [UInt8], inputSource: String, threads: Int = 0) throws -> ResultComparison {
        let actual = sha256(input)
        guard actual == result.input_sha256 else {
            throw ResultError.inputMismatch(file: inputSource, recorded: result.input_sha256, actual: actual)
        }
        var options = try CountOptions(recorded: result.options, formatVersion: result.format_version)
        options.threads = threads
        let election = try PabulibReader.read(bytes: input, source: inputSource,
                                              options: PabulibReader.Options(invalidBallots: options.invalidBallots, threads: threads))
        let outcome = try RuleRegistry.count(election, options: options)
        let recount = ResultDocument(election: election, options: options, outcome: outcome)
        return ResultComparison(recorded: result, recount: recount)
    }
}

/// How a recorded result and a recount of it differ (nothing, when they match).
public struct ResultComparison: Sendable, Equatable {
    /// Funded in the recorded result, not in the recount.
    public var onlyRecorded: [String]
    /// Funded in the recount, not in the recorded result.
    public var onlyRecounted: [String]
    /// Every difference, one line each, most important first: funded sets, funding order,
    /// totals, the first round that differs, ties, details, projects, everything else.
    public var differences: [String]
    /// Facts that do not make a mismatch (another engine version).
    public var notes: [String]

    /// Whether the recount gave the recorded result.
    public var isMatch: Bool { differences.isEmpty }

    /// Compares two result documents key by key (the input file's name and the engine
    /// version are not compared: renaming a file or upgrading the engine changes no count).
    ///
    /// - Complexity: O(size of the documents).
    public init(recorded a: ResultDocument, recount b: ResultDocument) {
        var lines: [String] = []
        let inA = Set(a.selected), inB = Set(b.selected)
        onlyRecorded = a.selected.filter { !inB.contains($0) }
        onlyRecounted = b.selected.filter { !inA.contains($0) }
        if !onlyRecorded.isEmpty {
            lines.append("funded in the result but not in the recount: \(onlyRecorded.joined(separator: ", "))")
        }
        if !onlyRecounted.isEmpty {
            lines.append("funded in the recount but not in the result: \(onlyRecounted.joined(separator: ", "))")
        }
        if onlyRecorded.isEmpty && onlyRecounted.isEmpty && a.selected != b.selected,
           let k = Self.firstDifference(a.selected, b.selected) {
            lines.append("same projects, other funding order: position \(k + 1) is \(a.selected[k]) in the result, \(b.selected[k]) in the recount")
        }
        func compare<T: Equatable>(_ name: String, _ x: T, _ y: T, _ show: (T) -> String = { "\($0)" }) {
            if x != y { lines.append("\(name): \(show(x)) in the result, \(show(y)) in the recount") }
        }
        compare("rule", a.rule, b.rule)
        compare("total_cost", a.total_cost, b.total_cost)
        compare("budget", a.budget, b.budget)
        compare("money_left", a.money_left, b.money_left)
        if a.rounds != b.rounds {
            let k = Self.firstDifference(a.rounds, b.rounds) ?? 0
            func show(_ rounds: [ResultDocument.RoundLine]) -> String {
                k < rounds.count ? Self.describe(rounds[k]) : "(no such round: \(rounds.count) rounds)"
            }
            lines.append("first round that differs: round \(k + 1): \(show(a.rounds)) in the result; \(show(b.rounds)) in the recount")
        }
        if a.ties != b.ties {
            let k = Self.firstDifference(a.ties, b.ties) ?? 0
            func show(_ ties: [ResultDocument.TieLine]) -> String {
                guard k < ties.count else { return "(no such tie: \(ties.count) ties)" }
                let t = ties[k]
                return "\(t.context): \(t.projects.joined(separator: ", ")) -> \(t.winner) by \(t.criterion)"
            }
            lines.append("first tie that differs: tie \(k + 1): \(show(a.ties)) in the result; \(show(b.ties)) in the recount")
        }
        // Details that say how much work the engine did (runs, search nodes) are no part of
        // the outcome: another engine version may do less. They are notes, not differences.
        let work = Set(RuleRegistry.rule(named: b.rule)?.workDetails ?? [])
        var workNotes: [String] = []
        for key in Set(a.details.keys).union(b.details.keys).sorted() where a.details[key] != b.details[key] {
            let line = "details.\(key): \(a.details[key]?.text ?? "absent") in the result, \(b.details[key]?.text ?? "absent") in the recount"
            if work.contains(key.hasSuffix("_decimal") ? String(key.dropLast(8)) : key) {
                workNotes.append(line + " (how much work the engine did, not the outcome)")
            } else {
                lines.append(line)
            }
        }
        // Format version 1 recorded every option of every rule; only the rule's own count.
        let optionKeys = a.format_version == 1 ? Set(b.options.keys) : Set(a.options.keys).union(b.options.keys)
        for key in optionKeys.sorted() where a.options[key] != b.options[key] {
            lines.append("options.\(key): \(a.options[key] ?? "absent") in the result, \(b.options[key] ?? "absent") applied by the recount")
        }
        if a.projects.map(\.id) != b.projects.map(\.id) {
            lines.append("projects: the result lists \(a.projects.count) projects, the recount \(b.projects.count) (or in another order)")
        } else {
            for (x, y) in zip(a.projects, b.projects) where x != y {
                let fields = Self.projectDifferences(x, y)
                lines.append("projects: \(x.id): \(fields.map { "\($0.name) \($0.recorded) in the result, \($0.recount) in the recount" }.joined(separator: "; "))")
            }
        }
        var inputA = a.input, inputB = b.input
        inputA.file = ""
        inputB.file = ""
        compare("input", inputA, inputB) { "\($0.num_projects) projects, \($0.num_ballots_counted) ballots counted, vote_type \($0.vote_type)" }
        compare("invalid_ballots", a.invalid_ballots, b.invalid_ballots) { "\($0.count) (\($0.policy))" }
        if let recorded = a.warnings { compare("warnings", recorded, b.warnings ?? []) { "\($0.count) warnings" } }
        // A decimal twin is worth a line only when its exact value agrees.
        if a.total_cost == b.total_cost { compare("total_cost_decimal", a.total_cost_decimal, b.total_cost_decimal) }
        if a.money_left == b.money_left { compare("money_left_decimal", a.money_left_decimal, b.money_left_decimal) }
        if a.budget == b.budget { compare("budget_decimal", a.budget_decimal, b.budget_decimal) }
        differences = lines
        var notes: [String] = workNotes
        if a.engine_version != b.engine_version {
            notes.append("the result was written by pbcount \(a.engine_version); this is \(b.engine_version)")
        }
        if a.format_version != b.format_version {
            notes.append("the result has format_version \(a.format_version); the recount is written in version \(b.format_version) (Guides/ResultFormat.md says what changed)")
        }
        self.notes = notes
    }

    /// The first index at which two lists differ (the shorter one's length when one is a
    /// prefix of the other), or `nil` when they are equal.
    static func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
        for k in 0..<min(a.count, b.count) where a[k] != b[k] { return k }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    /// The fields in which two entries of the same project differ.
    static func projectDifferences(_ a: ResultDocument.ProjectLine, _ b: ResultDocument.ProjectLine) -> [(name: String, recorded: String, recount: String)] {
        let fields: [(String, (ResultDocument.ProjectLine) -> String)] = [
            ("funded", { "\($0.funded)" }), ("funding_position", { $0.funding_position.map(String.init) ?? "none" }),
            ("cost", \.cost), ("cost_decimal", \.cost_decimal), ("votes", { "\($0.votes)" }), ("score", { "\($0.score)" }), ("name", \.name),
        ]
        return fields.compactMap { name, text in text(a) == text(b) ? nil : (name, text(a), text(b)) }
    }

    static func describe(_ round: ResultDocument.RoundLine) -> String {
        "\(round.project) \(round.funded ? "funded" : "not funded")" +
            round.values.keys.sorted().filter { !$0.hasSuffix("_decimal") }.map { " \($0)=\((round.values[$0] ?? .null).text)" }.joined()
    }
}
