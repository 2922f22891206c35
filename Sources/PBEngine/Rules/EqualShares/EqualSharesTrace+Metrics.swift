extension EqualSharesTrace: EffectiveSupportReporting {
    /// Effective supports and project losses from the MES rounds of this count (the run at
    /// the share kept), as pabutools 1.2.3 defines them.
    ///
    /// The rounds are replayed from their recorded `rho`: voter `i` pays
    /// `min(b_i, rho * u_i(q))` for the round's project `q`. For an unfunded project `p`
    /// (which MES never chose, so the run without it is this run), with `b_i` the budgets
    /// after a round's payments and `rho` that round's: `cover = sum over p's supporters of
    /// min(b_i, rho * u_i(p))`; after the last round, `cover = sum of b_i`. The effective
    /// support is the largest `floor(100 * cover / c(p))` (pabutools'
    /// `skipped_project_eff_support`). The loss is taken at the first round at whose start
    /// `p`'s supporters held less than `c(p)`: what they held then and what they had paid
    /// for each funded project before.
    ///
    /// `nil` when the comparison step replaced the MES outcome, or for scoring ballots with
    /// a default score (unlisted projects would be supported).
    ///
    /// Voters whose ballots are the same entries in the same order pay the same in every
    /// round, so each such ballot is replayed once and its amounts counted `copies` times.
    ///
    /// - Complexity: O(rounds × entries of the distinct ballots + total ballot entries).
    public func unfundedProjectAnalysis(election: Election, funded: [Int]) -> [UnfundedProjectAnalysis]? {
        if let comparison, comparison.greedyWins { return nil }
        if election.voteType == .scoring, let d = election.limits.defaultScore, d != 0 { return nil }
        let ballots = election.ballots
        let projectCount = election.projects.count
        var isFunded = [Bool](repeating: false, count: projectCount)
        for p in funded { isFunded[p] = true }
        for r in rounds { isFunded[r.project] = true }
        func weight(_ k: Int) -> Int64 { ballots.points?[k] ?? 1 }
        func utility(_ p: Int, _ w: Int64) -> Rational {
            options.utility == .cost ? Rational(Int(w)) * election.projects[p].cost : Rational(Int(w))
        }
        let groups = Self.sameBallots(ballots)
        var budget = [Rational](repeating: share, count: groups.count)
        var held = [Rational](repeating: .zero, count: projectCount)
        var hasSupporters = [Bool](repeating: false, count: projectCount)
        for (b, copies) in groups {
            for k in ballots.range(of: b) where weight(k) > 0 {
                let p = Int(ballots.projects[k])
                held[p] += copies * share
                hasSupporters[p] = true
            }
        }
        var effective = [Int](repeating: 0, count: projectCount)
        var unaffordableFrom = [Int?](repeating: nil, count: projectCount)
        var heldThen = [Rational](repeating: .zero, count: projectCount)
        var lost = [[Rational]](repeating: [], count: projectCount)
        let open = (0..<projectCount).filter { !isFunded[$0] && hasSupporters[$0] }
        for p in open { lost[p] = [Rational](repeating: .zero, count: rounds.count) }
        func markUnaffordable(_ round: Int) {
            for p in open where unaffordableFrom[p] == nil && held[p] < election.projects[p].cost {
                unaffordableFrom[p] = round
                heldThen[p] = held[p]
            }
        }
        for (r, round) in rounds.enumerated() {
            markUnaffordable(r + 1)
            // Payments for this round's project.
            for (g, (b, copies)) in groups.enumerated() {
                let range = ballots.range(of: b)
                guard let k = range.first(where: { Int(ballots.projects[$0]) == round.project }), weight(k) > 0 else { continue }
                let pay = min(budget[g], round.rho * utility(round.project, weight(k)))
                guard !pay.isZero else { continue }
                budget[g] -= pay
                let paid = copies * pay
                for j in range where weight(j) > 0 {
                    let p = Int(ballots.projects[j])
                    held[p] -= paid
                    if !isFunded[p] && unaffordableFrom[p] == nil { lost[p][r] += paid }
                }
            }
            // Cover of every unfunded project at this round's rho, budgets after payment.
            var cover = [Rational](repeating: .zero, count: projectCount)
            for (g, (b, copies)) in groups.enumerated() {
                for k in ballots.range(of: b) where weight(k) > 0 {
                    let p = Int(ballots.projects[k])
                    if !isFunded[p] { cover[p] += copies * min(budget[g], round.rho * utility(p, weight(k))) }
                }
            }
            for p in open { effective[p] = max(effective[p], Self.percent(cover[p], election.projects[p].cost)) }
        }
        markUnaffordable(rounds.count + 1)
        return open.map { p in
            effective[p] = max(effective[p], Self.percent(held[p], election.projects[p].cost))
            let losses = rounds.indices.compactMap { r -> UnfundedProjectAnalysis.Loss? in
                lost[p][r].isZero ? nil : UnfundedProjectAnalysis.Loss(project: rounds[r].project, amount: lost[p][r])
            }
            return UnfundedProjectAnalysis(project: p, effectiveSupport: effective[p],
                                           unaffordableFrom: unaffordableFrom[p] ?? rounds.count + 1,
                                           supportersBudget: heldThen[p], lostTo: losses)
        }
    }

    /// Effective supports of the funded projects, as pabutools 1.2.3's
    /// `calculate_effective_supports` defines them for a project `p` in the allocation: MES
    /// without completion, at this count's share (pabutools' `final_budget` = share × n),
    /// with `p` left out of the candidates (its supporters keep their ballots' other
    /// projects and their whole share); `p`'s effective support is the largest
    /// `floor(100 * cover / c(p))` over that run's rounds and its end, as for an unfunded
    /// project (``unfundedProjectAnalysis(election:funded:)`` on that run), and at least
    /// 100.
    ///
    /// This is a recount per funded project (the counterfactual run is not in this trace),
    /// so `count --metrics` and `compare` pay it and `batch` does not ask for it.
    ///
    /// `nil` when the comparison step replaced the MES outcome, for scoring ballots with a
    /// default score, or when a recount fails (a tie the chain cannot break).
    ///
    /// - Complexity: one MES count and one replay of `p` alone (``effectiveSupport(of:election:)``) per funded project.
    public func fundedEffectiveSupports(election: Election, funded: [Int], tieChain: [TieCriterion]) -> [FundedEffectiveSupport]? {
        if let comparison, comparison.greedyWins { return nil }
        if election.voteType == .scoring, let d = election.limits.defaultScore, d != 0 { return nil }
        var common = CountOptions()
        common.rule = EqualShares.name
        common.tieChain = tieChain
        common.threads = 1
        let plain = EqualShares.Options(utility: options.utility)
        let ballots = election.ballots
        var out: [FundedEffectiveSupport] = []
        for p in Set(funded).sorted() {
            // The same voters, without p on their ballots.
            var without = Ballots(withPoints: ballots.points != nil)
            for b in 0..<ballots.count {
                let kept = ballots.range(of: b).filter { Int(ballots.projects[$0]) != p }
                without.append(kept.map { ballots.projects[$0] }, points: ballots.points.map { points in kept.map { points[$0] } })
            }
            let recount = Election(source: election.source, projects: election.projects, budget: share * Rational(ballots.count),
                                   voteType: election.voteType, limits: election.limits, ballots: without)
            guard let run = try? EqualShares.count(recount, options: plain, common: common) else { return nil }
            guard let support = run.trace.effectiveSupport(of: p, election: election) else { continue }
            out.append(FundedEffectiveSupport(project: p, effectiveSupport: max(100, support)))
        }
        return out
    }

    /// The effective support of one project `p` that this run did not fund, exactly as
    /// ``unfundedProjectAnalysis(election:funded:)`` computes it for `p`, but replaying only
    /// the payments of the rounds' winners' supporters and the cover of `p`'s supporters:
    /// one counterfactual run per funded project made the whole replay (every unfunded
    /// project, every ballot, every round) the cost of `count --metrics` (3 minutes on Lodz).
    /// `nil` when no ballot supports `p` with a positive weight.
    ///
    /// - Complexity: O(entries + sum over rounds of (the winner's supporters + `p`'s
    ///   supporters)) rational operations.
    public func effectiveSupport(of p: Int, election: Election) -> Int? {
        let ballots = election.ballots
        func weight(_ k: Int) -> Int64 { ballots.points?[k] ?? 1 }
        func utility(_ q: Int, _ w: Int64) -> Rational {
            options.utility == .cost ? Rational(Int(w)) * election.projects[q].cost : Rational(Int(w))
        }
        var isWinner = [Bool](repeating: false, count: election.projects.count)
        for r in rounds { isWinner[r.project] = true }
        // Who pays for each winner (the first entry of a ballot naming it, if its weight is
        // positive, as the full replay does) and who covers p (every positive entry).
        var payers = [[(ballot: Int, weight: Int64)]](repeating: [], count: election.projects.count)
        var coverers: [(ballot: Int, weight: Int64)] = []
        var seenOn = [Int](repeating: -1, count: election.projects.count)
        for b in 0..<ballots.count {
            for k in ballots.range(of: b) {
                let q = Int(ballots.projects[k])
                if q == p, weight(k) > 0 { coverers.append((b, weight(k))) }
                guard isWinner[q], seenOn[q] != b else { continue }
                seenOn[q] = b
                if weight(k) > 0 { payers[q].append((b, weight(k))) }
            }
        }
        guard !coverers.isEmpty else { return nil }
        var budget = [Rational](repeating: share, count: ballots.count)
        let cost = election.projects[p].cost
        var effective = 0
        for round in rounds {
            for (b, w) in payers[round.project] {
                let pay = min(budget[b], round.rho * utility(round.project, w))
                budget[b] -= pay
            }
            var cover = Rational.zero
            for (b, w) in coverers { cover += min(budget[b], round.rho * utility(p, w)) }
            effective = max(effective, Self.percent(cover, cost))
        }
        var held = Rational.zero
        for (b, _) in coverers { held += budget[b] }
        return max(effective, Self.percent(held, cost))
    }

    /// One ballot of each group of voters whose ballots list the same projects with the same
    /// points in the same order, with the group's size, in order of first appearance. The
    /// replay needs exactly this (not ``DistinctBallots``, which sorts entries and drops
    /// zero points): it reads the first entry of a project on a ballot.
    private static func sameBallots(_ ballots: Ballots) -> [(ballot: Int, copies: Rational)] {
        var index: [[Int64]: Int] = [:]
        var groups: [(ballot: Int, count: Int)] = []
        for b in 0..<ballots.count {
            let range = ballots.range(of: b)
            var key = range.map { Int64(ballots.projects[$0]) }
            if let points = ballots.points { key += range.map { points[$0] } }
            if let g = index[key] {
                groups[g].count += 1
            } else {
                index[key] = groups.count
                groups.append((b, 1))
            }
        }
        return groups.map { ($0.ballot, Rational($0.count)) }
    }

    /// `floor(100 * cover / cost)`.
    private static func percent(_ cover: Rational, _ cost: Rational) -> Int {
        let value = (Rational(100) * cover / cost).floor
        return Int(value.description) ?? Int.max
    }
}
