/// Why a file's own `selected` column cannot be checked: where and what.
public enum SelectedColumnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no PROJECTS `selected` column to check.
    case noSelectedColumn(file: String)
    /// A project `selected` value that is not 0, 1, 2 or 3.
    case badSelectedValue(file: String, line: Int, project: String, value: String)
    /// META `rule` names no rule that a registered rule reproduces; `--rule` must be given.
    case undefinedMetaRule(file: String, rule: String)

    public var description: String {
        switch self {
        case let .noSelectedColumn(file):
            return "\(file): PROJECTS has no 'selected' column to check"
        case let .badSelectedValue(file, line, project, value):
            return "\(file):\(line): project '\(project)' has selected value '\(value)'; expected 0, 1, 2 or 3"
        case let .undefinedMetaRule(file, rule):
            return "\(file): META rule '\(rule)' is not a rule that RULES.md defines; give the rule with --rule and its options"
        }
    }
}
