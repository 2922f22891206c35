/// Why a result file cannot be checked: each case says where and what.
public enum ResultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The result file could not be read or is not a pbcount result.
    case unreadableResult(path: String, reason: String)
    /// An option recorded in a result that this engine does not understand.
    case badRecordedOption(key: String, value: String, reason: String)
    /// The result was computed from other input bytes than the file given.
    case inputMismatch(file: String, recorded: String, actual: String)

    public var description: String {
        switch self {
        case let .unreadableResult(path, reason):
            return "\(path): not a pbcount result: \(reason)"
        case let .badRecordedOption(key, value, reason):
            return "the result records option \(key)='\(value)', which this engine cannot redo: \(reason)"
        case let .inputMismatch(file, recorded, actual):
            return "refused: the result was counted from other input bytes than \(file) (result input_sha256 \(recorded), file sha256 \(actual)); the file was changed, or this is not the result of this file"
        }
    }
}
