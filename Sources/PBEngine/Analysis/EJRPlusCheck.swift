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
                           levels: SatisfactionLevels, supporters: ProjectSupporters? = nil, limit: Int = .max) -> [EJRPlusViolation] {
        let n = election.ballots.count
        guard n > 0, limit > 0 else { return [] }
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let supporters = supporters ?? ProjectSupporters(election.ballots, projects: election.projects.count)
        let budget = election.budget
        var perLevel = [Int](repeating: 0, count: levels.levelCount)
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
            let test = GroupTest(levels: levels, unit: unit, due: duePerMember)
            var best: (level: Int, size: Int)?
            var size = 0
            for j in used {
                size += perLevel[j]
                if test.violates(level: j, size: size) { best = (j, size) }
            }
            for j in used { perLevel[j] = 0 }
            used.removeAll(keepingCapacity: true)
            if let (top, k) = best {
                let group = supporters[p].lazy.filter { Int(levels.level[Int($0)]) <= top }.map { Int($0) }
                out.append(EJRPlusViolation(project: p, group: Array(group), due: Rational(k) * duePerMember,
                                            largestSatisfaction: levels.value(top) + unit))
                if out.count == limit { break }
            }
        }
        return out
    }

    /// Whether the `size` least satisfied supporters, the most satisfied of them at level
    /// `j`, violate: `value(j) + u <= size * due`. On the integer path, with `value(j) =
    /// V_j * U`, that is `V_j * (uN aD dD) + aN uD dD <= size * (dN uD aD)` (`U = uN / uD`,
    /// `u = aN / aD`, `due = dN / dD`) in 128 bits, no gcd; rationals where a product
    /// would not fit.
    struct GroupTest {
        let levels: SatisfactionLevels
        let unit: Rational
        let due: Rational
        /// `(slope, offset, perMember)` of the integer form, or `nil`.
        let integer: (slope: Int128, offset: Int128, perMember: Int128)?

        init(levels: SatisfactionLevels, unit: Rational, due: Rational) {
            self.levels = levels
            self.unit = unit
            self.due = due
            func product(_ a: Int64, _ b: Int64, _ c: Int64) -> Int128? {
                let (ab, o1) = Int128(a).multipliedReportingOverflow(by: Int128(b))
                let (abc, o2) = ab.multipliedReportingOverflow(by: Int128(c))
                return o1 || o2 ? nil : abc
            }
            if levels.integerValues != nil, let (uN, uD) = levels.unit.smallParts, let (aN, aD) = unit.smallParts,
               let (dN, dD) = due.smallParts, let slope = product(uN, aD, dD), let offset = product(aN, uD, dD),
               let perMember = product(dN, uD, aD) {
                integer = (slope, offset, perMember)
            } else {
                integer = nil
            }
        }

        func violates(level j: Int, size: Int) -> Bool {
            if let (slope, offset, perMember) = integer, let values = levels.integerValues {
                let (left, o1) = Int128(values[j]).multipliedReportingOverflow(by: slope)
                let (sum, o2) = left.addingReportingOverflow(offset)
                let (right, o3) = Int128(size).multipliedReportingOverflow(by: perMember)
                if !(o1 || o2 || o3) { return sum <= right }
            }
            return levels.value(j) + unit <= Rational(size) * due
        }
    }
}

/// Every project's supporters, distinct ballots ascending (a ballot that lists a project
/// twice counts once), in one flat list: built once per election and shared by the EJR+
/// checks of both measures (and, in `batch`, of every rule's outcome).
struct ProjectSupporters: Sendable {
    private let start: [Int]
    private let ballots: [Int32]

    /// - Complexity: O(entries).
    init(_ ballots: Ballots, projects: Int) {
        var count = [Int](repeating: 0, count: projects + 1)
        var last = [Int32](repeating: -1, count: projects)
        for b in 0..<ballots.count {
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                if last[p] != Int32(b) {
                    last[p] = Int32(b)
                    count[p + 1] += 1
                }
            }
        }
        for p in 0..<projects { count[p + 1] += count[p] }
        var fill = count
        var flat = [Int32](repeating: 0, count: count[projects])
        for p in 0..<projects { last[p] = -1 }
        for b in 0..<ballots.count {
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                if last[p] != Int32(b) {
                    last[p] = Int32(b)
                    flat[fill[p]] = Int32(b)
                    fill[p] += 1
                }
            }
        }
        start = count
        self.ballots = flat
    }

    subscript(p: Int) -> ArraySlice<Int32> { ballots[start[p]..<start[p + 1]] }
}
