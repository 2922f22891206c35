/// How voters fill in a ballot (pabulib META `vote_type`).
public enum VoteType: String, Sendable, CaseIterable {
    /// A set of approved projects.
    case approval
    /// Approval of exactly one project.
    case chooseOne = "choose-1"
    /// Points per listed project, unlisted projects get 0.
    case cumulative
    /// Points per listed project, unlisted projects get META `default_score`.
    case scoring
    /// A ranking, most preferred first; turned into points by a ``ScoringFunction``.
    case ordinal

    /// Whether ballots carry a `points` column.
    var hasPoints: Bool { self == .cumulative || self == .scoring }
}
