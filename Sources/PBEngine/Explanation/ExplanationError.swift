/// Why a project cannot be explained.
public enum ExplanationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The project id is not in the election.
    case unknownProject(file: String, id: String)

    public var description: String {
        switch self {
        case let .unknownProject(file, id):
            return "\(file): no project with id '\(id)'"
        }
    }
}
