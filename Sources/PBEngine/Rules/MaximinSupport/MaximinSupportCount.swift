/// Maximin support for participatory budgeting, exact: pabutools 1.2.3 `maximin_support`,
/// introduced as "generalised sequential Phragmén" in Aziz, Lee, Talmon, "Proportionally
/// representative participatory budgeting: axioms and algorithms" (AAMAS 2018).
///
/// Implements RULES.md, "Maximin support": the load `L(W)` of a set `W` is the least
/// possible maximum money a voter carries when each cost is split among the project's
/// supporters, `L(W) = max over non-empty T ⊆ W of c(T) / |N(T)|`. Each round funds, among
/// the unfunded projects that fit in the money left, the one with the smallest
/// `L(W + p)` (ties: the chain, context `round K`); the count stops when nothing fits, or
/// when every project that fits has nobody approving it (infinite load).
///
/// pabutools solves a floating-point LP per candidate and round. Here each `L(W + p)` is a
/// parametric maximum flow solved exactly (``SupportProblem``), on voters merged into
/// classes (``SupportClasses``), and evaluated lazily: `L(W + p)` never decreases as `W`
/// grows (a superset has more sets `T` to choose from, and `N(T)` does not depend on `W`),
/// so a candidate whose last known load is already above this round's best need not be
/// recomputed. See `Guides/MaximinSupport.md`.
enum MaximinSupportCount {
    /// Counts `election` by maximin support.
    ///
    /// - Throws: ``CountError/unsupported(_:)`` for ballots with points;
    ///   ``CountError/unresolvedTie(_:_:)`` when the chain leaves the smallest load tied.
    /// - Complexity: O(R × E) maximum flows for `R` rounds and `E` candidates evaluated per
    ///   round (laziness keeps `E` far below the number of projects); each flow is over the
    ///   classes of the funded set, at most min(distinct ballots, 2^|W|) nodes.
    static func run(_ election: Election, ties: TieBreaking) throws -> MaximinSupportTrace {
        guard election.ballots.points == nil else {
            throw CountError.unsupported("maximin-support counts approval ballots; \(election.source.isEmpty ? "this election" : election.source) has \(election.voteType.rawValue) ballots")
        }
        let projectCount = election.projects.count
        let costs = election.projects.map(\.cost)
        let (scaledCosts, scale) = Self.scaled(costs)
        var classes = SupportClasses(election)
        let votes = classes.votes

        // A lower bound of L(W + p) for the current W, reached by some set: c(p)/votes(p)
        // at first, then the last value (exact or not) found for p.
        var bound: [Rational] = (0..<projectCount).map { votes[$0] > 0 ? costs[$0] / Rational(votes[$0]) : .zero }
        var isFunded = [Bool](repeating: false, count: projectCount)
        var freshRound = [Int](repeating: -1, count: projectCount)
        var load = Rational.zero
        var left = election.budget
        var rounds: [MaximinSupportTrace.Round] = []
        var tieRecords: [TieRecord] = []
        var order: [Int] = []
        let stop: MaximinSupportTrace.StopReason

        while true {
            let fitting = (0..<projectCount).filter { !isFunded[$0] && costs[$0] <= left }
            if fitting.isEmpty {
                stop = order.count == projectCount ? .allFunded : .nothingFits
                break
            }
            let candidates = fitting.filter { votes[$0] > 0 }
            if candidates.isEmpty {
                stop = .onlyUnsupportedFit
                break
            }
            let roundNumber = rounds.count + 1
            let byBound = candidates.sorted { a, b in
                let c = Rational.compare(bound[a], bound[b])
                return c != 0 ? c < 0 : a < b
            }
            var best: Rational?
            var tied: [Int] = []
            for p in byBound {
                if let b = best, bound[p] > b { break }
                let problem = classes.problem(adding: p, costs: costs, scaledCosts: scaledCosts, scale: scale)
                switch problem.load(from: max(bound[p], load), giveUpAbove: best) {
                case let .exact(value):
                    bound[p] = value
                    freshRound[p] = roundNumber
                    let c = best.map { Rational.compare(value, $0) } ?? -1
                    if c < 0 {
                        best = value
                        tied = [p]
                    } else if c == 0 {
                        tied.append(p)
                    }
                case let .atLeast(value):
                    bound[p] = value
                }
            }
            guard let winnerLoad = best else { preconditionFailure("MaximinSupportCount: no candidate evaluated") }
            var winner = tied[0]
            if tied.count > 1 {
                let (w, record) = try ties.breakTie(tied.sorted(), context: "round \(roundNumber)")
                winner = w
                tieRecords.append(record)
            }
            left -= costs[winner]
            let considered = fitting.map { p in
                votes[p] == 0
                    ? MaximinSupportTrace.Candidate(project: p, load: nil, isExact: true)
                    : MaximinSupportTrace.Candidate(project: p, load: max(bound[p], load), isExact: freshRound[p] == roundNumber)
            }
            rounds.append(.init(project: winner, load: winnerLoad, moneyLeft: left, supporters: votes[winner], candidates: considered))
            load = winnerLoad
            isFunded[winner] = true
            order.append(winner)
            classes.fund(winner)
        }
        return MaximinSupportTrace(funded: order, totalCost: election.budget - left, rounds: rounds, ties: tieRecords, stop: stop)
    }

    /// The costs times their common denominator, as 64-bit integers, when all fit.
    ///
    /// - Complexity: O(projects).
    static func scaled(_ costs: [Rational]) -> (scaled: [Int64]?, scale: Int64) {
        var scale: Int64 = 1
        for c in costs {
            guard let (_, d) = c.smallParts else { return (nil, 1) }
            let g = Int64(Rational.gcd(UInt64(scale), UInt64(d)))
            let (l, o) = (scale / g).multipliedReportingOverflow(by: d)
            if o { return (nil, 1) }
            scale = l
        }
        var out: [Int64] = []
        out.reserveCapacity(costs.count)
        for c in costs {
            guard let (n, d) = c.smallParts else { return (nil, 1) }
            let (x, o) = n.multipliedReportingOverflow(by: scale / d)
            if o { return (nil, scale) }
            out.append(x)
        }
        return (out, scale)
    }
}
