/// EJR+ up to one for approval ballots in participatory budgeting (Brill and Peters
/// 2023), checked in polynomial time; see `Guides/Analysis.md` for the exact definition.
///
/// With satisfaction `u_i(W) = sum_{p in A_i ∩ W} u(p)`, where `u(p) = c(p)` (cost) or
/// `u(p) = 1` (cardinality), an outcome `W` fails when some project `p` outside `W` and
/// some non-empty group `N'` of voters who all approve `p` have, for every `i` in `N'`,
/// `u_i(W) + u(p) <= |N'| * b * u(p) / (n * c(p))`: the group's share of the budget would
/// buy it more satisfaction at `p`'s rate than any of its members has, even with `p`
/// added. For unit costs and cardinality this is Brill and Peters' committee EJR+.
public enum EJRPlusCheck {
    /// The first violation, or `nil` when `funded` satisfies EJR+ up to one.
    ///
    /// - Parameters:
    ///   - election: Approval ballots (points, if any, are ignored: a listed project is approved).
    ///   - funded: The outcome.
    ///   - measure: Cost or cardinality satisfaction.
    ///   - satisfaction: Every voter's satisfaction with `funded` (computed when `nil`).
    /// - Complexity: as ``violations(election:funded:measure:satisfaction:limit:)``.
    public static func firstViolation(election: Election, funded: [Int], measure: SatisfactionMeasure,
                                      satisfaction: VoterSatisfaction? = nil) -> EJRPlusViolation? {
        violations(election: election, funded: funded, measure: measure, satisfaction: satisfaction, limit: 1).first
    }

    /// One witness per unfunded project that has a violating group, in file order, at
    /// most `limit` of them.
    ///
    /// For each unfunded project, its supporters sorted by satisfaction are tried as groups
    /// of the `k` least satisfied, for every `k`: a violating group exists exactly when one
    /// of these does (the condition depends only on the group's size and its most satisfied
    /// member). The witness is the largest violating group: every supporter whose
    /// satisfaction is at most a threshold.
    ///
    /// - Complexity: O(total ballot entries + sum over unfunded `p` of `|N_p| log |N_p|`).
    public static func violations(election: Election, funded: [Int], measure: SatisfactionMeasure,
                                  satisfaction: VoterSatisfaction? = nil, limit: Int = .max) -> [EJRPlusViolation] {
        guard election.ballots.count > 0, limit > 0 else { return [] }
        let sat = satisfaction ?? VoterSatisfaction(election: election, funded: funded)
        let levels = SatisfactionLevels(election: election, funded: funded, measure: measure, satisfaction: sat)
        return violations(election: election, funded: funded, measure: measure, levels: levels, limit: limit)
    }

    /// ``violations(election:funded:measure:satisfaction:limit:)`` from grouped
    /// satisfactions: for each unfunded project, its supporters are counted per distinct
    /// satisfaction, and the groups "every supporter with satisfaction at most `s`" are
    /// tried for each distinct `s`, in ascending order.
    ///
    /// - Complexity: O(total ballot entries + sum over unfunded `p` of `d_p log d_p`), with
    ///   `d_p` the distinct satisfactions among `p`'s supporters.
    static func violations(election: Election, funded: [Int], measure: SatisfactionMeasure,
                           levels: SatisfactionLevels, limit: Int = .max) -> [EJRPlusViolation] {
        let n = election.ballots.count
        guard n > 0, limit > 0 else { return [] }
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        // Supporters of every unfunded project, in ballot order (a ballot that lists a
        // project twice counts once).
        var supporters = [[Int32]](repeating: [], count: election.projects.count)
        let ballots = election.ballots
        for b in 0..<n {
            for k in ballots.range(of: b) where !isFunded[Int(ballots.projects[k])] {
                let p = Int(ballots.projects[k])
                if supporters[p].last != Int32(b) { supporters[p].append(Int32(b)) }
            }
        }
        let budget = election.budget
        var perLevel = [Int](repeating: 0, count: levels.values.count)
        var used: [Int] = []
        var out: [EJRPlusViolation] = []
        for p in election.projects.indices where !isFunded[p] && !supporters[p].isEmpty {
            let cost = election.projects[p].cost
            let unit = measure == .cost ? cost : Rational.one
            // Due per member of the group: b * u(p) / (n * c(p)).
            let duePerMember = budget * unit / (Rational(n) * cost)
            for i in supporters[p] {
                let j = Int(levels.level[Int(i)])
                if perLevel[j] == 0 { used.append(j) }
                perLevel[j] += 1
            }
            used.sort()
            // The largest violating group: the most satisfied member's level and the size.
            var best: (level: Int, size: Int)?
            var size = 0
            for j in used {
                size += perLevel[j]
                if levels.values[j] + unit <= Rational(size) * duePerMember { best = (j, size) }
            }
            for j in used { perLevel[j] = 0 }
            used.removeAll(keepingCapacity: true)
            if let (top, k) = best {
                let group = supporters[p].lazy.filter { Int(levels.level[Int($0)]) <= top }.map { Int($0) }
                out.append(EJRPlusViolation(project: p, group: Array(group), due: Rational(k) * duePerMember,
                                            largestSatisfaction: levels.values[top] + unit))
                if out.count == limit { break }
            }
        }
        return out
    }
}
