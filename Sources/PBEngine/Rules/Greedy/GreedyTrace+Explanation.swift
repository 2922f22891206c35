extension GreedyTrace {
    /// The project's rank in the greedy order and the money left when its turn came;
    /// below the threshold, that it was not eligible.
    ///
    /// - Complexity: O(steps + ballot entries).
    public func explain(_ context: ExplanationContext) -> [String] {
        var out = [context.supportSentence()]
        if let threshold {
            let score = Rational(Int(context.election.support().score[context.project]))
            if score < threshold {
                return out + ["Its score \(score) is below the threshold \(ExplanationContext.money(threshold)): it was not eligible, so greedy never considered it."]
            }
            out.append("Its score \(score) reaches the threshold \(ExplanationContext.money(threshold)): it was eligible.")
        }
        let key = options.utility == .cost ? "support (score)" : "support per unit of money (score / cost)"
        return out + context.greedyWalk(order: order, steps: steps.map { ($0.project, $0.funded) }, start: budget, what: "Greedy",
                                        key: key, stopsAtFirstMiss: options.variant == .noSkip) + context.tieSentences()
    }
}
