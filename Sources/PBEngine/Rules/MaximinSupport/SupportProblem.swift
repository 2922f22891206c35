/// The load of one set of projects (`W + p` in a round of maximin support): the least
/// possible maximum money a voter carries when every cost is split among the project's
/// supporters, `L = max over non-empty T of c(T) / |N(T)|`.
///
/// Voters who approve the same projects of the set are one *class* with a weight; the
/// load depends only on the classes.
///
/// The load is found exactly by Dinkelbach's method on a parametric maximum flow: start
/// from a load `λ` that some set already reaches (a lower bound); if a flow
/// (``SupportFlow``) at `λ` places every cost, `L = λ`; otherwise the source side `T` of
/// a minimum cut has `c(T) / |N(T)| > λ` (its supporters cannot carry it), so move `λ`
/// up to that ratio and repeat. Each step reaches a strictly larger ratio of a set that
/// exists, so the method ends, and it ends at `L` exactly. No floating point, no LP.
struct SupportProblem {
    /// The cost of each project of the set (local positions).
    var costs: [Rational]
    /// The costs times the election's common denominator, when every one fits in 64 bits.
    var scaledCosts: [Int64]?
    /// That common denominator (1 when the costs are integers).
    var scale: Int64
    /// The weight (number of voters) of each class.
    var classWeights: [Int]
    /// Class `k` approves `classProjects[classOffsets[k] ..< classOffsets[k + 1]]`.
    var classOffsets: [Int32]
    var classProjects: [Int32]

    /// What a load computation found.
    enum Evaluation: Equatable {
        /// The load, exactly.
        case exact(Rational)
        /// The search stopped above the limit: the load is at least this (a set reaches it).
        case atLeast(Rational)
    }

    /// The load of the set.
    ///
    /// - Parameters:
    ///   - lowerBound: a ratio `c(T) / |N(T)|` that some non-empty `T` of the set reaches
    ///     (so that `L >= lowerBound`); the search starts there.
    ///   - limit: when given, stop as soon as the load is known to be above it.
    /// - Returns: `.exact(L)`, or `.atLeast(x)` with `x > limit`.
    /// - Complexity: one maximum flow per Dinkelbach step; each step raises `λ` to the
    ///   ratio of a new set, in practice one to three steps.
    func load(from lowerBound: Rational, giveUpAbove limit: Rational?) -> Evaluation {
        var lambda = lowerBound
        while true {
            let (placed, side) = flow(at: lambda)
            if placed { return .exact(lambda) }
            var cost = Rational.zero
            for q in side { cost += costs[q] }
            let voters = supporters(of: side)
            precondition(voters > 0, "SupportProblem: a cut side without supporters (every project here has a supporter)")
            let ratio = cost / Rational(voters)
            precondition(ratio > lambda, "SupportProblem: Dinkelbach step did not raise the load")
            lambda = ratio
            if let limit, lambda > limit { return .atLeast(lambda) }
        }
    }

    /// The number of voters who approve at least one project of `projects`.
    ///
    /// - Complexity: O(class entries).
    func supporters(of projects: [Int]) -> Int {
        var inside = [Bool](repeating: false, count: costs.count)
        for q in projects { inside[q] = true }
        var total = 0
        for k in classWeights.indices {
            for i in Int(classOffsets[k]) ..< Int(classOffsets[k + 1]) where inside[Int(classProjects[i])] {
                total += classWeights[k]
                break
            }
        }
        return total
    }

    /// Whether every cost can be placed with nobody above `lambda`, and if not, the
    /// projects on the source side of a minimum cut.
    ///
    /// Integer path: with `λ × scale = a / b`, the capacities times `b` are `c(q) × scale × b`
    /// and `a × weight`; used when their sums fit in 63 bits with room, else exact rationals.
    /// - Complexity: one maximum flow.
    func flow(at lambda: Rational) -> (placed: Bool, sourceSide: [Int]) {
        if let scaledCosts, let (a, b) = (lambda * Rational(Int(scale))).smallParts {
            var sources = [Int64]()
            sources.reserveCapacity(scaledCosts.count)
            var sinks = [Int64]()
            sinks.reserveCapacity(classWeights.count)
            var sourceTotal: Int64 = 0
            var sinkTotal: Int64 = 0
            var fits = true
            let room = Int64.max / 4
            for c in scaledCosts {
                let (x, o1) = c.multipliedReportingOverflow(by: b)
                let (s, o2) = sourceTotal.addingReportingOverflow(x)
                if o1 || o2 || s > room { fits = false; break }
                sources.append(x)
                sourceTotal = s
            }
            if fits {
                for w in classWeights {
                    let (x, o1) = a.multipliedReportingOverflow(by: Int64(w))
                    let (s, o2) = sinkTotal.addingReportingOverflow(x)
                    if o1 || o2 || s > room { fits = false; break }
                    sinks.append(x)
                    sinkTotal = s
                }
            }
            if fits {
                var network = SupportFlow(projectCapacities: sources, classCapacities: sinks,
                                          classOffsets: classOffsets, classProjects: classProjects)
                let value = network.maximumFlow()
                return value == sourceTotal ? (true, []) : (false, network.sourceSideProjects())
            }
        }
        return rationalFlow(at: lambda)
    }

    /// The same flow in exact rationals (capacities `c(q)` and `λ × weight`).
    @inline(never)
    private func rationalFlow(at lambda: Rational) -> (placed: Bool, sourceSide: [Int]) {
        let total = costs.reduce(Rational.zero, +)
        var network = SupportFlow(projectCapacities: costs, classCapacities: classWeights.map { lambda * Rational($0) },
                                  classOffsets: classOffsets, classProjects: classProjects)
        let value = network.maximumFlow()
        return value == total ? (true, []) : (false, network.sourceSideProjects())
    }
}
