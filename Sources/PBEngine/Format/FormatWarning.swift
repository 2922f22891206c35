/// Something off in a `.pb` file whose meaning is still unambiguous: the count goes on,
/// and the warning is shown (`validate --strict` refuses the file for it).
///
/// `shared/FORMAT.md` lists what is a warning: quoting that Python's `csv` reader accepts
/// but the format does not intend, columns in an unusual order, and missing descriptive
/// META keys.
public struct FormatWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file (a path, or `-` for standard input).
    public var file: String
    /// 1-based line, or 0 when the warning concerns the whole file.
    public var line: Int
    /// 1-based column (in bytes), or 0 when not meaningful.
    public var column: Int
    /// What is off, and how it was read.
    public var message: String

    public init(file: String, line: Int, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: warning: message`.
    public var description: String {
        "\(PabulibError.place(file: file, line: line, column: column)): warning: \(message)"
    }
}
