/// What every run of one election shares: supporters per project, costs, the tie chain.
///
/// Voters with the same ballot (the same set of projects) always hold the same money:
/// they pay for the same projects, so they are in the same budget class after every
/// round. A run therefore moves *ballot groups*, one per distinct ballot, between classes,
/// each weighing its number of voters (Lodz 2022: 23,571 groups for 90,494 voters).
struct ExactEqualSharesElection {
    let costs: [Rational]
    /// The supporting ballot groups of each project, in order of first appearance.
    let supporters: [[Int32]]
    /// Voters who support each project.
    let supporterCount: [Int]
    /// The voters in each ballot group.
    let weight: [Int]
    /// The projects of group `g` (each once): `groupProjects[groupStart[g] ..< groupStart[g + 1]]`.
    let groupStart: [Int]
    let groupProjects: [Int32]
    let utility: Utility
    let ties: TieBreaking
    let voterCount: Int

    /// - Complexity: O(E log L) for E ballot entries and ballots of up to L projects.
    init(_ election: Election, utility: Utility, ties: TieBreaking) {
        costs = election.projects.map(\.cost)
        let ballots = election.ballots
        voterCount = ballots.count
        self.utility = utility
        self.ties = ties
        var groupOf: [[Int32]: Int] = [:]
        var weight: [Int] = []
        var groupStart = [0]
        var groupProjects: [Int32] = []
        for i in 0..<voterCount {
            let set = Array(Set(ballots.range(of: i).map { Int32(ballots.projects[$0]) })).sorted()
            if let g = groupOf[set] {
                weight[g] += 1
            } else {
                groupOf[set] = weight.count
                weight.append(1)
                groupProjects += set
                groupStart.append(groupProjects.count)
            }
        }
        var lists = [[Int32]](repeating: [], count: costs.count)
        var counts = [Int](repeating: 0, count: costs.count)
        for g in weight.indices {
            for k in groupStart[g]..<groupStart[g + 1] {
                let p = Int(groupProjects[k])
                lists[p].append(Int32(g))
                counts[p] += weight[g]
            }
        }
        supporters = lists
        supporterCount = counts
        self.weight = weight
        self.groupStart = groupStart
        self.groupProjects = groupProjects
    }

    /// Voters' budget classes at the start of a round (all that a run carries from round
    /// to round besides the rounds themselves). Arrays are copied on write, so keeping one
    /// per round costs what the round changes.
    struct ClassState {
        /// The class of each ballot group.
        var classOfVoter: [Int32]
        var paidByClass: [Rational]
        var sizeOfClass: [Int]
        var classOfPaid: [Rational: Int32]
        var classesOfProject: [[Int32: Int]]
        /// The classes with voters, poorest (most paid) first, ties by index.
        var order: [Int32]
    }

    /// Exact Equal Shares with `share` per voter.
    ///
    /// With `previous`, a run at a smaller share whose ``ExactEqualSharesRun/nextShare`` is
    /// `share`, the run starts at ``ExactEqualSharesRun/nextRound``: every earlier round
    /// funds the same project with the same payers at `share` (no drop that matters flips
    /// there), so its classes are taken from `previous`; every unfunded project is back in
    /// the running, since drops that do not matter may have flipped, and its lazy bound is
    /// what its last evaluation finds at `share` (Guides/ExactEqualShares.md, "Lazy bounds
    /// across runs").
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)``.
    /// - Complexity: per round, O(c log c) for each project evaluated (c: the budget classes
    ///   among its supporters; projects are evaluated lazily, best last rank first, since a
    ///   rank never rises), plus the ballot lengths of the voters who move to a new class.
    func run(share: Rational, resuming previous: ExactEqualSharesRun? = nil) throws -> ExactEqualSharesRun {
        var result = ExactEqualSharesRun(share: share)
        let projectCount = costs.count
        var classOfVoter = [Int32](repeating: 0, count: weight.count)
        var paidByClass: [Rational] = [.zero]
        var sizeOfClass: [Int] = [voterCount]
        // The class holding each amount paid, so that voters who paid the same in different
        // ways share a class (their futures are the same: only the money left matters).
        var classOfPaid: [Rational: Int32] = [.zero: 0]
        // Supporters of each project per class.
        var classesOfProject: [[Int32: Int]] = supporterCount.map { $0 == 0 ? [:] : [0: $0] }
        var alive = supporters.map { !$0.isEmpty }
        var lastScore = [Rational?](repeating: nil, count: projectCount)
        var moved = [Int](repeating: 0, count: projectCount)
        var touched: [Int] = []
        // Position of each class from poorest (most paid) to richest; set each round.
        var poorness = [Int](repeating: 0, count: 1)
        var order: [Int32] = [0]
        // What each class holds at this share: `share - paid`.
        var budgetOfClass: [Rational] = [share]

        // Every peel that dropped a class: the classes, where each would flip, what it decides.
        var peels: [Peel] = []
        // The rounds in which each project was evaluated afresh.
        var evaluatedIn = [[Int]](repeating: [], count: projectCount)
        // The payers each of those evaluations found (0: none).
        var payersIn = [[Int]](repeating: [], count: projectCount)
        var round = 0

        if let previous, let start = previous.nextRound, let resumeShare = previous.nextShare, share == resumeShare {
            let state = previous.snapshots[start]
            classOfVoter = state.classOfVoter
            paidByClass = state.paidByClass
            sizeOfClass = state.sizeOfClass
            classOfPaid = state.classOfPaid
            classesOfProject = state.classesOfProject
            order = state.order
            result.steps = Array(previous.steps[..<start])
            result.totalCost = result.steps.reduce(Rational.zero) { $0 + costs[$1.project] }
            for (k, tieRound) in previous.tieRounds.enumerated() where tieRound < start {
                result.ties.append(previous.ties[k])
                result.tieRounds.append(tieRound)
            }
            result.snapshots = Array(previous.snapshots[..<start])
            let fundedBefore = Set(result.steps.map(\.project))
            alive = supporters.indices.map { !supporters[$0].isEmpty && !fundedBefore.contains($0) }
            budgetOfClass = paidByClass.map { share - $0 }
            // Earlier rounds' peels as they were: at this share a drop whose threshold was
            // passed keeps its class, and the peel ends there (see ``nextShare``).
            peels = Array(previous.peels.prefix { $0.round < start })
            evaluatedIn = previous.evaluatedIn.map { $0.filter { $0 < start } }
            payersIn = evaluatedIn.indices.map { Array(previous.payersIn[$0].prefix(evaluatedIn[$0].count)) }
            round = start
            // Bounds for lazy evaluation from the start: a project's last evaluation, at this
            // share, finds the payers it found then, or, if one of its drops has reached its
            // threshold, the payers it would have had with that class (its peel ends there);
            // and a rank never rises during a run. (Guides/ExactEqualShares.md, "Resuming".)
            var latestPeel = [Int](repeating: -1, count: projectCount)
            for (k, peel) in peels.enumerated() { latestPeel[peel.project] = k }
            for q in 0..<projectCount where alive[q] {
                guard let last = evaluatedIn[q].last, var m = payersIn[q].last else { continue }
                if latestPeel[q] >= 0 && peels[latestPeel[q]].round == last {
                    let peel = peels[latestPeel[q]]
                    for i in peel.payers.indices
                    where Threshold(paid: peel.paid[i], cost: costs[q], payers: peel.payers[i]).compare(share) <= 0 {
                        m = peel.payers[i]
                        break
                    }
                }
                lastScore[q] = utility == .cost ? Rational(m) : Rational(m) / costs[q]
            }
        }

        /// The payer classes and their number, or `nil` if nobody can pay; records the drops.
        func payers(of p: Int) -> (classes: [Int32], count: Int)? {
            evaluatedIn[p].append(round)
            let cost = costs[p]
            // (position in the order, class, supporters in it), poorest first.
            var entries: [(position: Int, key: Int32, value: Int)] = []
            entries.reserveCapacity(classesOfProject[p].count)
            var m = 0
            for (k, count) in classesOfProject[p] {
                entries.append((poorness[Int(k)], k, count))
                m += count
            }
            entries.sort { $0.position < $1.position }
            var start = 0
            var dropped: [Rational] = []
            var dropPayers: [Int] = []
            while start < entries.count {
                let (_, k, count) = entries[start]
                // budget < cost / m, without dividing.
                if Self.isBelow(budgetOfClass[Int(k)], times: m, cost) {
                    dropped.append(paidByClass[Int(k)])
                    dropPayers.append(m)
                    m -= count
                    start += 1
                } else {
                    break
                }
            }
            if !dropped.isEmpty { peels.append(Peel(round: round, project: p, paid: dropped, payers: dropPayers)) }
            payersIn[p].append(m)
            guard m > 0 else { return nil }
            return (entries[start...].map(\.key), m)
        }

        while true {
            result.snapshots.append(ClassState(classOfVoter: classOfVoter, paidByClass: paidByClass, sizeOfClass: sizeOfClass,
                                               classOfPaid: classOfPaid, classesOfProject: classesOfProject, order: order))
            // Lazy evaluation: a project's rank never rises, so its last rank bounds it.
            let candidates = (0..<projectCount).filter { alive[$0] }.sorted { a, b in
                switch (lastScore[a], lastScore[b]) {
                case (nil, nil): return a < b
                case (nil, _): return true
                case (_, nil): return false
                case let (x?, y?):
                    let c = Rational.compare(x, y)
                    return c != 0 ? c > 0 : a < b
                }
            }
            // The position of each class in `order` (kept sorted as classes change, below).
            poorness = [Int](repeating: Int.max, count: paidByClass.count)
            for (position, k) in order.enumerated() { poorness[Int(k)] = position }
            var best: Rational?
            var tied: [(project: Int, classes: [Int32], count: Int)] = []
            for p in candidates {
                if let b = best, let bound = lastScore[p], bound < b { break }
                guard let found = payers(of: p) else {
                    alive[p] = false
                    continue
                }
                let m = Rational(found.count)
                let score = utility == .cost ? m : m / costs[p]
                lastScore[p] = score
                if let b = best {
                    let c = Rational.compare(score, b)
                    if c > 0 {
                        best = score
                        tied = [(p, found.classes, found.count)]
                    } else if c == 0 {
                        tied.append((p, found.classes, found.count))
                    }
                } else {
                    best = score
                    tied = [(p, found.classes, found.count)]
                }
            }
            guard let score = best else { break }
            round += 1
            var chosen = tied[0]
            if tied.count > 1 {
                let (winner, record) = try ties.breakTie(tied.map(\.project).sorted(), context: "round \(result.steps.count + 1)")
                result.ties.append(record)
                result.tieRounds.append(result.steps.count)
                chosen = tied.first { $0.project == winner } ?? chosen
            }
            let p = chosen.project
            let payment = costs[p] / Rational(chosen.count)
            result.steps.append(ExactEqualSharesRun.Step(project: p, payers: chosen.count, payment: payment, score: score))
            result.totalCost += costs[p]
            alive[p] = false

            // Charge the payers. Each paying class moves to the class of its new amount paid:
            // an existing class (not one paying now), the class itself if all of it pays, or
            // a new class.
            let paying = Set(chosen.classes)
            var newClassOf: [Int32: Int32] = [:]
            // Classes whose amount paid changed, or that are new: they take new places in `order`.
            var repositioned: [Int32] = []
            for k in chosen.classes.sorted() {
                let count = classesOfProject[p][k] ?? 0
                let oldPaid = paidByClass[Int(k)]
                let newPaid = oldPaid + payment
                if let existing = classOfPaid[newPaid], !paying.contains(existing) {
                    newClassOf[k] = existing
                    sizeOfClass[Int(existing)] += count
                    sizeOfClass[Int(k)] -= count
                    if sizeOfClass[Int(k)] == 0 && classOfPaid[oldPaid] == k { classOfPaid[oldPaid] = nil }
                } else if count == sizeOfClass[Int(k)] {
                    if classOfPaid[oldPaid] == k { classOfPaid[oldPaid] = nil }
                    paidByClass[Int(k)] = newPaid
                    budgetOfClass[Int(k)] = share - newPaid
                    classOfPaid[newPaid] = k
                    repositioned.append(k)
                } else {
                    let fresh = Int32(paidByClass.count)
                    paidByClass.append(newPaid)
                    budgetOfClass.append(share - newPaid)
                    sizeOfClass.append(count)
                    sizeOfClass[Int(k)] -= count
                    classOfPaid[newPaid] = fresh
                    newClassOf[k] = fresh
                    repositioned.append(fresh)
                }
            }
            if !newClassOf.isEmpty {
                // Move the payers of each splitting class, counting per project how many of
                // its supporters move, then update each project's class counts once.
                var moving: [Int32: [Int32]] = [:]
                for v in supporters[p] where newClassOf[classOfVoter[Int(v)]] != nil {
                    moving[classOfVoter[Int(v)], default: []].append(v)
                }
                for old in moving.keys.sorted() {
                    guard let fresh = newClassOf[old], let voters = moving[old] else { continue }
                    for v in voters {
                        classOfVoter[Int(v)] = fresh
                        let w = weight[Int(v)]
                        for e in groupStart[Int(v)]..<groupStart[Int(v) + 1] {
                            let r = Int(groupProjects[e])
                            if moved[r] == 0 { touched.append(r) }
                            moved[r] += w
                        }
                    }
                    for r in touched {
                        let left = (classesOfProject[r][old] ?? 0) - moved[r]
                        classesOfProject[r][old] = left == 0 ? nil : left
                        classesOfProject[r][fresh, default: 0] += moved[r]
                        moved[r] = 0
                    }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            order = Self.reordered(order, repositioned: repositioned, paid: paidByClass, size: sizeOfClass)
        }
        // The last round found nothing affordable among the projects still in the running;
        // look at the others with the final budgets too, so that every project's chance in
        // the last round is on record.
        for p in 0..<projectCount where !alive[p] && !supporters[p].isEmpty && !result.steps.contains(where: { $0.project == p }) {
            _ = payers(of: p)
        }
        (result.nextShare, result.nextRound) = nextShare(share: share, peels: peels, evaluatedIn: evaluatedIn, steps: result.steps)
        result.peels = peels
        result.evaluatedIn = evaluatedIn
        result.payersIn = payersIn
        return result
    }

    /// `order` (classes with voters, most paid first, ties by index) after a round: classes
    /// that emptied leave, `repositioned` ones (new, or whose amount paid changed) take
    /// their places. The others keep their relative order, so a merge does it.
    ///
    /// - Complexity: O(K + r log r) comparisons for K classes, r repositioned.
    static func reordered(_ order: [Int32], repositioned: [Int32], paid: [Rational], size: [Int]) -> [Int32] {
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let c = Rational.compare(paid[Int(a)], paid[Int(b)])
            return c != 0 ? c > 0 : a < b
        }
        let moved = Set(repositioned)
        let kept = order.filter { size[Int($0)] > 0 && !moved.contains($0) }
        let placed = repositioned.filter { size[Int($0)] > 0 }.sorted(by: before)
        var out: [Int32] = []
        out.reserveCapacity(kept.count + placed.count)
        var i = 0
        var j = 0
        while i < kept.count && j < placed.count {
            if before(placed[j], kept[i]) {
                out.append(placed[j])
                j += 1
            } else {
                out.append(kept[i])
                i += 1
            }
        }
        out.append(contentsOf: kept[i...])
        out.append(contentsOf: placed[j...])
        return out
    }

    /// Whether `budget < cost / m`, without dividing: `budget * m < cost`.
    ///
    /// Fast path (a whole cost, both in the small form): `num(budget) * m` against
    /// `cost * den(budget)` in 128 bits, which cannot overflow, and no gcd.
    @inline(__always)
    static func isBelow(_ budget: Rational, times m: Int, _ cost: Rational) -> Bool {
        if let b = budget.smallParts, let c = cost.smallParts, c.denominator == 1 {
            let x = b.numerator.multipliedFullWidth(by: Int64(m))
            let y = c.numerator.multipliedFullWidth(by: b.denominator)
            return x.high < y.high || (x.high == y.high && x.low < y.low)
        }
        return budget * Rational(m) < cost
    }

    /// The classes that one evaluation of a project dropped, poorest first: each drop is a
    /// peel comparison `share - paid < c/m` that held, and fails from the share
    /// `paid + c/m` (its *threshold*) on.
    struct Peel {
        /// The round (0-based; the number of funded projects for the last round, which
        /// funds nothing) and the project evaluated.
        var round: Int
        var project: Int
        /// What each dropped class had paid, poorest (most paid) first.
        var paid: [Rational]
        /// `m`: the payers the project would have had with the class, decreasing.
        var payers: [Int]
    }

    /// A threshold `paid + c/m`, as an unreduced fraction of two `Int64` when it fits (no
    /// gcd: thresholds are only compared, and only the smallest becomes a ``Rational``),
    /// else exactly.
    struct Threshold {
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        /// The value when the small form would overflow.
        var exact: Rational?

        init(paid: Rational, cost: Rational, payers m: Int) {
            if let p = paid.smallParts, let c = cost.smallParts, c.denominator == 1 {
                // (p.n * m + c * p.d) / (p.d * m)
                let (a, o1) = p.numerator.multipliedReportingOverflow(by: Int64(m))
                let (b, o2) = c.numerator.multipliedReportingOverflow(by: p.denominator)
                let (n, o3) = a.addingReportingOverflow(b)
                let (d, o4) = p.denominator.multipliedReportingOverflow(by: Int64(m))
                if !(o1 || o2 || o3 || o4) {
                    numerator = n
                    denominator = d
                    return
                }
            }
            exact = paid + cost / Rational(m)
        }

        var value: Rational { exact ?? Rational(Int(numerator), Int(denominator)) }

        /// -1, 0 or 1 as `self` is below, equal to or above `other`.
        func compare(_ other: Threshold) -> Int {
            if exact == nil && other.exact == nil {
                return Self.compare(numerator, denominator, other.numerator, other.denominator)
            }
            return Rational.compare(value, other.value)
        }

        /// -1, 0 or 1 as `self` is below, equal to or above `r`.
        func compare(_ r: Rational) -> Int {
            if exact == nil, let q = r.smallParts {
                return Self.compare(numerator, denominator, q.numerator, q.denominator)
            }
            return Rational.compare(value, r)
        }

        /// `a/b` against `c/d` (`b, d > 0`) by cross-multiplication in 128 bits.
        @inline(__always)
        static func compare(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
            let x = a.multipliedFullWidth(by: d)
            let y = c.multipliedFullWidth(by: b)
            if x.high != y.high { return x.high < y.high ? -1 : 1 }
            if x.low != y.low { return x.low < y.low ? -1 : 1 }
            return 0
        }
    }

    /// The smallest share above the run's at which its funded projects could differ: the
    /// smallest threshold of a drop that matters.
    ///
    /// A drop matters when it is in the peel of the project funded in that round (more
    /// payers change every later budget), or in the last round (which funds nothing: any
    /// project that gets a payer there is funded). Otherwise it is in a project's
    /// evaluation that stood for that project from its round up to the round before its
    /// next evaluation (lazy evaluation: in between, its rank never rose above it). With
    /// the class kept, the project would rank `rank`; it matters only if that reaches the
    /// rank funded in one of those rounds, that is the lowest of them, the last one (the
    /// funded rank never rises from round to round). Every other drop can flip without
    /// changing which project any round funds or how it is paid, and then the last round,
    /// with the same budgets, decides as before unless one of its own drops flips.
    ///
    /// In a peel, drops are poorest first and `m` decreases, so the would-be ranks
    /// decrease: the drops that matter are a prefix. A peel kept from an earlier run was
    /// made at a smaller share: at `share`, its first drop whose threshold is at most
    /// `share` keeps its class, so the peel ends there (the classes after it are richer
    /// and were kept before), and its later drops are no drops at all. So each peel is
    /// read from its first drop up to the first that does not matter or no longer drops.
    ///
    /// - Complexity: O(peels × log evaluations per project), plus the drops read.
    /// - Returns: that share, and the earliest round with a drop that matters there.
    func nextShare(share: Rational, peels: [Peel], evaluatedIn: [[Int]], steps: [ExactEqualSharesRun.Step]) -> (share: Rational?, round: Int?) {
        var next: Threshold?
        var nextRound: Int?
        for peel in peels {
            let cost = costs[peel.project]
            // The lowest rank a kept class must reach to matter; `nil`: every drop matters.
            var bound: Rational?
            if peel.round < steps.count && steps[peel.round].project != peel.project {
                // Every unfunded project is evaluated in the last round and every funded one
                // in its own round, so a later evaluation exists.
                let rounds = evaluatedIn[peel.project]
                var lo = 0
                var hi = rounds.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if rounds[mid] <= peel.round { lo = mid + 1 } else { hi = mid }
                }
                precondition(lo < rounds.count, "ExactEqualShares: a project's evaluation must be followed by another")
                bound = steps[rounds[lo] - 1].score
            }
            for i in peel.payers.indices {
                if let bound {
                    let m = Rational(peel.payers[i])
                    let rank = utility == .cost ? m : m / cost
                    if rank < bound { break }
                }
                let t = Threshold(paid: peel.paid[i], cost: cost, payers: peel.payers[i])
                if t.compare(share) <= 0 { break }
                if let n = next {
                    let c = t.compare(n)
                    if c > 0 || (c == 0 && nextRound.map { $0 <= peel.round } ?? false) { continue }
                }
                next = t
                nextRound = peel.round
            }
        }
        return (next?.value, nextRound)
    }
}
