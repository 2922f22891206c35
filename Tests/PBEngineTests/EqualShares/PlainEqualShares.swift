import PBEngine

/// The Method of Equal Shares written as plainly as RULES.md states it: one budget per
/// voter, every project re-evaluated every round, `rho` by sorting and peeling, add1 by
/// stepping one unit at a time. Slow and obviously right; the oracle for ``EqualShares``.
struct PlainEqualShares {
    let election: Election
    let utility: Utility
    let ties: TieBreaking

    init(_ election: Election, utility: Utility, chain: [TieCriterion]) {
        self.election = election
        self.utility = utility
        ties = TieBreaking(chain: chain, election: election)
    }

    struct Run {
        var share: Rational
        var funded: [Int] = []
        var rhos: [Rational] = []
        var cost: Rational = .zero
        var leftover: Rational = .zero
        /// The largest leftover budget of a voter.
        var leftoverMax: Rational = .zero
    }

    struct Result {
        var funded: [Int]
        var cost: Rational
        /// The run that MES (with add1) ended on.
        var run: Run
        var add1Steps: Int
    }

    /// `w_i(p)`: 1 on an approval ballot, else the points (0 when unlisted).
    func points(voter i: Int, project p: Int) -> Int64 {
        let r = election.ballots.range(of: i)
        for k in r where Int(election.ballots.projects[k]) == p {
            return election.ballots.points?[k] ?? 1
        }
        return 0
    }

    /// `u_i(p)`.
    func utility(voter i: Int, project p: Int) -> Rational {
        let w = Rational(Int(points(voter: i, project: p)))
        return utility == .cost ? w * election.projects[p].cost : w
    }

    /// One MES run where every voter starts with `share`.
    func mes(share: Rational) throws -> Run {
        let n = election.ballots.count
        let m = election.projects.count
        var budget = [Rational](repeating: share, count: n)
        var u = [[Rational]]()
        for i in 0..<n { u.append((0..<m).map { utility(voter: i, project: $0) }) }
        var run = Run(share: share)
        var remaining = Set(0..<m)
        var round = 0
        while true {
            var best: Rational?
            var tied: [Int] = []
            for p in remaining.sorted() {
                let cost = election.projects[p].cost
                let supporters = (0..<n).filter { u[$0][p] > .zero }
                var money = Rational.zero
                for i in supporters { money += budget[i] }
                if supporters.isEmpty || money < cost { continue }
                // Sort supporters by b_i / u_i(p) and peel off those who cannot pay.
                let sorted = supporters.sorted { budget[$0] / u[$0][p] < budget[$1] / u[$1][p] }
                var rest = cost
                var rho: Rational?
                for (k, i) in sorted.enumerated() {
                    var utilities = Rational.zero
                    for h in sorted[k...] { utilities += u[h][p] }
                    let candidate = rest / utilities
                    if candidate * u[i][p] <= budget[i] {
                        rho = candidate
                        break
                    }
                    rest -= budget[i]
                }
                guard let rho else { fatalError("affordable project without rho") }
                if best == nil || rho < best! {
                    best = rho
                    tied = [p]
                } else if rho == best! {
                    tied.append(p)
                }
            }
            guard let rho = best else { break }
            round += 1
            let winner = tied.count == 1 ? tied[0] : try ties.breakTie(tied, context: "round \(round)").winner
            for i in 0..<n where u[i][winner] > .zero {
                budget[i] -= min(budget[i], rho * u[i][winner])
            }
            run.funded.append(winner)
            run.rhos.append(rho)
            run.cost += election.projects[winner].cost
            remaining.remove(winner)
        }
        for b in budget {
            run.leftover += b
            if b > run.leftoverMax { run.leftoverMax = b }
        }
        return run
    }

    func isSupported(_ p: Int) -> Bool {
        (0..<election.ballots.count).contains { points(voter: $0, project: p) > 0 }
    }

    /// The whole rule: MES, the completion, the comparison step.
    func count(completion: Completion, variant: Add1Variant, comparison: ComparisonMode) throws -> Result {
        let n = Rational(election.ballots.count)
        let budget = election.budget
        let exact = budget / n
        var current = try mes(share: exact)
        var steps = 0
        if completion == .add1 || completion == .add1u {
            let supported = election.projects.indices.filter(isSupported)
            var share = variant == .pabutools ? exact : exact.floor
            while true {
                if Set(current.funded) == Set(supported) { break }
                if variant != .pabulib {
                    let candidates = variant == .pabutools ? supported : Array(election.projects.indices)
                    let fits = candidates.contains { !current.funded.contains($0) && current.cost + election.projects[$0].cost <= budget }
                    if !fits { break }
                }
                share = share + Rational(1)
                let next = try mes(share: share)
                if next.cost > budget { break }
                current = next
                steps += 1
            }
        }
        var funded = current.funded
        var cost = current.cost
        if completion == .greedy || completion == .add1u {
            for p in try greedyOrder() where !funded.contains(p) && cost + election.projects[p].cost <= budget {
                funded.append(p)
                cost += election.projects[p].cost
            }
        }
        if comparison != .none {
            var greedy: [Int] = []
            var greedyCost = Rational.zero
            for p in try greedyOrder() where greedyCost + election.projects[p].cost <= budget {
                greedy.append(p)
                greedyCost += election.projects[p].cost
            }
            var preferGreedy = 0
            var preferMES = 0
            for i in 0..<election.ballots.count {
                var g = greedy.filter { points(voter: i, project: $0) > 0 }.count
                var m = funded.filter { points(voter: i, project: $0) > 0 }.count
                if comparison == .exclusion {
                    g = min(g, 1)
                    m = min(m, 1)
                }
                if g > m { preferGreedy += 1 }
                if m > g { preferMES += 1 }
            }
            if preferGreedy > preferMES {
                funded = greedy
                cost = greedyCost
            }
        }
        return Result(funded: funded, cost: cost, run: current, add1Steps: steps)
    }

    /// Every project by score (sum of points; votes on approval ballots), highest first,
    /// ties by the chain.
    func greedyOrder() throws -> [Int] {
        let score = election.projects.indices.map { p in
            (0..<election.ballots.count).reduce(Int64(0)) { $0 + points(voter: $1, project: p) }
        }
        var order: [Int] = []
        for p in election.projects.indices {
            // Insertion: before the first project that comes later.
            var k = 0
            while k < order.count {
                let q = order[k]
                if score[p] > score[q] { break }
                if score[p] == score[q] {
                    let c = ties.compare(p, q)
                    if c == 0 { throw CountError.unresolvedTie([election.projects[p].id, election.projects[q].id], "chain") }
                    if c < 0 { break }
                }
                k += 1
            }
            order.insert(p, at: k)
        }
        return order
    }
}
