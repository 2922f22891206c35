import Foundation

/// One election counted with several rules, side by side (`pbcount compare`): each
/// spec's funded set, cost and metrics, and the projects on which they differ.
public struct ComparisonDocument: Codable, Sendable {
    /// One spec's count.
    public struct Column: Codable, Sendable {
        public var spec: String
        public var rule: String
        /// The rule's options as the result records them (defaults filled in).
        public var options: [String: String]
        /// Funded ids in funding order.
        public var selected: [String]
        public var total_cost: String
        public var total_cost_decimal: String
        public var metrics: MetricsDocument
    }

    public var format = "pbcount-comparison"
    public var input_sha256: String
    public var input: ResultDocument.InputSummary
    public var budget: String
    public var columns: [Column]
    /// Ids funded by some specs but not all, in file order.
    public var differing: [String]
    /// Ids funded by every spec, in file order.
    public var common: [String]

    /// Counts `election` with every spec over the shared options `base`.
    ///
    /// - Throws: what a count throws.
    /// - Complexity: one count and one measurement per spec.
    public init(election: Election, specs: [RuleSpec], base: CountOptions) throws {
        var columns: [Column] = []
        var fundedBy = [Int](repeating: 0, count: election.projects.count)
        let scored = election.scored(by: base.effectiveScoring)
        for spec in specs {
            let options = spec.options(base: base)
            let outcome = try RuleRegistry.count(election, options: options)
            for p in outcome.funded { fundedBy[p] += 1 }
            let metrics = MetricsDocument(OutcomeMetrics(election: scored, outcome: outcome, tieChain: options.tieChain), election: election)
            columns.append(Column(spec: spec.text, rule: outcome.rule,
                                  options: Dictionary(uniqueKeysWithValues: outcome.ruleOptions.map { ($0.key, $0.value) }),
                                  selected: outcome.funded.map { election.projects[$0].id },
                                  total_cost: outcome.totalCost.description, total_cost_decimal: outcome.totalCost.decimalString(places: 2),
                                  metrics: metrics))
        }
        input_sha256 = election.sha256
        input = ResultDocument.InputSummary(election: election)
        budget = election.budget.description
        self.columns = columns
        differing = election.projects.indices.filter { fundedBy[$0] > 0 && fundedBy[$0] < specs.count }.map { election.projects[$0].id }
        common = election.projects.indices.filter { fundedBy[$0] == specs.count && !specs.isEmpty }.map { election.projects[$0].id }
    }

    /// Canonical JSON (sorted keys, two-space indent, final newline).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(10)
        return data
    }
}
