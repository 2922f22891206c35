/// A problem in a `.pb` file: where it is, what is wrong, and what to do.
public struct PabulibError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (a path, or `-` for standard input).
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column (in bytes), or 0 when not meaningful.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// The offending text, if any.
    public var text: String?
    /// What the user can do about it.
    public var hint: String?

    public init(file: String, line: Int, column: Int = 0, message: String, text: String? = nil, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.text = text
        self.hint = hint
    }

    /// `FILE:LINE:COLUMN: message (found 'text'); hint`.
    public var description: String {
        var out = "\(Self.place(file: file, line: line, column: column)): \(message)"
        if let text {
            let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
            out += " (found '\(shown)')"
        }
        if let hint { out += "; \(hint)" }
        return out
    }
}

/// The errors of a file that was refused: every problem found, in line order.
public struct PabulibErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PabulibError]

    public init(_ errors: [PabulibError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension PabulibError {
    /// `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`: where an error or a warning is (a line
    /// or column of 0 is left out).
    static func place(file: String, line: Int, column: Int) -> String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if column > 0 { place += ":\(column)" }
        return place
    }
}
