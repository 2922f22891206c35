/// The greedy rule (pabulib `greedy`, `greedy-no-skip`, `greedy-threshold`): the standard
/// count of most cities.
///
/// Implements RULES.md, "Greedy": projects are ordered by `sum_i u_i(p) / c(p)` (with
/// `cost` utility the score, with `cardinality` utility score per unit of money), ties by
/// the chain, and funded in that order while money lasts: `skip` passes over a project that
/// does not fit, `no-skip` stops there, `threshold` first drops projects whose score is
/// below the threshold. Matches pabutools' `greedy_utilitarian_welfare`.
public enum GreedyRule: CountingRule {
    public static let name = "greedy"
    public static let summary = "Fund projects in order of support while money lasts (skip, no-skip, threshold)."

    /// The greedy rule's variants.
    public enum Variant: String, Sendable, CaseIterable {
        case skip
        case noSkip = "no-skip"
        case threshold
    }

    /// The rule's options.
    public struct Options: Sendable, Equatable {
        public var utility: Utility = .cost
        public var variant: Variant = .skip
        /// Support threshold for `threshold`; `nil` takes META `min_project_score_threshold`.
        public var threshold: Rational?

        public init(utility: Utility = .cost, variant: Variant = .skip, threshold: Rational? = nil) {
            self.utility = utility
            self.variant = variant
            self.threshold = threshold
        }
    }

    public static let optionSpecs = [
        Utility.spec,
        RuleOptionSpec(key: "greedy", values: Variant.allCases.map(\.rawValue), defaultValue: Variant.skip.rawValue,
                       help: "Greedy variant: skip, no-skip or threshold."),
        RuleOptionSpec(key: "threshold", defaultValue: nil,
                       help: "Support threshold for --greedy threshold (default: META min_project_score_threshold)."),
    ]

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options {
        Options(utility: try settings.choice("utility", default: .cost), variant: try settings.choice("greedy", default: .skip),
                threshold: try settings.rational("threshold"))
    }

    public static func recorded(_ options: Options) -> [RecordedOption] {
        var out = [RecordedOption("utility", options.utility.rawValue), RecordedOption("greedy", options.variant.rawValue)]
        if let t = options.threshold { out.append(RecordedOption("threshold", t.description)) }
        return out
    }

    public static func settings(forMetaRule metaRule: String) -> MetaRuleSettings? {
        switch metaRule {
        case "greedy": return MetaRuleSettings(["greedy": Variant.skip.rawValue])
        case "greedy-no-skip": return MetaRuleSettings(["greedy": Variant.noSkip.rawValue])
        case "greedy-threshold": return MetaRuleSettings(["greedy": Variant.threshold.rawValue])
        default: return nil
        }
    }

    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<GreedyTrace> {
        try count(election, options: options, tieChain: common.tieChain)
    }

    /// Counts `election` with the chain `tieChain`.
    ///
    /// - Complexity: O(ballot entries + p log p) for p projects.
    static func count(_ election: Election, options: Options, tieChain: [TieCriterion]) throws -> RuleCount<GreedyTrace> {
        let support = election.support()
        let ties = TieBreaking(chain: tieChain, election: election, support: support)
        let costs = election.projects.map(\.cost)
        // Key per project: total utility / cost.
        let key: [Rational] = election.projects.indices.map { p in
            let score = Rational(Int(support.score[p]))
            return options.utility == .cost ? score : score / costs[p]
        }
        var eligible = Array(election.projects.indices)
        var threshold: Rational?
        if options.variant == .threshold {
            let t = try Self.threshold(election, options)
            threshold = t
            eligible = eligible.filter { Rational(Int(support.score[$0])) >= t }
        }
        let (order, tieRecords) = try ties.sort(eligible, context: "greedy order") { a, b in
            -Rational.compare(key[a], key[b])
        }
        var left = election.budget
        var funded: [Int] = []
        var steps: [GreedyTrace.Step] = []
        for p in order {
            let fits = costs[p] <= left
            if fits {
                left -= costs[p]
                funded.append(p)
            }
            steps.append(GreedyTrace.Step(project: p, funded: fits, votes: support.votes[p], score: Int(support.score[p]),
                                          ratio: key[p], moneyLeft: left))
            if !fits && options.variant == .noSkip { break }
        }
        let trace = GreedyTrace(options: options, threshold: threshold, order: order, steps: steps, budget: election.budget)
        return RuleCount(funded: funded, totalCost: election.budget - left, ties: tieRecords, trace: trace)
    }

    /// The threshold from the options, else META `min_project_score_threshold`.
    static func threshold(_ election: Election, _ options: Options) throws -> Rational {
        if let t = options.threshold { return t }
        if let text = election.meta("min_project_score_threshold"), let t = Rational(decimal: text) { return t }
        throw CountError.unsupported("greedy threshold needs --threshold T or META min_project_score_threshold, and \(election.source) has neither")
    }
}
