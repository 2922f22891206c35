extension MaximinSupportTrace {
    /// The round at which the project was funded and the load it kept; or, in each round
    /// it fitted, its load (or a lower bound the count proved) against the winner's; or
    /// why it never became a candidate.
    ///
    /// - Complexity: O(rounds × candidates).
    public func explain(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        let project = context.project
        var out = [context.supportSentence()]
        if let k = rounds.firstIndex(where: { $0.project == project }) {
            let r = rounds[k]
            out.append("It was funded in round \(k + 1): with it, the largest load any voter must carry (each project's cost split among its supporters as evenly as the ballots allow) was \(Words.ratio(r.load)), the smallest among the projects that fit.")
            return out + context.tieSentences()
        }
        var lines: [String] = []
        for (k, r) in rounds.enumerated() {
            guard let c = r.candidates.first(where: { $0.project == project }) else { continue }
            let winner = context.election.projects[r.project].id
            guard let load = c.load else {
                lines.append("In round \(k + 1) nobody approved it: its load is infinite.")
                continue
            }
            if load == r.load {
                lines.append("In round \(k + 1) its load would have been \(Words.ratio(load)), the same as \(winner)'s; the tie chain put \(winner) first.")
            } else if c.isExact {
                lines.append("In round \(k + 1) its load would have been \(Words.ratio(load)); \(winner) kept it lower, \(Words.ratio(r.load)).")
            } else {
                lines.append("In round \(k + 1) its load would have been at least \(Words.ratio(load)); \(winner) kept it lower, \(Words.ratio(r.load)).")
            }
        }
        if lines.count > 4 {
            lines = Array(lines.prefix(2)) + ["..."] + Array(lines.suffix(2))
        }
        out += lines
        let left = rounds.last?.moneyLeft ?? context.outcome.budget
        switch stop {
        case .nothingFits, .allFunded:
            if context.cost > left {
                out.append("When the count stopped, \(Words.money(left)) was left, less than its cost \(Words.money(context.cost)): it no longer fit.")
            }
        case .onlyUnsupportedFit:
            out.append("The count stopped when only projects nobody approves still fit.")
        }
        return out + context.tieSentences()
    }
}
