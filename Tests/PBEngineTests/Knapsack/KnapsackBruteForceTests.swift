import PBEngine
import Testing

/// Knapsack against brute force: every subset of up to 20 projects, on seeded random
/// elections (approval and points ballots, integer and decimal costs, many ties).
@Suite("Knapsack: brute force")
struct KnapsackBruteForceTests {
    /// The maximum welfare, the lexicographically first optimal set under `order` (a set is
    /// a bit vector read in `order`; 1 beats 0 at the first difference), and the number of
    /// optimal sets, by enumerating every subset in Gray-code order.
    static func bruteForce(costs: [Rational], welfare: [Rational], budget: Rational, order: [Int]) -> (welfare: Rational, set: Set<Int>, optima: Int) {
        let n = costs.count
        var inSet = [Bool](repeating: false, count: n)
        var cost = Rational.zero
        var value = Rational.zero
        var best = Rational.zero
        var bestSet: [Bool] = inSet
        var optima = 1
        func better(_ a: [Bool], than b: [Bool]) -> Bool {
            for p in order where a[p] != b[p] { return a[p] }
            return false
        }
        for step in 1 ..< (1 << n) {
            let flip = step.trailingZeroBitCount
            inSet[flip].toggle()
            if inSet[flip] {
                cost += costs[flip]
                value += welfare[flip]
            } else {
                cost -= costs[flip]
                value -= welfare[flip]
            }
            guard cost <= budget else { continue }
            if value > best {
                best = value
                bestSet = inSet
                optima = 1
            } else if value == best {
                optima += 1
                if better(inSet, than: bestSet) { bestSet = inSet }
            }
        }
        return (best, Set((0..<n).filter { bestSet[$0] }), optima)
    }

    /// A random election: `n` projects, costs `1...40` (in quarters when `decimal`), up to 12
    /// voters, approval or cumulative ballots.
    static func randomElection(seed: UInt64, projects n: Int, points: Bool, decimal: Bool) -> Election {
        var random = SplitMix64(seed: seed)
        func draw(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
        let projects = (0..<n).map { p -> Project in
            let cost = decimal ? Rational(1 + draw(160), 4) : Rational(1 + draw(40))
            return Project(id: "p\(p)", cost: cost)
        }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let budget = total * Rational(1 + draw(9), 10)
        var lists: [[Int]] = []
        var pointLists: [[Int64]] = []
        for _ in 0 ..< (1 + draw(12)) {
            let ballot = (0..<n).filter { _ in draw(3) == 0 }
            lists.append(ballot)
            pointLists.append(ballot.map { _ in Int64(1 + draw(5)) })
        }
        return Election(projects: projects, budget: budget, voteType: points ? .cumulative : .approval,
                        ballots: Ballots(lists, points: points ? pointLists : nil))
    }

    static func check(_ election: Election, utility: Utility, chain: [TieCriterion]) throws {
        var options = CountOptions()
        options.rule = "knapsack"
        options.utility = utility
        options.tieChain = chain
        let outcome = try KnapsackRule.count(election, options: options)

        let support = election.support()
        let costs = election.projects.map(\.cost)
        let welfare = election.projects.indices.map { p in
            utility == .cost ? Rational(Int(support.score[p])) * costs[p] : Rational(Int(support.score[p]))
        }
        let ties = TieBreaking(chain: chain, election: election)
        let order = election.projects.indices.sorted { a, b in
            let c = ties.compare(a, b)
            return c != 0 ? c < 0 : a < b
        }
        let expected = bruteForce(costs: costs, welfare: welfare, budget: election.budget, order: order)
        #expect(outcome.detail("welfare") == .rational(expected.welfare))
        #expect(Set(outcome.funded) == expected.set)
        #expect(outcome.detail("unique") == .flag(expected.optima == 1))
        #expect(outcome.ties.isEmpty == (expected.optima == 1))
        #expect(outcome.totalCost <= election.budget)
        #expect(outcome.totalCost == outcome.funded.reduce(Rational.zero) { $0 + costs[$1] })
        // Funded in decision (chain) order.
        #expect(outcome.funded == order.filter { expected.set.contains($0) })
    }

    static let chains: [[TieCriterion]] = [TieBreaking.defaultChain, [.id], [.lot(seed: 7)], [.costDescending, .file]]

    @Test("random approval elections", arguments: 0 ..< 40)
    func approval(seed: Int) throws {
        let n = 1 + seed % 14
        let election = Self.randomElection(seed: UInt64(seed), projects: n, points: false, decimal: seed % 3 == 0)
        for utility in Utility.allCases {
            try Self.check(election, utility: utility, chain: Self.chains[seed % Self.chains.count])
        }
    }

    @Test("random points elections", arguments: 100 ..< 130)
    func points(seed: Int) throws {
        let n = 1 + seed % 13
        let election = Self.randomElection(seed: UInt64(seed), projects: n, points: true, decimal: seed % 2 == 0)
        for utility in Utility.allCases {
            try Self.check(election, utility: utility, chain: Self.chains[seed % Self.chains.count])
        }
    }

    @Test("twenty projects", arguments: [1000, 1001, 1002])
    func twenty(seed: Int) throws {
        let election = Self.randomElection(seed: UInt64(seed), projects: 20, points: seed % 2 == 1, decimal: seed == 1002)
        try Self.check(election, utility: .cost, chain: [.id])
        try Self.check(election, utility: .cardinality, chain: TieBreaking.defaultChain)
    }

    /// One voter per project and cost utility: every project has the same ratio, so the
    /// count is a subset sum; with even costs and an odd budget no set fills the budget,
    /// which a bound that ignores the costs' common divisor cannot see.
    @Test("equal ratios, even costs, odd budget", arguments: [5, 6])
    func subsetSum(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let projects = (0..<18).map { Project(id: "s\($0)", cost: Rational(2 * Int(1000 + random.next(upperBound: 100_000)))) }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let budget = (total / Rational(3)).floor + Rational(1)
        let odd = (budget / Rational(2)).isInteger ? budget + Rational(1) : budget
        let election = Election(projects: projects, budget: odd, ballots: Ballots((0..<18).map { [$0] }))
        try Self.check(election, utility: .cost, chain: TieBreaking.defaultChain)
    }

    @Test("values beyond 64 bits take the exact rational path")
    func huge() throws {
        var random = SplitMix64(seed: 99)
        let projects = (0..<12).map { p in
            Project(id: "h\(p)", cost: Rational(exactly: "\(1 + random.next(upperBound: 9))00000000000000000\(random.next(upperBound: 10))/7")!)
        }
        let lists = (0..<9).map { v in (0..<12).filter { ($0 + v) % 3 != 0 } }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let election = Election(projects: projects, budget: total / Rational(2), ballots: Ballots(lists))
        var options = CountOptions()
        options.utility = .cost
        let outcome = try KnapsackRule.count(election, options: options)
        #expect(outcome.detail("arithmetic") == .text("rational"))
        try Self.check(election, utility: .cost, chain: TieBreaking.defaultChain)
    }
}
