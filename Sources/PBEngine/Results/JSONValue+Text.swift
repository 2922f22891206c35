extension JSONValue {
    /// The value in words for reports: strings as they are, `yes`/`no`, list items joined
    /// by `, `, object entries as `key=value` in key order, `-` for null.
    public var text: String {
        switch self {
        case let .string(s): return s
        case let .integer(i): return String(i)
        case let .bool(b): return b ? "yes" : "no"
        case let .array(a): return a.map(\.text).joined(separator: ", ")
        case let .object(o): return o.keys.sorted().map { "\($0)=\(o[$0]?.text ?? "-")" }.joined(separator: " ")
        case .null: return "-"
        }
    }
}
