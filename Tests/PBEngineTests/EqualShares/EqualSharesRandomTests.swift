import PBEngine
import Testing

/// The fast ``EqualShares`` against ``PlainEqualShares`` on seeded random small elections:
/// every utility, completion, add1 variant and comparison mode.
@Suite("Equal Shares: fast equals plain on random elections")
struct EqualSharesRandomTests {
    /// A small random election: 2–7 projects with integer or half-unit costs, 1–10 voters
    /// (often repeating a ballot, to exercise merging), approval or points ballots.
    static func randomElection(seed: UInt64, points: Bool) -> Election {
        var g = SplitMix64(seed: seed)
        let m = 2 + Int(g.next(upperBound: 6))
        let n = 1 + Int(g.next(upperBound: 10))
        let projects = (0..<m).map { i -> Project in
            let units = 1 + Int(g.next(upperBound: 20))
            let cost = g.next(upperBound: 4) == 0 ? Rational(units, 2) : Rational(units)
            return Project(id: "p\(m - i)", cost: cost)
        }
        let budget = Rational(5 + Int(g.next(upperBound: 40)))
        var lists: [[Int]] = []
        var pointLists: [[Int64]] = []
        for _ in 0..<n {
            if !lists.isEmpty && g.next(upperBound: 3) == 0 {
                let k = Int(g.next(upperBound: UInt64(lists.count)))
                lists.append(lists[k])
                pointLists.append(pointLists[k])
                continue
            }
            var list: [Int] = []
            var pts: [Int64] = []
            for p in 0..<m where g.next(upperBound: 5) < 2 {
                list.append(p)
                pts.append(Int64(g.next(upperBound: 4)))  // 0 points: listed but no support
            }
            list.shuffle(using: &g)
            lists.append(list)
            pointLists.append(pts)
        }
        if points {
            return Election(projects: projects, budget: budget, voteType: .cumulative,
                            ballots: Ballots(lists, points: pointLists))
        }
        return Election(projects: projects, budget: budget, ballots: Ballots(lists))
    }

    static let completions: [(Completion, Add1Variant)] = [
        (.none, .equalshares), (.greedy, .equalshares),
        (.add1, .equalshares), (.add1, .pabulib), (.add1, .pabutools),
        (.add1u, .equalshares), (.add1u, .pabulib), (.add1u, .pabutools),
    ]

    @Test(arguments: 0..<120)
    func fastEqualsPlain(seed: Int) throws {
        let election = Self.randomElection(seed: UInt64(seed), points: seed % 3 == 2)
        let chain: [TieCriterion] = seed % 2 == 0 ? TieBreaking.defaultChain : [.id]
        for utility in Utility.allCases {
            let plain = PlainEqualShares(election, utility: utility, chain: chain)
            for (completion, variant) in Self.completions {
                for comparison in ComparisonMode.allCases {
                    var options = CountOptions()
                    options.rule = "mes"
                    options.utility = utility
                    options.completion = completion
                    options.add1Variant = variant
                    options.comparison = comparison
                    options.tieChain = chain
                    let fast = try RuleRegistry.count(election, options: options)
                    let slow = try plain.count(completion: completion, variant: variant, comparison: comparison)
                    let what = "seed \(seed) \(utility) \(completion) \(variant) \(comparison)"
                    #expect(fast.funded == slow.funded, "\(what)")
                    #expect(fast.totalCost == slow.cost, "\(what)")
                    #expect(fast.detail("budget_share") == .rational(slow.run.share), "\(what)")
                    #expect(fast.detail("mes_cost") == .rational(slow.run.cost), "\(what)")
                    #expect(fast.detail("leftover_total") == .rational(slow.run.leftover), "\(what)")
                #expect(fast.detail("leftover_max") == .rational(slow.run.leftoverMax), "\(what)")
                    #expect(fast.detail("leftover_max") == .rational(slow.run.leftoverMax), "\(what)")
                    if completion == .add1 || completion == .add1u {
                        #expect(fast.detail("add1_steps") == .integer(slow.add1Steps), "\(what)")
                    }
                    let mesRounds = fast.rounds.filter { $0.value("phase") == .text("mes") }
                    if fast.detail("comparison_result") != .text("greedy") {
                        #expect(mesRounds.map(\.project) == slow.run.funded, "\(what)")
                        #expect(mesRounds.map { $0.value("rho") } == slow.run.rhos.map { .rational($0) }, "\(what)")
                    }
                }
            }
        }
    }

    /// Larger random elections (more voters, more merging, many poor supporters: the
    /// sort-and-peel path), plain MES and every add1 variant.
    @Test(arguments: 0..<24)
    func fastEqualsPlainWithMoreVoters(seed: Int) throws {
        var g = SplitMix64(seed: 1000 + UInt64(seed))
        let m = 4 + Int(g.next(upperBound: 6))
        let n = 20 + Int(g.next(upperBound: 60))
        let projects = (0..<m).map { Project(id: "q\($0)", cost: Rational(1 + Int(g.next(upperBound: 300)))) }
        let lists = (0..<n).map { _ in (0..<m).filter { _ in g.next(upperBound: 3) == 0 } }
        let pointLists = lists.map { $0.map { _ in Int64(1 + g.next(upperBound: 5)) } }
        let budget = Rational(200 + Int(g.next(upperBound: 400)))
        let points = seed % 2 == 1
        let election = points
            ? Election(projects: projects, budget: budget, voteType: .cumulative, ballots: Ballots(lists, points: pointLists))
            : Election(projects: projects, budget: budget, ballots: Ballots(lists))
        let configs: [(Completion, Add1Variant, ComparisonMode)] = [
            (.none, .equalshares, .none), (.add1, .equalshares, .none), (.add1, .pabulib, .satisfaction),
            (.add1u, .pabutools, .exclusion),
        ]
        for utility in Utility.allCases {
            let plain = PlainEqualShares(election, utility: utility, chain: [.id])
            for (completion, variant, comparison) in configs {
                var options = CountOptions()
                options.rule = "mes"
                options.utility = utility
                options.completion = completion
                options.add1Variant = variant
                options.comparison = comparison
                options.tieChain = [.id]
                let fast = try RuleRegistry.count(election, options: options)
                let slow = try plain.count(completion: completion, variant: variant, comparison: comparison)
                let what = "seed \(seed) \(utility) \(completion) \(variant) \(comparison)"
                #expect(fast.funded == slow.funded, "\(what)")
                #expect(fast.detail("budget_share") == .rational(slow.run.share), "\(what)")
                #expect(fast.detail("leftover_total") == .rational(slow.run.leftover), "\(what)")
                #expect(fast.detail("leftover_max") == .rational(slow.run.leftoverMax), "\(what)")
                let mesRounds = fast.rounds.filter { $0.value("phase") == .text("mes") }
                if fast.detail("comparison_result") != .text("greedy") {
                    #expect(mesRounds.map { $0.value("rho") } == slow.run.rhos.map { .rational($0) }, "\(what)")
                }
            }
        }
    }
}
