extension PhragmenTrace {
    /// The round and max load at which the project was funded; or the max load it would
    /// have needed in each round against that round's winner, as the count recorded it.
    ///
    /// - Complexity: O(rounds × candidates).
    public func explain(_ context: ExplanationContext) -> [String] {
        typealias Words = ExplanationContext
        let project = context.project
        var out = [context.supportSentence()]
        guard supporters[project] > 0 else { return out + ["Nobody approves it, so Phragmén never considers it."] }
        var moneyBefore = budget
        for (k, round) in steps.enumerated() {
            let winner = context.election.projects[round.project].id
            if round.project == project {
                if round.funded {
                    out.append("It was funded in round \(k + 1) with the smallest max load, \(Words.ratio(round.maxLoad)): the load of each of its \(supporters[project]) supporters rose to that value.")
                } else {
                    out.append("In round \(k + 1) it had the smallest max load, \(Words.ratio(round.maxLoad)), but it costs \(Words.money(context.cost)) and only \(Words.money(moneyBefore)) was left: it did not fit, and the count stops there.")
                }
                return out + context.tieSentences()
            }
            if let own = round.candidates.first(where: { $0.project == project })?.maxLoad {
                let lead = own == round.maxLoad ? "the same, and the tie chain put \(winner) first" : "\(winner) needed less, \(Words.ratio(round.maxLoad))"
                if !round.funded {
                    out.append("In round \(k + 1) its max load would have been \(Words.ratio(own)); \(lead), but \(winner) did not fit in the money left, and the count stopped.")
                } else if k == 0 || k == steps.count - 1 || !steps[k + 1].funded {
                    out.append("In round \(k + 1) its max load would have been \(Words.ratio(own)); \(lead).")
                }
            }
            guard round.funded else { break }
            moneyBefore = round.moneyLeft
        }
        if steps.last?.funded ?? true {
            out.append("The count ended with every approved project funded or passed over; it was not reached.")
        }
        return out + context.tieSentences()
    }
}
