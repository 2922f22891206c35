extension ExactEqualSharesTrace {
    /// The round in which the project was funded, its payers and their equal payment; or
    /// that no round chose it.
    ///
    /// - Complexity: O(rounds).
    public func explain(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        var out = [context.supportSentence()]
        if let summary {
            out.append("EES gave each voter a share of \(Words.money(summary.share)) (completion \(options.completion.rawValue), \(summary.runs) runs); it funded \(steps.count) projects, one per round.")
        }
        if let k = steps.firstIndex(where: { $0.project == context.project }) {
            let s = steps[k]
            out.append("It was funded in round \(k + 1) with the greatest rank, \(Words.ratio(s.rank)): its cost was split equally among \(s.payers) payers, \(Words.money(s.payment)) each.")
        } else {
            out.append("No round chose it: in each of the \(steps.count) rounds another project ranked higher, or its supporters could not pay an equal part of its cost.")
        }
        return out + context.tieSentences()
    }
}
