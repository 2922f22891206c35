/// Why a verification, explanation or merge could not be made: each case says where and what.
public enum VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The result file could not be read or is not a pbcount result.
    case unreadableResult(path: String, reason: String)
    /// An option recorded in a result that this engine does not understand.
    case badRecordedOption(key: String, value: String, reason: String)
    /// The result was computed from other input bytes than the file given.
    case inputMismatch(file: String, recorded: String, actual: String)
    /// The file has no PROJECTS `selected` column to check.
    case noSelectedColumn(file: String)
    /// A project `selected` value that is not 0, 1, 2 or 3.
    case badSelectedValue(file: String, line: Int, project: String, value: String)
    /// META `rule` names no rule that RULES.md defines; `--rule` must be given.
    case undefinedMetaRule(file: String, rule: String)
    /// The project id is not in the election.
    case unknownProject(file: String, id: String)
    /// Files that cannot be merged: where and why.
    case mergeConflict(file: String, line: Int, message: String)
    /// The text of a `.pb` file could not be rewritten: where and why.
    case malformedText(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .unreadableResult(path, reason):
            return "\(path): not a pbcount result: \(reason)"
        case let .badRecordedOption(key, value, reason):
            return "the result records option \(key)='\(value)', which this engine cannot redo: \(reason)"
        case let .inputMismatch(file, recorded, actual):
            return "refused: the result was counted from other input bytes than \(file) (result input_sha256 \(recorded), file sha256 \(actual)); the file was changed, or this is not the result of this file"
        case let .noSelectedColumn(file):
            return "\(file): PROJECTS has no 'selected' column to check"
        case let .badSelectedValue(file, line, project, value):
            return "\(file):\(line): project '\(project)' has selected value '\(value)'; expected 0, 1, 2 or 3"
        case let .undefinedMetaRule(file, rule):
            return "\(file): META rule '\(rule)' is not a rule that RULES.md defines; give the rule with --rule and its options"
        case let .unknownProject(file, id):
            return "\(file): no project with id '\(id)'"
        case let .mergeConflict(file, line, message):
            return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case let .malformedText(file, line, message):
            return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        }
    }
}
