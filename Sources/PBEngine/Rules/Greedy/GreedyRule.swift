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

    /// - Complexity: O(ballot entries + p log p) for p projects.
    public static func count(_ election: Election, options: CountOptions) throws -> Outcome {
        let support = election.support()
        let ties = TieBreaking(chain: options.tieChain, election: election, support: support)
        let costs = election.projects.map(\.cost)
        // Key per project: total utility / cost.
        let key: [Rational] = election.projects.indices.map { p in
            let score = Rational(Int(support.score[p]))
            return options.utility == .cost ? score : score / costs[p]
        }
        var eligible = Array(election.projects.indices)
        var details: [Detail] = [Detail("variant", .text(options.greedyVariant.rawValue))]
        if options.greedyVariant == .threshold {
            let threshold = try Self.threshold(election, options)
            details.append(Detail("threshold", .rational(threshold)))
            eligible = eligible.filter { Rational(Int(support.score[$0])) >= threshold }
        }
        let (order, tieRecords) = try ties.sort(eligible, context: "greedy order") { a, b in
            -Rational.compare(key[a], key[b])
        }
        var left = election.budget
        var funded: [Int] = []
        var rounds: [Round] = []
        for p in order {
            let fits = costs[p] <= left
            if fits {
                left -= costs[p]
                funded.append(p)
            }
            rounds.append(Round(project: p, funded: fits, values: [
                Detail("votes", .integer(support.votes[p])),
                Detail("score", .integer(Int(support.score[p]))),
                Detail("ratio", .rational(key[p])),
                Detail("money_left", .rational(left)),
            ]))
            if !fits && options.greedyVariant == .noSkip { break }
        }
        return Outcome(rule: name, funded: funded, totalCost: election.budget - left, budget: election.budget,
                       rounds: rounds, ties: tieRecords, details: details)
    }

    /// The threshold from the options, else META `min_project_score_threshold`.
    static func threshold(_ election: Election, _ options: CountOptions) throws -> Rational {
        if let t = options.threshold { return t }
        if let text = election.meta("min_project_score_threshold"), let t = Rational(decimal: text) { return t }
        throw CountError.unsupported("greedy threshold needs --threshold T or META min_project_score_threshold, and \(election.source) has neither")
    }
}
