import Foundation

extension ResultDocument {
    /// The `id` of the `<script type="application/json">` element in which a report page
    /// embeds its result.
    public static let pageScriptID = "pbcount-result"

    /// The canonical JSON (``encoded()``) as a report page embeds it: every `<` written
    /// `\u003c`, so that no `</script>` or `<!--` inside a name can end the element
    /// early. `<` occurs only inside JSON strings, where the escape means the same
    /// character: the JSON decodes to the same document.
    ///
    /// - Throws: when the document cannot be encoded.
    public func embeddedJSON() throws -> String {
        String(decoding: try encoded(), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The JSON embedded in a report page, or `nil` when `data` is not an HTML page (it
    /// does not start with `<`, after white space and a byte-order mark).
    ///
    /// - Throws: ``ResultError/unreadableResult(path:reason:)`` for a page without
    ///   exactly one complete `<script id="pbcount-result">` element.
    /// - Complexity: O(size of the page).
    static func embeddedJSON(inPage data: Data, source: String) throws -> Data? {
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return nil }
        let marker = Array("id=\"\(pageScriptID)\"".utf8)
        let hits = ranges(of: marker, in: bytes, from: start)
        guard let hit = hits.first else {
            throw ResultError.unreadableResult(path: source, reason: "an HTML page without an embedded result (no <script id=\"\(pageScriptID)\">); was it written by pbcount report?")
        }
        guard hits.count == 1 else {
            throw ResultError.unreadableResult(path: source, reason: "the page embeds \(hits.count) elements with id \"\(pageScriptID)\"; a pbcount page has one")
        }
        guard let open = bytes[hit.upperBound...].firstIndex(of: UInt8(ascii: ">")) else {
            throw ResultError.unreadableResult(path: source, reason: "the <script id=\"\(pageScriptID)\"> tag is not closed")
        }
        let body = open + 1
        guard let end = ranges(of: Array("</script".utf8), in: bytes, from: body, caseInsensitive: true).first else {
            throw ResultError.unreadableResult(path: source, reason: "the embedded result has no </script> end")
        }
        return Data(bytes[body..<end.lowerBound])
    }

    /// Where `needle` occurs in `bytes` from `start` on (ASCII case folded when asked).
    private static func ranges(of needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> [Range<Int>] {
        func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b }
        let folded = needle.map(fold)
        var out: [Range<Int>] = []
        var i = start
        while i + folded.count <= bytes.count {
            var k = 0
            while k < folded.count && fold(bytes[i + k]) == folded[k] { k += 1 }
            if k == folded.count {
                out.append(i..<(i + k))
                if caseInsensitive { return out }
                i += k
            } else {
                i += 1
            }
        }
        return out
    }
}
