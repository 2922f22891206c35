/// The canonical result of a count, as written by `pbcount count --format json`.
///
/// Everything needed to redo the count is in it: the input's SHA-256, the rule and every
/// option (defaults filled in), the engine version. Exact rationals are strings (`"7/3"`)
/// with a rounded decimal beside them (`_decimal` keys) for people. Keys are sorted when
/// encoded, so the same count gives the same bytes.
public struct ResultDocument: Codable, Sendable, Equatable {
    /// The layout version that this engine writes.
    public static let formatVersion = 2
    /// The layout versions that this engine reads (`verify`): version 1 recorded every
    /// option of every rule; version 2 records the shared options and the rule's own.
    public static let readableVersions = [1, 2]

    /// Identifies the document kind.
    public var format = "pbcount-result"
    /// Version of this document's layout; raised when a key changes meaning or goes away
    /// (``formatVersion``). The layout is `Schemas/pbcount-result-v2.schema.json`.
    public var format_version = ResultDocument.formatVersion
    public var engine_version: String
    public var input_sha256: String
    public var input: InputSummary
    public var rule: String
    public var options: [String: String]
    /// Funded project ids, in funding order.
    public var selected: [String]
    public var total_cost: String
    public var total_cost_decimal: String
    public var budget: String
    public var budget_decimal: String
    public var money_left: String
    public var money_left_decimal: String
    public var projects: [ProjectLine]
    public var rounds: [RoundLine]
    public var ties: [TieLine]
    public var details: [String: JSONValue]
    public var invalid_ballots: InvalidBallotSummary
    /// What was off in the input but did not stop the count (FORMAT.md, "Warnings"), in
    /// file order. Absent from version 1 results.
    public var warnings: [WarningLine]?
    /// The research metrics (`Guides/Analysis.md`), only when asked for (`count --metrics`);
    /// absent otherwise, so that a result without them is unchanged.
    public var metrics: MetricsDocument?

    public struct InputSummary: Codable, Sendable, Equatable {
        public var file: String
        public var description: String
        public var country: String
        public var unit: String
        public var instance: String
        public var vote_type: String
        public var num_projects: Int
        public var num_ballots_counted: Int
    }

    public struct ProjectLine: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var cost: String
        public var cost_decimal: String
        public var votes: Int
        public var score: Int
        public var funded: Bool
        /// Position in the funding order (1-based), if funded.
        public var funding_position: Int?
    }

    public struct RoundLine: Codable, Sendable, Equatable {
        public var round: Int
        public var project: String
        public var funded: Bool
        public var values: [String: JSONValue]
    }

    public struct TieLine: Codable, Sendable, Equatable {
        public var context: String
        public var projects: [String]
        public var winner: String
        public var criterion: String
    }

    public struct InvalidBallotSummary: Codable, Sendable, Equatable {
        public var policy: String
        public var count: Int
        public var ballots: [InvalidBallotLine]
    }

    public struct WarningLine: Codable, Sendable, Equatable {
        /// 1-based line, or 0 for the whole file.
        public var line: Int
        /// 1-based column, or 0.
        public var column: Int
        public var message: String
    }

    public struct InvalidBallotLine: Codable, Sendable, Equatable {
        public var voter_id: String
        public var line: Int
        public var reason: String
    }
}
