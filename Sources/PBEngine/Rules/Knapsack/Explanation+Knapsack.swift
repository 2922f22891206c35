extension Explanation.Context {
    /// Knapsack: the project's welfare and its contribution to the optimum, found by
    /// solving again without it (funded) or with it forced in (not funded).
    ///
    /// - Complexity: one more knapsack solve on the other projects.
    func knapsack() throws -> [String] {
        var out = [supportSentence()]
        guard case let .rational(optimum)? = outcome.detail("welfare"),
              let rule = RuleRegistry.rule(named: options.rule) else { return fromRounds() }
        let support = election.support()
        let score = Rational(Int(support.score[project]))
        let welfare = options.utility == .cost ? score * cost : score
        let unit = options.utility == .cost ? "score × cost" : "score"
        out.append("Its welfare (\(unit)) is \(Self.money(welfare)); the optimal set within the budget \(Self.money(outcome.budget)) has total welfare \(Self.money(optimum)).")
        let rest = election.removing(project: project)
        if funded {
            let without = try rule.count(rest, options: options)
            let w = Self.welfare(without)
            if w == optimum {
                out.append("Without it, another set reaches the same welfare \(Self.money(w)) (\(ids(without.funded.map { $0 < project ? $0 : $0 + 1 }))): the optimum is not unique, and the tie chain kept it in.")
            } else {
                out.append("Its contribution: the best set without it has welfare \(Self.money(w)), \(Self.money(optimum - w)) less than the optimum; so it belongs to the optimum.")
            }
        } else if cost > outcome.budget {
            out.append("It costs more than the budget, so no set within the budget contains it.")
        } else {
            var forced = rest
            forced.budget = outcome.budget - cost
            let with = try rule.count(forced, options: options)
            let w = welfare + Self.welfare(with)
            if w == optimum {
                out.append("A set with it reaches the same welfare \(Self.money(w)): the optimum is not unique, and the tie chain left it out.")
            } else {
                out.append("The best set that contains it has welfare \(Self.money(w)) (it, plus the best use of the \(Self.money(forced.budget)) left), \(Self.money(optimum - w)) less than the optimum; so it is left out.")
            }
        }
        return out + tieSentences()
    }

    private static func welfare(_ outcome: Outcome) -> Rational {
        if case let .rational(w)? = outcome.detail("welfare") { return w }
        return .zero
    }
}

extension Election {
    /// The election without project `p`: its PROJECTS row and every ballot entry naming it
    /// are gone; indices above `p` move down by one. Points stay as they were (score the
    /// election first for ordinal ballots, since positions would otherwise change).
    ///
    /// - Complexity: O(ballot entries).
    func removing(project p: Int) -> Election {
        var ballots = Ballots(withPoints: self.ballots.points != nil)
        for b in 0..<self.ballots.count {
            var list: [UInt16] = []
            var points: [Int64] = []
            for k in self.ballots.range(of: b) where Int(self.ballots.projects[k]) != p {
                let q = self.ballots.projects[k]
                list.append(Int(q) > p ? q - 1 : q)
                if let all = self.ballots.points { points.append(all[k]) }
            }
            ballots.append(list, points: self.ballots.points == nil ? nil : points)
        }
        var copy = self
        copy.projects.remove(at: p)
        copy.ballots = ballots
        return copy
    }
}
