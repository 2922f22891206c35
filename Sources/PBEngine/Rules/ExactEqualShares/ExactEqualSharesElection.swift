/// What every run of one election shares: supporters per project, costs, the tie chain.
struct ExactEqualSharesElection {
    let costs: [Rational]
    let ballots: Ballots
    /// Supporters of each project (voter indices; a project listed twice counts once).
    let supporters: [[Int32]]
    let utility: Utility
    let ties: TieBreaking
    let voterCount: Int

    init(_ election: Election, utility: Utility, ties: TieBreaking) {
        costs = election.projects.map(\.cost)
        ballots = election.ballots
        voterCount = election.ballots.count
        self.utility = utility
        self.ties = ties
        var lists = [[Int32]](repeating: [], count: costs.count)
        var last = [Int](repeating: -1, count: costs.count)
        for i in 0..<voterCount {
            for k in ballots.range(of: i) {
                let p = Int(ballots.projects[k])
                if last[p] == i { continue }
                last[p] = i
                lists[p].append(Int32(i))
            }
        }
        supporters = lists
    }

    /// Voters' budget classes at the start of a round (all that a run carries from round
    /// to round besides the rounds themselves). Arrays are copied on write, so keeping one
    /// per round costs what the round changes.
    struct ClassState {
        var classOfVoter: [Int32]
        var paidByClass: [Rational]
        var sizeOfClass: [Int]
        var classOfPaid: [Rational: Int32]
        var classesOfProject: [[Int32: Int]]
    }

    /// Exact Equal Shares with `share` per voter.
    ///
    /// With `previous`, a run at a smaller share whose ``ExactEqualSharesRun/nextShare`` is
    /// `share`, the run starts at ``ExactEqualSharesRun/nextRound``: every earlier round
    /// funds the same project with the same payers at `share` (no drop that matters flips
    /// there), so its classes are taken from `previous`; ranks are evaluated afresh and
    /// every unfunded project is back in the running, since drops that do not matter may
    /// have flipped.
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)``.
    /// - Complexity: per round, O(c log c) for each project evaluated (c: the budget classes
    ///   among its supporters; projects are evaluated lazily, best last rank first, since a
    ///   rank never rises), plus the ballot lengths of the voters who move to a new class.
    func run(share: Rational, resuming previous: ExactEqualSharesRun? = nil) throws -> ExactEqualSharesRun {
        var result = ExactEqualSharesRun(share: share)
        let projectCount = costs.count
        var classOfVoter = [Int32](repeating: 0, count: voterCount)
        var paidByClass: [Rational] = [.zero]
        var sizeOfClass: [Int] = [voterCount]
        // The class holding each amount paid, so that voters who paid the same in different
        // ways share a class (their futures are the same: only the money left matters).
        var classOfPaid: [Rational: Int32] = [.zero: 0]
        // Supporters of each project per class.
        var classesOfProject: [[Int32: Int]] = supporters.map { $0.isEmpty ? [:] : [0: $0.count] }
        var alive = supporters.map { !$0.isEmpty }
        var lastScore = [Rational?](repeating: nil, count: projectCount)
        var stamp = [Int](repeating: 0, count: projectCount)
        var stampNow = 0
        var moved = [Int](repeating: 0, count: projectCount)
        var touched: [Int] = []
        // Position of each class from poorest (most paid) to richest; set each round.
        var poorness = [Int](repeating: 0, count: 1)

        // Every peel comparison that dropped a class: where it would flip, and what it decides.
        var drops: [Drop] = []
        // The rounds in which each project was evaluated afresh.
        var evaluatedIn = [[Int]](repeating: [], count: projectCount)
        var round = 0

        if let previous, let start = previous.nextRound, let resumeShare = previous.nextShare, share == resumeShare {
            let state = previous.snapshots[start]
            classOfVoter = state.classOfVoter
            paidByClass = state.paidByClass
            sizeOfClass = state.sizeOfClass
            classOfPaid = state.classOfPaid
            classesOfProject = state.classesOfProject
            result.steps = Array(previous.steps[..<start])
            result.totalCost = result.steps.reduce(Rational.zero) { $0 + costs[$1.project] }
            for (k, tieRound) in previous.tieRounds.enumerated() where tieRound < start {
                result.ties.append(previous.ties[k])
                result.tieRounds.append(tieRound)
            }
            result.snapshots = Array(previous.snapshots[..<start])
            let fundedBefore = Set(result.steps.map(\.project))
            alive = supporters.indices.map { !supporters[$0].isEmpty && !fundedBefore.contains($0) }
            drops = previous.drops.filter { $0.round < start && $0.paid + costs[$0.project] / Rational($0.payers) > share }
            evaluatedIn = previous.evaluatedIn.map { $0.filter { $0 < start } }
            round = start
        }

        /// The payer classes and their number, or `nil` if nobody can pay; records the drops.
        func payers(of p: Int) -> (classes: [Int32], count: Int)? {
            evaluatedIn[p].append(round)
            let cost = costs[p]
            let entries = classesOfProject[p].sorted { poorness[Int($0.key)] < poorness[Int($1.key)] }
            var m = entries.reduce(0) { $0 + $1.value }
            var start = 0
            while start < entries.count {
                let (k, count) = entries[start]
                let budget = share - paidByClass[Int(k)]
                // budget < cost / m, without dividing.
                if budget * Rational(m) < cost {
                    drops.append(Drop(paid: paidByClass[Int(k)], payers: m, round: round, project: p))
                    m -= count
                    start += 1
                } else {
                    break
                }
            }
            guard m > 0 else { return nil }
            return (entries[start...].map(\.key), m)
        }

        while true {
            result.snapshots.append(ClassState(classOfVoter: classOfVoter, paidByClass: paidByClass, sizeOfClass: sizeOfClass,
                                               classOfPaid: classOfPaid, classesOfProject: classesOfProject))
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
            // Rank the classes once per round (distinct amounts paid: no ties among live ones).
            let live = (0..<paidByClass.count).filter { sizeOfClass[$0] > 0 }.sorted { a, b in
                let c = Rational.compare(paidByClass[a], paidByClass[b])
                return c != 0 ? c > 0 : a < b
            }
            poorness = [Int](repeating: Int.max, count: paidByClass.count)
            for (position, k) in live.enumerated() { poorness[k] = position }
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
                    classOfPaid[newPaid] = k
                } else {
                    let fresh = Int32(paidByClass.count)
                    paidByClass.append(newPaid)
                    sizeOfClass.append(count)
                    sizeOfClass[Int(k)] -= count
                    classOfPaid[newPaid] = fresh
                    newClassOf[k] = fresh
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
                        stampNow += 1
                        for e in ballots.range(of: Int(v)) {
                            let r = Int(ballots.projects[e])
                            if stamp[r] == stampNow { continue }
                            stamp[r] = stampNow
                            if moved[r] == 0 { touched.append(r) }
                            moved[r] += 1
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
        }
        // The last round found nothing affordable among the projects still in the running;
        // look at the others with the final budgets too, so that every project's chance in
        // the last round is on record.
        for p in 0..<projectCount where !alive[p] && !supporters[p].isEmpty && !result.steps.contains(where: { $0.project == p }) {
            _ = payers(of: p)
        }
        (result.nextShare, result.nextRound) = nextShare(drops: drops, evaluatedIn: evaluatedIn, steps: result.steps)
        result.drops = drops
        result.evaluatedIn = evaluatedIn
        return result
    }

    /// A peel comparison `share - paid < c/m` that held (the class was dropped); it fails
    /// from the share `paid + c/m` on.
    struct Drop {
        /// What the dropped class had paid.
        var paid: Rational
        /// `m`: the payers the project would have with the class.
        var payers: Int
        /// The round (0-based; the number of funded projects for the last round, which
        /// funds nothing) and the project evaluated.
        var round: Int
        var project: Int
    }

    /// The smallest share above the run's at which its funded projects could differ: the
    /// smallest flip point of a drop that matters.
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
    /// - Complexity: O(drops × log evaluations per project).
    /// - Returns: that share, and the earliest round with a drop that matters there.
    func nextShare(drops: [Drop], evaluatedIn: [[Int]], steps: [ExactEqualSharesRun.Step]) -> (share: Rational?, round: Int?) {
        var next: Rational?
        var nextRound: Int?
        for drop in drops {
            let cost = costs[drop.project]
            let m = Rational(drop.payers)
            // Whether it matters first: cheaper than its share, which is often a large fraction.
            if drop.round < steps.count && steps[drop.round].project != drop.project {
                // Every unfunded project is evaluated in the last round and every funded one
                // in its own round, so a later evaluation exists.
                let rounds = evaluatedIn[drop.project]
                var lo = 0
                var hi = rounds.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if rounds[mid] <= drop.round { lo = mid + 1 } else { hi = mid }
                }
                precondition(lo < rounds.count, "ExactEqualShares: a project's evaluation must be followed by another")
                let rank = utility == .cost ? m : m / cost
                if rank < steps[rounds[lo] - 1].score { continue }
            }
            let share = drop.paid + cost / m
            if let n = next {
                let c = Rational.compare(share, n)
                if c > 0 || (c == 0 && nextRound.map { $0 <= drop.round } ?? false) { continue }
            }
            next = share
            nextRound = drop.round
        }
        return (next, nextRound)
    }
}
