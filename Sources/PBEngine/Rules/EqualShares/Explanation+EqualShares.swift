extension Explanation.Context {
    /// MES: the round and `rho` at which the project was funded; or the last round in which
    /// it was affordable, what its supporters held then and after, and what it lacked.
    ///
    /// Unfunded projects are explained by replaying the recorded MES rounds over the
    /// project's supporters only: each starts with the recorded share and pays
    /// `min(b_i, rho * u_i(q))` for every funded project `q` they support.
    /// - Complexity: O(S × R) for S supporters and R MES rounds.
    func equalShares() throws -> [String] {
        var out = [supportSentence()]
        var comparisonNote: String?
        if case let .integer(preferGreedy)? = outcome.detail("comparison_prefer_greedy"),
           case let .integer(preferMES)? = outcome.detail("comparison_prefer_mes") {
            comparisonNote = "The comparison step (\(options.comparison.rawValue)) found \(preferGreedy) voters preferring greedy's outcome and \(preferMES) preferring MES's"
        }
        if case .text("greedy")? = outcome.detail("comparison_result") {
            out.append((comparisonNote ?? "The comparison step") + ": greedy's outcome (by votes, skip) is the result.")
            return out + greedyWalk(walk: outcome.rounds, counted: outcome.rounds, start: outcome.budget, what: "Greedy") + tieSentences()
        }
        let mesRounds = outcome.rounds.filter { $0.value("phase") == .text("mes") }
        guard case let .rational(share)? = outcome.detail("budget_share") else { return fromRounds() }
        let voters = election.ballots.count
        var shareSentence = "MES gave each of the \(voters) voters a share of \(Self.money(share))"
        if options.completion == .add1 || options.completion == .add1u {
            shareSentence += " (raised by the add1 completion from \(Self.money(outcome.budget / Rational(voters))))"
        }
        out.append(shareSentence + "; MES funded \(mesRounds.count) projects, one per round.")
        if let r = mesRounds.firstIndex(where: { $0.project == project }) {
            let round = mesRounds[r]
            var sentence = "It was funded in MES round \(r + 1) at rho \(Self.ratio(value(round, "rho")))"
            if case let .rational(e)? = round.value("effective_votes") { sentence += " (effective votes \(e.decimalString(places: 2)))" }
            sentence += ": the lowest rho of that round, so its supporters paid the least per unit of utility."
            out.append(sentence)
            if case let .integer(paidAll)? = round.value("paid_all"), case let .integer(n)? = round.value("supporters") {
                out.append("Its \(n) supporters paid \(Self.money(value(round, "paid"))) in all; \(paidAll) of them paid everything they had left, the others rho times their utility.")
            }
        } else {
            out += unfundedByMES(share: share, mesRounds: mesRounds)
        }
        let completion = outcome.rounds.filter { $0.value("phase") == .text("greedy completion") }
        if completion.contains(where: { $0.project == project }) {
            let mesCost = mesRounds.reduce(Rational.zero) { $0 + election.projects[$1.project].cost }
            out += greedyWalk(walk: completion, counted: completion, start: outcome.budget - mesCost, what: "After MES, the greedy completion")
        }
        if let comparisonNote { out.append(comparisonNote + ": MES's outcome stands.") }
        return out + tieSentences()
    }

    private func value(_ round: Round, _ name: String) -> Rational {
        if case let .rational(r)? = round.value(name) { return r }
        return .zero
    }

    /// The sentences for a project that MES did not fund.
    private func unfundedByMES(share: Rational, mesRounds: [Round]) -> [String] {
        let supporters = supporterUtilities()
        guard !supporters.isEmpty else { return ["Nobody supports it, so MES cannot fund it."] }
        // Supporters' total money before round 1, after round 1, ..., after the last round.
        var budgets = [Rational](repeating: share, count: supporters.count)
        var totals = [Rational(supporters.count) * share]
        for k in mesRounds.indices {
            pay(round: mesRounds[k], budgets: &budgets, supporters: supporters)
            totals.append(budgets.reduce(Rational.zero, +))
        }
        let n = supporters.count
        guard totals[0] >= cost else {
            return ["Its \(n) supporters held \(Self.money(totals[0])) at the start, \(Self.money(cost - totals[0])) less than its cost: it was never affordable, so MES could not fund it."]
        }
        // The last round at whose start it was affordable (1-based).
        let last = (1...totals.count).last { totals[$0 - 1] >= cost } ?? 1
        guard last <= mesRounds.count else {
            return ["Its \(n) supporters still held \(Self.money(totals[last - 1])) when MES ended, enough for its cost; MES stops only when nothing is affordable, so the count did not end in MES's own terms (see the completion)."]
        }
        var before = [Rational](repeating: share, count: supporters.count)
        for k in 0..<(last - 1) { pay(round: mesRounds[k], budgets: &before, supporters: supporters) }
        let own = Self.rho(cost: cost, budgets: before, utilities: supporters.map(\.utility))
        let winner = mesRounds[last - 1]
        let winnerRho = value(winner, "rho")
        let comparison = own == winnerRho ? "the same rho, and the tie chain put \(election.projects[winner.project].id) first"
            : "\(election.projects[winner.project].id) asked less, rho \(Self.ratio(winnerRho))"
        var out = ["It was affordable until round \(last): at its start its \(n) supporters held \(Self.money(totals[last - 1])), enough for its cost, and it would have needed rho \(Self.ratio(own)); \(comparison), and was funded instead."]
        let paid = totals[last - 1] - totals[last]
        out.append("In that round its supporters paid \(Self.money(paid)) towards \(election.projects[winner.project].id), leaving them \(Self.money(totals[last])): \(Self.money(cost - totals[last])) short of its cost, so it was never affordable again.")
        if last < mesRounds.count {
            let end = totals[totals.count - 1]
            out.append("When MES ended after round \(mesRounds.count), its supporters held \(Self.money(end)), \(Self.money(cost - end)) short.")
        }
        return out
    }

    /// Each supporter of the project (a ballot with `w_i > 0`): its ballot, `u_i(project)`,
    /// and `w_i(q)` of the projects on the ballot.
    private func supporterUtilities() -> [(ballot: Int, utility: Rational, weights: [Int: Int64])] {
        let ballots = election.ballots
        let defaultWeight = election.voteType == .scoring ? (election.limits.defaultScore ?? 0) : 0
        var out: [(ballot: Int, utility: Rational, weights: [Int: Int64])] = []
        for b in 0..<ballots.count {
            var weights: [Int: Int64] = [:]
            for k in ballots.range(of: b) { weights[Int(ballots.projects[k])] = ballots.points?[k] ?? 1 }
            let w = weights[project] ?? defaultWeight
            guard w > 0 else { continue }
            out.append((b, utility(w, project), weights))
        }
        return out
    }

    /// `u_i(q)` for weight `w`.
    private func utility(_ w: Int64, _ q: Int) -> Rational {
        options.utility == .cost ? Rational(Int(w)) * election.projects[q].cost : Rational(Int(w))
    }

    /// Each supporter pays `min(b_i, rho * u_i(q))` for the round's project `q`.
    private func pay(round: Round, budgets: inout [Rational], supporters: [(ballot: Int, utility: Rational, weights: [Int: Int64])]) {
        let q = round.project
        let rho = value(round, "rho")
        let defaultWeight = election.voteType == .scoring ? (election.limits.defaultScore ?? 0) : 0
        for (i, s) in supporters.enumerated() {
            let w = s.weights[q] ?? defaultWeight
            guard w > 0 else { continue }
            budgets[i] -= min(budgets[i], rho * utility(w, q))
        }
    }

    /// The smallest `rho` with `sum_i min(b_i, rho * u_i) = cost` (RULES.md, MES step 2),
    /// found by peeling off the supporters who cannot pay `rho * u_i`.
    ///
    /// - Precondition: `sum_i b_i >= cost`.
    /// - Complexity: O(S log S).
    static func rho(cost: Rational, budgets: [Rational], utilities: [Rational]) -> Rational {
        let order = budgets.indices.sorted { budgets[$0] / utilities[$0] < budgets[$1] / utilities[$1] }
        var remaining = cost
        var utility = utilities.reduce(Rational.zero, +)
        for i in order {
            guard budgets[i] / utilities[i] < remaining / utility else { break }
            remaining -= budgets[i]
            utility -= utilities[i]
        }
        return remaining / utility
    }
}
