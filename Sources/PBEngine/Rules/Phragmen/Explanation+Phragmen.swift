extension Explanation.Context {
    /// Sequential Phragmén: the round and max load at which the project was funded; or the
    /// max load it would have needed against each round's winner, from a replay of the
    /// recorded rounds over its supporters' loads.
    ///
    /// - Complexity: O(S × R) for S supporters and R rounds.
    func phragmen() -> [String] {
        var out = [supportSentence()]
        let ballots = election.ballots
        // Each supporter's set of approved projects, and its load (0 at first).
        var supporters: [Set<Int>] = []
        for b in 0..<ballots.count {
            let approved = Set(ballots.range(of: b).map { Int(ballots.projects[$0]) })
            if approved.contains(project) { supporters.append(approved) }
        }
        guard !supporters.isEmpty else { return out + ["Nobody approves it, so Phragmén never considers it."] }
        var loads = [Rational](repeating: .zero, count: supporters.count)
        let n = Rational(supporters.count)
        for (k, round) in outcome.rounds.enumerated() {
            guard case let .rational(maxLoad)? = round.value("max_load") else { return fromRounds() }
            let own = (cost + loads.reduce(Rational.zero, +)) / n
            let winner = election.projects[round.project].id
            if round.project == project {
                let left = outcome.budget - outcome.rounds[..<k].filter(\.funded).reduce(Rational.zero) { $0 + election.projects[$1.project].cost }
                if round.funded {
                    out.append("It was funded in round \(k + 1) with the smallest max load, \(Self.ratio(maxLoad)): the load of each of its \(supporters.count) supporters rose to that value.")
                } else {
                    out.append("In round \(k + 1) it had the smallest max load, \(Self.ratio(maxLoad)), but it costs \(Self.money(cost)) and only \(Self.money(left)) was left: it did not fit, and the count stops there.")
                }
                return out + tieSentences()
            }
            let lead = own == maxLoad ? "the same, and the tie chain put \(winner) first" : "\(winner) needed less, \(Self.ratio(maxLoad))"
            if round.funded {
                if k == 0 || k == outcome.rounds.count - 1 || outcome.rounds[k + 1].funded == false {
                    out.append("In round \(k + 1) its max load would have been \(Self.ratio(own)); \(lead).")
                }
            } else {
                out.append("In round \(k + 1) its max load would have been \(Self.ratio(own)); \(lead), but \(winner) did not fit in the money left, and the count stopped.")
            }
            guard round.funded else { break }
            for (i, approved) in supporters.enumerated() where approved.contains(round.project) { loads[i] = maxLoad }
        }
        if outcome.rounds.last?.funded ?? true {
            out.append("The count ended with every approved project funded or passed over; it was not reached.")
        }
        return out + tieSentences()
    }
}
