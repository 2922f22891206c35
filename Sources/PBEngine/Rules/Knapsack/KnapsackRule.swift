/// Maximum welfare: the set of projects of greatest total utility within the budget,
/// proven optimal in exact arithmetic (pabutools `max_additive_utilitarian_welfare`).
///
/// Implements RULES.md, "Knapsack: maximum welfare (exact)": maximise
/// `sum_{p in W} sum_i u_i(p)` subject to `c(W) <= B`, with `u_i(p) = w_i(p) * c(p)`
/// (`cost`) or `w_i(p)` (`cardinality`), `w_i(p)` 1 on approval ballots or the points.
/// Costs and the budget are scaled by the common denominator of the costs, so weights
/// and profits are integers; they are solved in `Int64` with 128-bit products when every
/// sum provably fits, else in ``Rational`` (GMP behind it). Among several optimal sets the
/// one returned is lexicographically first under the tie chain: projects are decided in
/// chain order, and a project is kept in when some optimum contains it together with the
/// decisions made so far. The result says the optimal welfare, whether the optimum is
/// unique, and each funded project's share of the welfare.
///
/// See `Guides/Knapsack.md`.
public enum KnapsackRule: CountingRule {
    public static let name = "knapsack"
    public static let summary = "Maximum total utility within the budget, solved exactly (first optimum in tie-chain order)."

    /// The rule's options.
    public struct Options: Sendable, Equatable {
        public var utility: Utility = .cost

        public init(utility: Utility = .cost) {
            self.utility = utility
        }
    }

    public static let optionSpecs = [Utility.spec]

    /// How the solver got there: its arithmetic, searches and nodes.
    public static let workDetails = ["arithmetic", "searches", "nodes"]

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options {
        Options(utility: try settings.choice("utility", default: .cost))
    }

    public static func recorded(_ options: Options) -> [RecordedOption] {
        [RecordedOption("utility", options.utility.rawValue)]
    }

    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<KnapsackTrace> {
        var count = try solve(election, options: options, tieChain: common.tieChain)
        if common.traceDetail == .explanation {
            count.trace.alternatives = try alternatives(election, count: count, options: options, tieChain: common.tieChain)
        }
        return count
    }

    /// For each project within the budget: the best welfare without it (funded projects)
    /// or with it forced in (the others), as `explain` tells it.
    ///
    /// - Complexity: one more solve per project.
    static func alternatives(_ election: Election, count: RuleCount<KnapsackTrace>, options: Options, tieChain: [TieCriterion]) throws -> [KnapsackTrace.Alternative] {
        let funded = Set(count.funded)
        var out: [KnapsackTrace.Alternative] = []
        for p in election.projects.indices where election.projects[p].cost <= election.budget {
            let rest = election.removing(project: p)
            let back = { (q: Int) in q < p ? q : q + 1 }
            if funded.contains(p) {
                let without = try solve(rest, options: options, tieChain: tieChain)
                out.append(.init(project: p, forcedIn: false, welfare: without.trace.welfare, funded: without.funded.map(back)))
            } else {
                var forced = rest
                forced.budget = election.budget - election.projects[p].cost
                let with = try solve(forced, options: options, tieChain: tieChain)
                out.append(.init(project: p, forcedIn: true, welfare: count.trace.projectWelfare[p] + with.trace.welfare,
                                 funded: [p] + with.funded.map(back)))
            }
        }
        return out
    }

    /// - Throws: ``CountError/unresolvedTie(_:_:)`` when several optima exist and the chain
    ///   cannot tell apart the projects in which they differ.
    /// - Complexity: O(ballot entries + p log p) plus at most `p + 1` branch-and-bound
    ///   searches over `p` projects (see ``KnapsackSolver``).
    static func solve(_ election: Election, options: Options, tieChain: [TieCriterion]) throws -> RuleCount<KnapsackTrace> {
        let support = election.support()
        let ties = TieBreaking(chain: tieChain, election: election, support: support)
        let budget = election.budget
        let costs = election.projects.map(\.cost)
        // Total utility per project; projects dearer than the budget can never be funded.
        let welfare: [Rational] = election.projects.indices.map { p in
            let score = Rational(Int(support.score[p]))
            return options.utility == .cost ? score * costs[p] : score
        }
        let eligible = election.projects.indices.filter { costs[$0] <= budget }
        precondition(eligible.allSatisfy { costs[$0] > .zero && welfare[$0] >= .zero },
                     "KnapsackRule: costs must be positive and utilities non-negative")
        // Decision order: the tie chain (file order only where the chain is silent; an
        // optimum that depends on such a pair is reported as an unresolved tie below).
        let decisionOrder = eligible.indices.sorted { a, b in
            let c = ties.compare(eligible[a], eligible[b])
            return c != 0 ? c < 0 : a < b
        }

        let solution: (chosen: [Int], alternatives: [(item: Int, optimalSet: [Int])], arithmetic: String, searches: Int, nodes: Int)
        if let scaled = scaledIntegers(costs: eligible.map { costs[$0] }, budget: budget,
                                       scores: eligible.map { support.score[$0] }, utility: options.utility) {
            let solver = KnapsackSolver(weights: scaled.weights, profits: scaled.profits, capacity: scaled.capacity)
            let optimum = solver.lexicographicOptimum(decisionOrder: decisionOrder)
            solution = (optimum.chosen, optimum.alternatives, "int64", optimum.searches, optimum.nodes)
        } else {
            let weights = eligible.map { costs[$0] }
            let total = weights.reduce(Rational.zero, +)
            let solver = KnapsackSolver(weights: weights, profits: eligible.map { welfare[$0] }, capacity: min(budget, total))
            let optimum = solver.lexicographicOptimum(decisionOrder: decisionOrder)
            solution = (optimum.chosen, optimum.alternatives, "rational", optimum.searches, optimum.nodes)
        }

        let funded = solution.chosen.map { eligible[$0] }
        var tieRecords: [TieRecord] = []
        let fundedSet = Set(funded)
        for alternative in solution.alternatives {
            // The projects in which the chosen optimum and the other one differ; the chain
            // decided for the first of them.
            let other = Set(alternative.optimalSet.map { eligible[$0] })
            let differ = fundedSet.symmetricDifference(other).sorted()
            let item = eligible[alternative.item]
            let context = "optimal sets differ at \(election.projects[item].id)"
            if differ.count >= 2 {
                let (winner, record) = try ties.breakTie(differ, context: context)
                precondition(winner == item, "KnapsackRule: the chain must put the kept project first")
                tieRecords.append(TieRecord(context: context, projects: differ.sorted { ties.compare($0, $1) < 0 },
                                            winner: item, criterion: record.criterion))
            } else {
                // A project of zero welfare: keeping it in or not gives the same welfare.
                tieRecords.append(TieRecord(context: context, projects: differ, winner: item, criterion: "fits"))
            }
        }
        let totalCost = funded.reduce(Rational.zero) { $0 + costs[$1] }
        let totalWelfare = funded.reduce(Rational.zero) { $0 + welfare[$1] }
        var left = budget
        let steps = funded.map { p in
            left -= costs[p]
            return KnapsackTrace.Step(project: p, votes: support.votes[p], score: Int(support.score[p]), welfare: welfare[p], moneyLeft: left)
        }
        let trace = KnapsackTrace(utility: options.utility, steps: steps, welfare: totalWelfare, unique: solution.alternatives.isEmpty,
                                  arithmetic: solution.arithmetic, searches: solution.searches, nodes: solution.nodes,
                                  projectWelfare: welfare, budget: budget)
        return RuleCount(funded: funded, totalCost: totalCost, ties: tieRecords, trace: trace)
    }

    /// Weights `c(p) * D / g`, capacity `floor(B * D / g)` and profits (`score * c(p) * D`
    /// or `score`) as `Int64`, with `D` the common denominator of the costs and `g` the
    /// greatest common divisor of the scaled costs, when all of them and every sum of them
    /// fit (the capacity is capped at the total weight, which changes nothing); `nil`
    /// otherwise.
    ///
    /// - Complexity: O(p).
    static func scaledIntegers(costs: [Rational], budget: Rational, scores: [Int64], utility: Utility) -> (weights: [Int64], profits: [Int64], capacity: Int64)? {
        var denominator: Int64 = 1
        for cost in costs {
            guard let (_, d) = cost.smallParts else { return nil }
            let g = Int64(Rational.gcd(UInt64(denominator), UInt64(d)))
            let (m, overflow) = denominator.multipliedReportingOverflow(by: d / g)
            if overflow { return nil }
            denominator = m
        }
        let scale = Rational(Int(denominator))
        var weights: [Int64] = []
        var profits: [Int64] = []
        var totalWeight: Int64 = 0
        var totalProfit: Int64 = 0
        for (k, cost) in costs.enumerated() {
            guard let (w, one) = (cost * scale).smallParts, one == 1 else { return nil }
            let profit: Int64
            if utility == .cost {
                let (x, overflow) = w.multipliedReportingOverflow(by: scores[k])
                if overflow { return nil }
                profit = x
            } else {
                profit = scores[k]
            }
            let (sw, o1) = totalWeight.addingReportingOverflow(w)
            let (sp, o2) = totalProfit.addingReportingOverflow(profit)
            if o1 || o2 { return nil }
            totalWeight = sw
            totalProfit = sp
            weights.append(w)
            profits.append(profit)
        }
        // Sums of a prefix and the capacity must fit too: the bound adds them.
        let capacity = min((budget * scale).floor, Rational(Int(totalWeight)))
        guard let (c, _) = capacity.smallParts, !totalWeight.addingReportingOverflow(c).overflow else { return nil }
        // Divide the weights by their greatest common divisor (and the capacity, rounding
        // down): the same sets fit, and the fractional bound no longer counts room that no
        // set can fill (costs in thousands against a budget that is not, even costs against
        // an odd budget), which would otherwise leave the search nothing to prune.
        let g = weights.reduce(UInt64(0)) { Rational.gcd($0, UInt64($1)) }
        if g > 1 {
            let divisor = Int64(g)
            return (weights.map { $0 / divisor }, profits, c / divisor)
        }
        return (weights, profits, c)
    }
}
