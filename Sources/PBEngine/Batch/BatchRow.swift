/// One row of `pbcount batch`: one file counted with one spec, or the error that stopped it.
///
/// Every field but ``seconds`` is the same in every run; ``seconds`` comes last in CSV.
public struct BatchRow: Codable, Sendable, Equatable {
    public var file: String
    public var country: String
    public var unit: String
    public var instance: String
    public var vote_type: String
    public var voters: Int
    public var projects: Int
    public var budget: String
    public var spec: String
    public var rule: String
    /// The rule's options as the result records them, `KEY=VALUE` joined by `:`.
    public var options: String
    /// Empty when the count succeeded.
    public var error: String
    public var funded_count: Int
    /// Funded ids in funding order.
    public var funded: [String]
    public var cost: String
    public var cost_decimal: String
    /// ``MetricsDocument/cells`` by name.
    public var metrics: [String: String]
    /// Wall time of the count and its metrics, in seconds (the one field that varies).
    public var seconds: Double

    /// The CSV header.
    public static let csvColumns: [String] = ["file", "country", "unit", "instance", "vote_type", "voters", "projects", "budget",
                                              "spec", "rule", "options", "error", "funded_count", "funded", "cost", "cost_decimal"]
        + MetricsDocument.cellNames + ["seconds"]

    /// The CSV cells, in ``csvColumns`` order.
    public var csvCells: [String] {
        [file, country, unit, instance, vote_type, String(voters), String(projects), budget, spec, rule, options, error,
         String(funded_count), funded.joined(separator: " "), cost, cost_decimal]
            + MetricsDocument.cellNames.map { metrics[$0] ?? "" } + [String(format3(seconds))]
    }

    private func format3(_ x: Double) -> String {
        let ms = Int((x * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
