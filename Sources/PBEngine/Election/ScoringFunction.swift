/// How ordinal ballots (rankings) become points.
public enum ScoringFunction: Sendable, Hashable, CustomStringConvertible {
    /// `len(ballot) - 1 - position`.
    case borda
    /// `max_length - position` (Krakow's published 3-2-1 scores).
    case positional
    /// Explicit points by position; positions past the list get 0.
    case list([Int64])

    /// Parses `borda`, `positional` or a comma-separated list of points (`3,2,1`).
    public init?(argument: String) {
        switch argument {
        case "borda": self = .borda
        case "positional": self = .positional
        default:
            let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            let values = parts.compactMap { Int64($0) }
            guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ $0 >= 0 }) else { return nil }
            self = .list(values)
        }
    }

    public var description: String {
        switch self {
        case .borda: return "borda"
        case .positional: return "positional"
        case let .list(values): return values.map(String.init).joined(separator: ",")
        }
    }

    /// Points for the entry at `position` (from 0) of a ballot of `length` entries.
    public func points(position: Int, length: Int, maxLength: Int) -> Int64 {
        switch self {
        case .borda: return Int64(length - 1 - position)
        case .positional: return Int64(max(0, maxLength - position))
        case let .list(values): return position < values.count ? values[position] : 0
        }
    }
}
