/// Why the text of `.pb` files could not be rewritten or merged: where and why.
public enum PabulibTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Files that cannot be merged.
    case mergeConflict(file: String, line: Int, message: String)
    /// The text of a `.pb` file could not be rewritten.
    case malformedText(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .mergeConflict(file, line, message), let .malformedText(file, line, message):
            return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        }
    }
}
