extension KnapsackTrace {
    /// The project's welfare and its contribution to the optimum: the best set without it
    /// (funded) or with it forced in (not funded), as the count recorded them.
    ///
    /// - Complexity: O(projects).
    public func explain(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        var out = [context.supportSentence()]
        let own = projectWelfare[context.project]
        let unit = utility == .cost ? "score × cost" : "score"
        out.append("Its welfare (\(unit)) is \(Words.money(own)); the optimal set within the budget \(Words.money(budget)) has total welfare \(Words.money(welfare)).")
        if context.cost > budget {
            out.append("It costs more than the budget, so no set within the budget contains it.")
        } else if let alternative = alternatives.first(where: { $0.project == context.project }) {
            let w = alternative.welfare
            if !alternative.forcedIn {
                if w == welfare {
                    let others = context.ids(alternative.funded)
                    out.append("Without it, another set reaches the same welfare \(Words.money(w)) (\(others)): the optimum is not unique, and the tie chain kept it in.")
                } else {
                    out.append("Its contribution: the best set without it has welfare \(Words.money(w)), \(Words.money(welfare - w)) less than the optimum; so it belongs to the optimum.")
                }
            } else if w == welfare {
                out.append("A set with it reaches the same welfare \(Words.money(w)): the optimum is not unique, and the tie chain left it out.")
            } else {
                out.append("The best set that contains it has welfare \(Words.money(w)) (it, plus the best use of the \(Words.money(budget - context.cost)) left), \(Words.money(welfare - w)) less than the optimum; so it is left out.")
            }
        }
        return out + context.tieSentences()
    }
}
