/// One run of the Method of Equal Shares at a fixed per-voter share (RULES.md, "Method of
/// Equal Shares", steps 1–3), in exact arithmetic, fast.
///
/// Where the speed comes from (DESIGN.md, "MES in practice"):
/// - *Merged ballots*: identical ballots are one entry with a weight
///   (``EqualSharesProfile``); they always hold equal budgets.
/// - *Budget classes*: voters who paid for the same funded projects (with the same points)
///   hold the same budget, so a budget is stored once per class and each distinct ballot
///   points to its class. Funding a project splits each class of its supporters into a
///   new class; the poor (who paid everything) go to class 0, which holds nothing and is
///   never looked at again. Finding `rho(p)` then works on a short list of
///   (budget, points, weight) groups, not on voters.
/// - *Lazy re-evaluation*: `rho(p)` never decreases (budgets only shrink), so each round
///   re-evaluates projects in the order of their last known `rho` and stops as soon as
///   that last value exceeds the best fresh value of the round: same result, a few
///   evaluations per round instead of all projects.
/// - `rho` is found by the poor/rich iteration (a few linear passes: the usual case has
///   no poor supporter at all), falling back to sort-and-peel when supporters keep
///   turning out poor, so the worst case stays O(k log k) for k groups.
///
/// Every amount is a ``Rational`` (fixed-width fast path, GMP on overflow). Payments for a
/// funded project are checked to sum exactly to its cost, and leftover budgets plus
/// spending exactly to the shares handed out.
///
/// Internally the rule works with `tau`, the payment per point: a rich supporter pays
/// `tau * w_i(p)`. With `cardinality` utility `rho = tau`; with `cost` utility
/// (`u_i(p) = w_i(p) * c(p)`) `rho = tau / c(p)`.
struct EqualSharesRun {
    let profile: EqualSharesProfile
    let utility: Utility
    let ties: TieBreaking

    /// One (class, points) group of a project's supporters.
    struct Group {
        var cls: Int32
        var budget: Rational
        var points: Int64
        var weight: Int
        var newClass: Int32 = 0
    }

    struct GroupKey: Hashable {
        var cls: Int32
        var points: Int64
    }

    /// What one funded project cost its supporters.
    struct RoundRecord: Sendable {
        var project: Int
        var rho: Rational
        /// `c(p) / max payment`.
        var effectiveVotes: Rational
        /// What the supporters paid in total (equals the cost).
        var paid: Rational
        /// Supporters who paid everything they still had.
        var paidAll: Int
    }

    /// The result of one run.
    struct Record: Sendable {
        /// The per-voter share the run started from.
        var share: Rational
        var funded: [Int] = []
        var cost: Rational = .zero
        var rounds: [RoundRecord] = []
        var ties: [TieRecord] = []
        /// Sum of every voter's leftover budget.
        var leftoverTotal: Rational = .zero
        /// The largest leftover budget of a voter.
        var leftoverMax: Rational = .zero
        /// Voters left with nothing.
        var votersSpentOut: Int = 0
    }

    // Scratch state, reused from run to run.
    private var classBudget: [Rational] = []
    private var classOf: [Int32] = []
    private var accumulator: [Int] = []
    private var touched: [Int32] = []
    private var groups: [Group] = []
    private var groupIndex: [GroupKey: Int] = [:]

    init(profile: EqualSharesProfile, utility: Utility, ties: TieBreaking) {
        self.profile = profile
        self.utility = utility
        self.ties = ties
    }

    /// Runs MES with every voter starting from `share`.
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)`` when the chain cannot separate projects
    ///   with equal `rho`.
    /// - Complexity: per round, the projects re-evaluated times their supporter entries,
    ///   plus the groups' poor/rich passes; O(E) for E ballot entries to fund a project.
    mutating func run(share: Rational) throws -> Record {
        let m = profile.projectCount
        classBudget.removeAll(keepingCapacity: true)
        classBudget.append(.zero)
        classBudget.append(share)
        let startClass: Int32 = share.isZero ? 0 : 1
        classOf = [Int32](repeating: startClass, count: profile.distinctBallotCount)
        accumulator = [Int](repeating: 0, count: 2)

        var record = Record(share: share)
        // Lower bound of rho: every supporter rich, `tau = c / sum of points`.
        var stale = [Rational](repeating: .zero, count: m)
        var freshTau = [Rational](repeating: .zero, count: m)
        var active: [Int] = []
        for p in 0..<m where profile.isSupported(p) && !share.isZero {
            let tau = profile.costs[p] / Rational(Int(profile.totalPoints[p]))
            stale[p] = rho(tau: tau, project: p)
            active.append(p)
        }
        var removed = [Bool](repeating: false, count: m)
        var round = 0
        while !active.isEmpty {
            active.sort { stale[$0] < stale[$1] }
            var best: Rational?
            var tied: [Int] = []
            var dropped = false
            for p in active {
                if let b = best, stale[p] > b { break }
                guard let tau = payPerPoint(p) else {
                    removed[p] = true
                    dropped = true
                    continue
                }
                let r = rho(tau: tau, project: p)
                stale[p] = r
                freshTau[p] = tau
                if let b = best {
                    let c = Rational.compare(r, b)
                    if c < 0 {
                        best = r
                        tied = [p]
                    } else if c == 0 {
                        tied.append(p)
                    }
                } else {
                    best = r
                    tied = [p]
                }
            }
            if dropped { active.removeAll { removed[$0] } }
            guard let bestRho = best else { break }
            round += 1
            var winner = tied[0]
            if tied.count > 1 {
                tied.sort()
                let (w, tie) = try ties.breakTie(tied, context: "mes round \(round)")
                winner = w
                record.ties.append(tie)
            }
            let (paid, paidAll, maxPayment) = fund(winner, tau: freshTau[winner])
            precondition(paid == profile.costs[winner], "EqualShares: payments for a funded project must sum to its cost (project \(winner): paid \(paid), cost \(profile.costs[winner]), tau \(freshTau[winner]))")
            record.funded.append(winner)
            record.cost += profile.costs[winner]
            record.rounds.append(RoundRecord(project: winner, rho: bestRho, effectiveVotes: profile.costs[winner] / maxPayment,
                                             paid: paid, paidAll: paidAll))
            removed[winner] = true
            active.removeAll { $0 == winner }
        }
        summarizeLeftovers(&record)
        return record
    }

    /// `rho` from the payment per point.
    @inline(__always)
    private func rho(tau: Rational, project p: Int) -> Rational {
        utility == .cost ? tau / profile.costs[p] : tau
    }

    /// Fills ``groups`` with the supporters of `p` who still hold money, one group per
    /// (class, points).
    private mutating func collectGroups(_ p: Int) {
        groups.removeAll(keepingCapacity: true)
        let range = profile.supporters(of: p)
        if profile.unitPoints {
            for k in range {
                let j = Int(profile.supporterBallot[k])
                let c = Int(classOf[j])
                if c == 0 { continue }
                if accumulator[c] == 0 { touched.append(Int32(c)) }
                accumulator[c] += profile.ballotWeight[j]
            }
            for c in touched {
                groups.append(Group(cls: c, budget: classBudget[Int(c)], points: 1, weight: accumulator[Int(c)]))
                accumulator[Int(c)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        } else {
            groupIndex.removeAll(keepingCapacity: true)
            for k in range {
                let j = Int(profile.supporterBallot[k])
                let c = classOf[j]
                if c == 0 { continue }
                let key = GroupKey(cls: c, points: profile.supporterPoints[k])
                if let g = groupIndex[key] {
                    groups[g].weight += profile.ballotWeight[j]
                } else {
                    groupIndex[key] = groups.count
                    groups.append(Group(cls: c, budget: classBudget[Int(c)], points: key.points, weight: profile.ballotWeight[j]))
                }
            }
        }
    }

    /// The payment per point `tau` of `p`: the smallest `tau` with
    /// `sum over supporters of min(b_i, tau * w_i(p)) = c(p)`, or `nil` when the
    /// supporters' money does not reach `c(p)`.
    ///
    /// - Complexity: O(k) per pass for k groups, at most three passes, then O(k log k).
    private mutating func payPerPoint(_ p: Int) -> Rational? {
        collectGroups(p)
        let cost = profile.costs[p]
        var richPoints = 0
        for g in groups { richPoints += g.weight * Int(g.points) }
        var poorMoney = Rational.zero
        var live = groups.count
        let unit = profile.unitPoints
        // Poor/rich passes: whoever cannot pay at the current tau cannot pay at the final
        // one either (tau only grows as poor supporters drop out).
        for _ in 0..<3 {
            if richPoints == 0 { return nil }
            let tau = (cost - poorMoney) / Rational(richPoints)
            var moved = false
            var i = 0
            while i < live {
                let g = groups[i]
                let poor = unit ? g.budget < tau : g.budget < tau * Rational(Int(g.points))
                if poor {
                    poorMoney += g.budget * Rational(g.weight)
                    richPoints -= g.weight * Int(g.points)
                    live -= 1
                    groups.swapAt(i, live)
                    moved = true
                } else {
                    i += 1
                }
            }
            if !moved { return tau }
        }
        // Sort-and-peel over the groups left, poorest per point first.
        groups[0..<live].sort { a, b in
            unit ? a.budget < b.budget
                : a.budget * Rational(Int(b.points)) < b.budget * Rational(Int(a.points))
        }
        for i in 0..<live {
            let tau = (cost - poorMoney) / Rational(richPoints)
            let g = groups[i]
            if (unit ? tau : tau * Rational(Int(g.points))) <= g.budget { return tau }
            poorMoney += g.budget * Rational(g.weight)
            richPoints -= g.weight * Int(g.points)
        }
        return nil
    }

    /// Charges the supporters of `q` at `tau` per point and moves them to new classes.
    ///
    /// - Returns: the total paid, how many paid all they had, and the largest payment.
    private mutating func fund(_ q: Int, tau: Rational) -> (paid: Rational, paidAll: Int, maxPayment: Rational) {
        collectGroups(q)
        var paid = Rational.zero
        var paidAll = 0
        var maxPayment = Rational.zero
        for g in groups.indices {
            let budget = groups[g].budget
            let due = profile.unitPoints ? tau : tau * Rational(Int(groups[g].points))
            let payment = min(budget, due)
            if payment > maxPayment { maxPayment = payment }
            paid += payment * Rational(groups[g].weight)
            if payment == budget {
                paidAll += groups[g].weight
                groups[g].newClass = 0
            } else {
                groups[g].newClass = Int32(classBudget.count)
                classBudget.append(budget - payment)
                accumulator.append(0)
            }
        }
        let range = profile.supporters(of: q)
        if profile.unitPoints {
            // accumulator doubles as the class map here; it is zero again afterwards.
            for g in groups { accumulator[Int(g.cls)] = Int(g.newClass) + 1 }
            for k in range {
                let j = Int(profile.supporterBallot[k])
                let c = Int(classOf[j])
                if c == 0 { continue }
                classOf[j] = Int32(accumulator[c] - 1)
            }
            for g in groups { accumulator[Int(g.cls)] = 0 }
        } else {
            for k in range {
                let j = Int(profile.supporterBallot[k])
                let c = classOf[j]
                if c == 0 { continue }
                guard let g = groupIndex[GroupKey(cls: c, points: profile.supporterPoints[k])] else {
                    preconditionFailure("EqualShares: every supporter with money belongs to a group of the funded project")
                }
                classOf[j] = groups[g].newClass
            }
        }
        return (paid, paidAll, maxPayment)
    }

    /// Leftover totals over all voters, checked against what was handed out and spent.
    private mutating func summarizeLeftovers(_ record: inout Record) {
        var weightOf = [Int](repeating: 0, count: classBudget.count)
        for j in 0..<profile.distinctBallotCount { weightOf[Int(classOf[j])] += profile.ballotWeight[j] }
        var total = record.share * Rational(profile.idleVoterCount)
        var most = profile.idleVoterCount > 0 ? record.share : Rational.zero
        for c in 1..<classBudget.count where weightOf[c] > 0 {
            total += classBudget[c] * Rational(weightOf[c])
            if classBudget[c] > most { most = classBudget[c] }
        }
        precondition(total + record.cost == record.share * Rational(profile.voterCount),
                     "EqualShares: leftover budgets plus spending must equal the shares handed out")
        record.leftoverTotal = total
        record.leftoverMax = most
        record.votersSpentOut = weightOf[0]
    }
}
