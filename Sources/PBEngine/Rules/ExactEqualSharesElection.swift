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

    /// Exact Equal Shares with `share` per voter.
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)``.
    /// - Complexity: per round, O(c log c) for each project evaluated (c: the budget classes
    ///   among its supporters; projects are evaluated lazily, best last rank first, since a
    ///   rank never rises), plus the ballot lengths of the voters who move to a new class.
    func run(share: Rational) throws -> ExactEqualSharesRun {
        var result = ExactEqualSharesRun(share: share)
        let projectCount = costs.count
        var classOfVoter = [Int32](repeating: 0, count: voterCount)
        var paidByClass: [Rational] = [.zero]
        var sizeOfClass: [Int] = [voterCount]
        // Supporters of each project per class.
        var classesOfProject: [[Int32: Int]] = supporters.map { $0.isEmpty ? [:] : [0: $0.count] }
        var alive = supporters.map { !$0.isEmpty }
        var lastScore = [Rational?](repeating: nil, count: projectCount)
        var stamp = [Int](repeating: 0, count: projectCount)
        var stampNow = 0

        func noteThreshold(_ t: Rational) {
            if let n = result.nextShare, n <= t { return }
            result.nextShare = t
        }

        /// The payer classes and their number, or `nil` if nobody can pay.
        func payers(of p: Int) -> (classes: [Int32], count: Int)? {
            let cost = costs[p]
            let entries = classesOfProject[p].sorted { a, b in
                let c = Rational.compare(paidByClass[Int(a.key)], paidByClass[Int(b.key)])
                return c != 0 ? c > 0 : a.key < b.key
            }
            var m = entries.reduce(0) { $0 + $1.value }
            var start = 0
            while start < entries.count {
                let (k, count) = entries[start]
                let budget = share - paidByClass[Int(k)]
                // budget < cost / m, without dividing.
                if budget * Rational(m) < cost {
                    noteThreshold(paidByClass[Int(k)] + cost / Rational(m))
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
            var chosen = tied[0]
            if tied.count > 1 {
                let (winner, record) = try ties.breakTie(tied.map(\.project).sorted(), context: "round \(result.steps.count + 1)")
                result.ties.append(record)
                chosen = tied.first { $0.project == winner } ?? chosen
            }
            let p = chosen.project
            let payment = costs[p] / Rational(chosen.count)
            result.steps.append(ExactEqualSharesRun.Step(project: p, payers: chosen.count, payment: payment, score: score))
            result.totalCost += costs[p]
            alive[p] = false

            // Charge the payers; split every class of which only some voters pay.
            var newClassOf: [Int32: Int32] = [:]
            for k in chosen.classes {
                let paying = classesOfProject[p][k] ?? 0
                if paying == sizeOfClass[Int(k)] {
                    paidByClass[Int(k)] += payment
                } else {
                    let fresh = Int32(paidByClass.count)
                    paidByClass.append(paidByClass[Int(k)] + payment)
                    sizeOfClass.append(paying)
                    sizeOfClass[Int(k)] -= paying
                    newClassOf[k] = fresh
                }
            }
            if !newClassOf.isEmpty {
                for v in supporters[p] {
                    let old = classOfVoter[Int(v)]
                    guard let fresh = newClassOf[old] else { continue }
                    classOfVoter[Int(v)] = fresh
                    stampNow += 1
                    for e in ballots.range(of: Int(v)) {
                        let r = Int(ballots.projects[e])
                        if stamp[r] == stampNow { continue }
                        stamp[r] = stampNow
                        let left = (classesOfProject[r][old] ?? 0) - 1
                        classesOfProject[r][old] = left == 0 ? nil : left
                        classesOfProject[r][fresh, default: 0] += 1
                    }
                }
            }
        }
        return result
    }
}
