/// An exact 0/1 knapsack solver: branch and bound, depth first, items in profit/weight
/// order, pruned by the fractional (Dantzig) bound; the lexicographically first optimum
/// under a given decision order.
///
/// Horowitz and Sahni (1974); Martello and Toth, *Knapsack Problems* (1990), ch. 2.5.
/// Every number is exact (``KnapsackScalar``), so "optimal" is a proof, not a tolerance.
struct KnapsackSolver<Scalar: KnapsackScalar> {
    /// Weight of each item (positive).
    let weights: [Scalar]
    /// Profit of each item (non-negative).
    let profits: [Scalar]
    /// The capacity.
    let capacity: Scalar
    /// Item indices by profit/weight, best first (equal ratios: heavier first, then lower
    /// index).
    let ratioOrder: [Int]

    /// The optimum and how it was chosen.
    struct Optimum {
        /// The optimal total profit.
        var profit: Scalar
        /// The chosen items, in decision order.
        var chosen: [Int]
        /// Each decision where another optimum exists: the item that was kept in, and an
        /// optimal set (all its items) that agrees with the earlier decisions but leaves
        /// that item out. Empty exactly when the optimum is unique.
        var alternatives: [(item: Int, optimalSet: [Int])]
        /// Branch-and-bound nodes visited over all searches.
        var nodes: Int
        /// Searches run (one for the optimum, at most one per item after it).
        var searches: Int
    }

    /// - Precondition: as many weights as profits; weights positive, profits non-negative.
    /// - Complexity: O(n log n).
    init(weights: [Scalar], profits: [Scalar], capacity: Scalar) {
        precondition(weights.count == profits.count, "KnapsackSolver: one profit per weight")
        precondition(weights.allSatisfy { $0 > .zero } && profits.allSatisfy { $0 >= .zero },
                     "KnapsackSolver: weights must be positive and profits non-negative")
        self.weights = weights
        self.profits = profits
        self.capacity = capacity
        // Equal ratios: heavier first, so that the light ones are left to fill the last room.
        ratioOrder = weights.indices.sorted { a, b in
            let c = Scalar.compareRatios(profits[a], weights[a], profits[b], weights[b])
            if c != 0 { return c > 0 }
            return weights[a] != weights[b] ? weights[a] > weights[b] : a < b
        }
    }

    /// The optimum that is lexicographically first under `decisionOrder`: items are
    /// decided one by one in that order, and an item is kept in exactly when some optimal
    /// set contains it together with every item kept in so far and none left out so far.
    ///
    /// One search finds the optimal profit and a witness set. Then a witness (an optimal set
    /// that agrees with every decision so far) is kept: an item in the witness is kept in
    /// without a search, and one search with the item left out tells whether another optimum
    /// exists; an item outside the witness needs one search with it forced in, and if that
    /// finds an optimum, the old witness shows that leaving it out was optimal too.
    ///
    /// - Parameter decisionOrder: every item index once (the tie chain's order).
    /// - Complexity: at most `n + 1` branch-and-bound searches; each is exponential in the
    ///   worst case and fast on participatory-budgeting instances, where the fractional
    ///   bound is tight.
    func lexicographicOptimum(decisionOrder: [Int]) -> Optimum {
        let n = weights.count
        precondition(decisionOrder.count == n && Set(decisionOrder).count == n,
                     "KnapsackSolver: the decision order lists every item once")
        var nodes = 0
        var searches = 1

        // Greedy by ratio gives the first incumbent.
        var greedyProfit = Scalar.zero
        var greedyWeight = Scalar.zero
        var greedySet: [Int] = []
        for item in ratioOrder where greedyWeight + weights[item] <= capacity {
            greedyWeight = greedyWeight + weights[item]
            greedyProfit = greedyProfit + profits[item]
            greedySet.append(item)
        }
        let first = search(free: ratioOrder, capacity: capacity, threshold: greedyProfit, maximize: true, nodes: &nodes)
        let optimum = first?.profit ?? greedyProfit
        var witness = [Bool](repeating: false, count: n)
        for item in first?.items ?? greedySet { witness[item] = true }

        var keptIn = [Bool](repeating: false, count: n)
        var leftOut = [Bool](repeating: false, count: n)
        var usedWeight = Scalar.zero
        var usedProfit = Scalar.zero
        var alternatives: [(item: Int, optimalSet: [Int])] = []

        for item in decisionOrder {
            guard usedWeight + weights[item] <= capacity else {
                leftOut[item] = true
                continue
            }
            let free = ratioOrder.filter { $0 != item && !keptIn[$0] && !leftOut[$0] }
            if witness[item] {
                // Kept in; is there an optimum without it?
                searches += 1
                if let other = search(free: free, capacity: capacity - usedWeight,
                                      threshold: optimum - usedProfit, maximize: false, nodes: &nodes) {
                    let set = (0..<n).filter { keptIn[$0] } + other.items
                    alternatives.append((item, set.sorted()))
                }
            } else {
                searches += 1
                let room = capacity - usedWeight - weights[item]
                guard let with = search(free: free, capacity: room, threshold: optimum - usedProfit - profits[item],
                                        maximize: false, nodes: &nodes) else {
                    leftOut[item] = true
                    continue
                }
                alternatives.append((item, (0..<n).filter { witness[$0] }))
                witness = keptIn
                witness[item] = true
                for other in with.items { witness[other] = true }
            }
            keptIn[item] = true
            usedWeight = usedWeight + weights[item]
            usedProfit = usedProfit + profits[item]
        }
        precondition(usedProfit == optimum, "KnapsackSolver: the lexicographic choice must be optimal")
        return Optimum(profit: optimum, chosen: decisionOrder.filter { keptIn[$0] },
                       alternatives: alternatives, nodes: nodes, searches: searches)
    }

    /// Depth-first branch and bound over `free` (item indices in ratio order).
    ///
    /// - Parameters:
    ///   - threshold: with `maximize`, the best set of profit above `threshold` is
    ///     returned; without, the first set found of profit at least `threshold`.
    /// - Returns: the set and its profit, or `nil` when no set meets the threshold.
    /// - Complexity: O(2^k log k) for k free items in the worst case.
    func search(free: [Int], capacity: Scalar, threshold: Scalar, maximize: Bool, nodes: inout Int) -> (profit: Scalar, items: [Int])? {
        guard capacity >= .zero else { return nil }
        var walk = DepthFirst(items: free, weights: free.map { weights[$0] }, profits: free.map { profits[$0] },
                              threshold: threshold, maximize: maximize)
        walk.visit(0, capacity, .zero)
        nodes += walk.nodes
        guard let best = walk.best else { return nil }
        return (walk.threshold, best)
    }
}

/// One branch-and-bound search (the state of ``KnapsackSolver/search(free:capacity:threshold:maximize:nodes:)``).
private struct DepthFirst<Scalar: KnapsackScalar> {
    let items: [Int]
    let w: [Scalar]
    let p: [Scalar]
    /// `prefixW[k]` is the weight of the first `k` items; same for profits.
    let prefixW: [Scalar]
    let prefixP: [Scalar]
    /// The profit to beat (maximize: strictly; otherwise: to reach); raised as sets are found.
    var threshold: Scalar
    let maximize: Bool
    var chosen: [Bool]
    /// The best set found (item indices), if any.
    var best: [Int]?
    var done = false
    var nodes = 0

    init(items: [Int], weights: [Scalar], profits: [Scalar], threshold: Scalar, maximize: Bool) {
        self.items = items
        w = weights
        p = profits
        var pw = [Scalar.zero]
        var pp = [Scalar.zero]
        pw.reserveCapacity(items.count + 1)
        pp.reserveCapacity(items.count + 1)
        for k in items.indices {
            pw.append(pw[k] + weights[k])
            pp.append(pp[k] + profits[k])
        }
        prefixW = pw
        prefixP = pp
        self.threshold = threshold
        self.maximize = maximize
        chosen = [Bool](repeating: false, count: items.count)
    }

    /// The fractional bound: the most profit items `i...` can add within `room`.
    func bound(_ i: Int, _ room: Scalar) -> Scalar {
        let limit = prefixW[i] + room
        var lo = i
        var hi = w.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if prefixW[mid] <= limit { lo = mid } else { hi = mid - 1 }
        }
        var total = prefixP[lo] - prefixP[i]
        if lo < w.count {
            total = total + Scalar.partialProfit(limit - prefixW[lo], of: p[lo], weight: w[lo])
        }
        return total
    }

    mutating func visit(_ i: Int, _ room: Scalar, _ profit: Scalar) {
        nodes += 1
        if maximize ? profit > threshold : profit >= threshold {
            best = items.indices.filter { chosen[$0] }.map { items[$0] }
            threshold = profit
            if !maximize {
                done = true
                return
            }
        }
        if i == w.count { return }
        let upper = profit + bound(i, room)
        if maximize ? upper <= threshold : upper < threshold { return }
        if w[i] <= room {
            chosen[i] = true
            visit(i + 1, room - w[i], profit + p[i])
            chosen[i] = false
            if done { return }
        }
        visit(i + 1, room, profit)
    }
}
