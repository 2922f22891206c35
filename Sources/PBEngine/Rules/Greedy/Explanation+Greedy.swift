extension Explanation.Context {
    /// Greedy: the project's rank in the greedy order and the money left when its turn came.
    ///
    /// - Complexity: one greedy count more for `no-skip` (to rank projects past the stop).
    func greedy() throws -> [String] {
        var walk = outcome.rounds
        if options.greedyVariant == .noSkip {
            var full = options
            full.greedyVariant = .skip
            walk = try GreedyRule.count(election, options: full).rounds
        }
        var out = [supportSentence()]
        if options.greedyVariant == .threshold, case let .rational(t)? = outcome.detail("threshold") {
            let score = Rational(Int(election.support().score[project]))
            if score < t {
                return out + ["Its score \(score) is below the threshold \(Self.money(t)): it was not eligible, so greedy never considered it."]
            }
            out.append("Its score \(score) reaches the threshold \(Self.money(t)): it was eligible.")
        }
        return out + greedyWalk(walk: walk, counted: outcome.rounds, start: outcome.budget, what: "Greedy") + tieSentences()
    }

    /// `X costs C, has V votes (score S)`.
    func supportSentence() -> String {
        let support = election.support()
        let score = support.score[project] == Int64(support.votes[project]) ? "" : " (score \(support.score[project]))"
        return "\(id) costs \(Self.money(cost)) and has \(support.votes[project]) votes\(score)."
    }

    /// The rank of the project in `walk` (the complete greedy order) and its turn in
    /// `counted` (the steps the count made: shorter than `walk` when `no-skip` stopped).
    /// `start` is the money at the first step.
    func greedyWalk(walk: [Round], counted: [Round], start: Rational, what: String) -> [String] {
        guard let rank = walk.firstIndex(where: { $0.project == project }) else {
            return ["\(what) did not consider it."]
        }
        let key = options.utility == .cost ? "support (score)" : "support per unit of money (score / cost)"
        var out = ["The budget is \(Self.money(outcome.budget)). \(what) orders the \(walk.count) eligible projects by \(key), ties by the chain: \(id) ranks #\(rank + 1) of \(walk.count)."]
        let before = moneyLeftBefore(counted, start: start)
        if let k = counted.firstIndex(where: { $0.project == project }) {
            let left = before[k]
            let above = counted[..<k].filter(\.funded)
            let aboveCost = above.reduce(Rational.zero) { $0 + election.projects[$1.project].cost }
            out.append("\(k) projects came before it; \(above.count) of them were funded, costing \(Self.money(aboveCost)).")
            if counted[k].funded {
                out.append("When its turn came, \(Self.money(left)) was left; it fit, so it was funded, leaving \(Self.money(left - cost)).")
            } else {
                out.append("When its turn came, \(Self.money(left)) was left, \(Self.money(cost - left)) less than its cost: it did not fit, so it was not funded.")
                if k == counted.count - 1 && options.greedyVariant == .noSkip && options.rule == GreedyRule.name {
                    out.append("The no-skip variant stops the count at the first project that does not fit: this one.")
                }
            }
        } else if let last = counted.last {
            let j = counted.count - 1
            out.append("The no-skip count stopped at \(election.projects[last.project].id) (#\(j + 1)), the first project that did not fit (\(Self.money(before[j])) left, it costs \(Self.money(election.projects[last.project].cost))): \(id)'s turn never came.")
        }
        return out
    }
}
