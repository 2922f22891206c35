/// Text made safe for an HTML page: what the report writes around the election's own
/// words (project names, descriptions, ids), which may hold any character.
enum HTMLText {
    /// `text` escaped for an element's content or a quoted attribute value.
    ///
    /// - Complexity: O(length of `text`).
    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A BCP 47 language tag as META `language` gives it (`pl`, `pt-BR`), or `nil` when
    /// the value is not one (it then stays off the page).
    static func languageTag(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.count <= 35,
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
              value.first?.isLetter == true else { return nil }
        return value
    }

    /// `text` quoted for a POSIX shell when it needs it (`'it'\''s'`), else as it is.
    static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=,+@%".contains($0)) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
