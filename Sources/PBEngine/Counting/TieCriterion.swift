/// One criterion of a tie-breaking chain (RULES.md, "Tie-breaking").
public enum TieCriterion: Sendable, Hashable, CustomStringConvertible {
    /// More supporters first.
    case votes
    /// Higher score first.
    case score
    /// Cheaper first.
    case cost
    /// Dearer first.
    case costDescending
    /// Project id in byte-wise string order (pabutools' default).
    case id
    /// Order of the PROJECTS section.
    case file
    /// An explicit priority list of project ids (from `list:PATH`); earlier wins,
    /// projects not on the list come after all listed ones and stay tied among themselves.
    case list(path: String, ids: [String])
    /// A seeded permutation of the projects (`lot:SEED`); see ``TieBreaking``.
    case lot(seed: UInt64)

    public var description: String {
        switch self {
        case .votes: return "votes"
        case .score: return "score"
        case .cost: return "cost"
        case .costDescending: return "cost-desc"
        case .id: return "id"
        case .file: return "file"
        case let .list(path, _): return "list:\(path)"
        case let .lot(seed): return "lot:\(seed)"
        }
    }
}
