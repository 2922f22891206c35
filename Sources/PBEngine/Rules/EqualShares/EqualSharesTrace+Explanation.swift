extension EqualSharesTrace {
    /// The round and `rho` at which the project was funded; or the last round at whose
    /// start its supporters could pay for it, the `rho` it needed then against the
    /// winner's, and what they paid towards the winner and lacked after; then the
    /// completion and the comparison. Read from the rounds' candidates, which the count
    /// records with ``TraceDetail/explanation``.
    ///
    /// - Complexity: O(rounds × candidates).
    public func explain(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        let project = context.project
        var out = [context.supportSentence()]
        var comparisonNote: String?
        if let comparison {
            comparisonNote = "The comparison step (\(options.comparison.rawValue)) found \(comparison.preferGreedy) voters preferring greedy's outcome and \(comparison.preferMES) preferring MES's"
            if comparison.greedyWins {
                out.append((comparisonNote ?? "") + ": greedy's outcome (by votes, skip) is the result.")
                let steps = comparison.greedy.steps.map { ($0.project, $0.funded) }
                return out + context.greedyWalk(order: comparison.greedy.order, steps: steps, start: budget, what: "Greedy",
                                                key: "support (score)", stopsAtFirstMiss: false) + context.tieSentences()
            }
        }
        var shareSentence = "MES gave each of the \(voters) voters a share of \(Words.money(share))"
        if add1 != nil { shareSentence += " (raised by the add1 completion from \(Words.money(budget / Rational(voters))))" }
        out.append(shareSentence + "; MES funded \(rounds.count) projects, one per round.")
        if let r = rounds.firstIndex(where: { $0.project == project }) {
            let round = rounds[r]
            out.append("It was funded in MES round \(r + 1) at rho \(Words.ratio(round.rho)) (effective votes \(round.effectiveVotes.decimalString(places: 2))): the lowest rho of that round, so its supporters paid the least per unit of utility.")
            out.append("Its \(round.supporters) supporters paid \(Words.money(round.paid)) in all; \(round.paidAll) of them paid everything they had left, the others rho times their utility.")
        } else {
            out += unfundedByMES(context)
        }
        if completion.contains(where: { $0.project == project }) {
            let order = completion.map(\.project)
            out += context.greedyWalk(order: order, steps: completion.map { ($0.project, $0.funded) }, start: budget - mesCost,
                                      what: "After MES, the greedy completion", key: "support (score)", stopsAtFirstMiss: false)
        }
        if let comparisonNote { out.append(comparisonNote + ": MES's outcome stands.") }
        return out + context.tieSentences()
    }

    /// The sentences for a project that MES did not fund.
    private func unfundedByMES(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        let project = context.project
        let cost = context.cost
        let n = supporterCounts[project]
        // The project at the start of each round, then when MES ended.
        let states = (rounds.map(\.candidates) + [finalCandidates]).map { list in list.first { $0.project == project } }
        guard let first = states.first ?? nil else { return ["Nobody supports it, so MES cannot fund it."] }
        guard first.held >= cost else {
            return ["Its \(n) supporters held \(Words.money(first.held)) at the start, \(Words.money(cost - first.held)) less than its cost: it was never affordable, so MES could not fund it."]
        }
        let held = states.map { $0?.held ?? .zero }
        // The last round at whose start it was affordable (1-based; rounds + 1 is the end).
        let last = (1...held.count).last { held[$0 - 1] >= cost } ?? 1
        guard last <= rounds.count else {
            return ["Its \(n) supporters still held \(Words.money(held[last - 1])) when MES ended, enough for its cost; MES stops only when nothing is affordable, so the count did not end in MES's own terms (see the completion)."]
        }
        let winner = rounds[last - 1]
        let winnerID = context.election.projects[winner.project].id
        let own = states[last - 1]?.rho ?? winner.rho
        let comparison = own == winner.rho ? "the same rho, and the tie chain put \(winnerID) first"
            : "\(winnerID) asked less, rho \(Words.ratio(winner.rho))"
        var out = ["It was affordable until round \(last): at its start its \(n) supporters held \(Words.money(held[last - 1])), enough for its cost, and it would have needed rho \(Words.ratio(own)); \(comparison), and was funded instead."]
        let paid = held[last - 1] - held[last]
        out.append("In that round its supporters paid \(Words.money(paid)) towards \(winnerID), leaving them \(Words.money(held[last])): \(Words.money(cost - held[last])) short of its cost, so it was never affordable again.")
        if last < rounds.count {
            let end = held[held.count - 1]
            out.append("When MES ended after round \(rounds.count), its supporters held \(Words.money(end)), \(Words.money(cost - end)) short.")
        }
        return out
    }
}
