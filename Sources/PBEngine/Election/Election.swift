/// A participatory-budgeting election as read from a `.pb` file: the projects with their
/// exact costs, the budget, the ballots, and everything else the file said.
public struct Election: Sendable {
    /// Where the election came from (a path, or `-` for standard input).
    public var source: String
    /// SHA-256 of the input bytes, in lowercase hex.
    public var sha256: String
    /// Every META row, in file order.
    public var meta: [MetadataField]
    /// Projects in the order of the PROJECTS section; a project's index is its position here.
    public var projects: [Project]
    /// The budget `B`.
    public var budget: Rational
    /// The ballot kind.
    public var voteType: VoteType
    /// The ballot limits that META sets.
    public var limits: BallotLimits
    /// The ballots that are counted (invalid ones are left out under `--invalid-ballots skip`).
    public var ballots: Ballots
    /// Ballots that break META's limits, with where and why.
    public var invalidBallots: [InvalidBallot]
    /// How invalid ballots were handled.
    public var invalidBallotPolicy: InvalidBallotPolicy
    /// What was off in the file but read all the same, in line order.
    public var warnings: [FormatWarning]

    public init(
        source: String = "",
        sha256: String = "",
        meta: [MetadataField] = [],
        projects: [Project],
        budget: Rational,
        voteType: VoteType = .approval,
        limits: BallotLimits = BallotLimits(),
        ballots: Ballots,
        invalidBallots: [InvalidBallot] = [],
        invalidBallotPolicy: InvalidBallotPolicy = .keep,
        warnings: [FormatWarning] = []
    ) {
        self.source = source
        self.sha256 = sha256
        self.meta = meta
        self.projects = projects
        self.budget = budget
        self.voteType = voteType
        self.limits = limits
        self.ballots = ballots
        self.invalidBallots = invalidBallots
        self.invalidBallotPolicy = invalidBallotPolicy
        self.warnings = warnings
    }

    /// The value of a META key, if present.
    public func meta(_ key: String) -> String? {
        meta.first { $0.key == key }?.value
    }

    /// The index of the project with this id.
    /// - Complexity: O(number of projects).
    public func projectIndex(id: String) -> Int? {
        projects.firstIndex { $0.id == id }
    }

    /// The number of ballots counted.
    public var voterCount: Int { ballots.count }
}

/// Limits on a ballot that META sets (and their defaults).
public struct BallotLimits: Sendable, Hashable {
    public var minLength: Int?
    public var maxLength: Int?
    public var minSumCost: Rational?
    public var maxSumCost: Rational?
    public var minPoints: Int64?
    public var maxPoints: Int64?
    public var minSumPoints: Int64?
    public var maxSumPoints: Int64?
    /// Points of unlisted projects on scoring ballots.
    public var defaultScore: Int64?

    public init() {}
}

/// What to do with ballots that break META's limits.
public enum InvalidBallotPolicy: String, Sendable, CaseIterable {
    /// Refuse the file, listing every invalid ballot.
    case fail
    /// Leave invalid ballots out of the count and report them.
    case skip
    /// Count invalid ballots as they are and report them.
    case keep
}

/// A ballot that breaks a META limit.
public struct InvalidBallot: Sendable, Hashable {
    /// The voter id as written.
    public var voterID: String
    /// The line of the file (1-based).
    public var line: Int
    /// What is wrong, in words.
    public var reason: String

    public init(voterID: String, line: Int, reason: String) {
        self.voterID = voterID
        self.line = line
        self.reason = reason
    }
}
