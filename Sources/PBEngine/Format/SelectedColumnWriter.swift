/// Writes a count's outcome into the input file: the `.pb` bytes with the PROJECTS
/// `selected` column set (1 funded, 0 not), added as the last column when absent.
///
/// Every other byte stays as it was: META, VOTES, the other cells with their quoting, line
/// endings (LF, CRLF, or mixed) and a byte-order mark. Existing `selected` values
/// (including 2 and 3) are overwritten with the outcome's 0 or 1.
public enum SelectedColumnWriter {
    /// The input bytes with the `selected` column set from `selected` (project ids).
    ///
    /// - Parameters:
    ///   - input: The `.pb` file's bytes, as read (the file must be one ``PabulibReader`` accepts).
    ///   - source: Its name, for messages.
    ///   - selected: The funded project ids.
    /// - Throws: ``PabulibTextError/malformedText(file:line:message:)`` when the PROJECTS
    ///   section cannot be split into cells.
    /// - Complexity: O(bytes).
    public static func write(input: [UInt8], source: String, selected: Set<String>) throws -> [UInt8] {
        let text = try PabulibText(bytes: input, source: source)
        let (header, rows) = text.section(text.projectsTitle)
        let column = try text.cells(header).firstIndex { $0.value == "selected" }
        var edits = PabulibTextEdits()
        if column == nil { edits.append(line: header, cell: Array("selected".utf8)) }
        for k in rows {
            let cells = try text.cells(k)
            guard let id = cells.first?.value else { continue }
            let value: [UInt8] = selected.contains(id) ? [UInt8(ascii: "1")] : [UInt8(ascii: "0")]
            if let column {
                guard column < cells.count else {
                    throw PabulibTextError.malformedText(file: source, line: text.lines[k].number, message: "PROJECTS row has fewer cells than its header")
                }
                edits.replace(line: k, span: cells[column].span, with: value)
            } else {
                edits.append(line: k, cell: value)
            }
        }
        return edits.apply(to: text, lines: 0..<text.lines.count)
    }
}
