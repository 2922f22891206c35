extension ResultDocument {
    /// The column names of ``csv()``.
    static let csvColumns = ["project_id", "name", "cost", "cost_decimal", "votes", "score", "selected", "funding_position"]

    /// The result as CSV (RFC 4180: comma-separated, cells with a comma, quote or line
    /// break quoted, LF line ends): a header, then one row per project in file order;
    /// `selected` is 1 or 0 and `funding_position` the 1-based place in the funding order
    /// (empty when not funded).
    ///
    /// - Complexity: O(projects).
    public func csv() -> String {
        var out = Self.csvColumns.joined(separator: ",") + "\n"
        for p in projects {
            let cells = [p.id, p.name, p.cost, p.cost_decimal, String(p.votes), String(p.score),
                         p.funded ? "1" : "0", p.funding_position.map(String.init) ?? ""]
            out += cells.map(Self.csvCell).joined(separator: ",") + "\n"
        }
        return out
    }

    private static func csvCell(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
