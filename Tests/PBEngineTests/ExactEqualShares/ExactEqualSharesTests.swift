@testable import PBEngine
import Testing

@Suite("Exact Equal Shares")
struct ExactEqualSharesTests {
    static func options(_ completion: Completion = .none, utility: Utility = .cost, chain: [TieCriterion] = TieBreaking.defaultChain) -> CountOptions {
        var options = CountOptions()
        options.rule = "ees"
        options.completion = completion
        options.utility = utility
        options.tieChain = chain
        return options
    }

    /// a (30), b (40), c (24); voters 1 {a, b}, 2 {a, b}, 3 {b}, 4 {c}, 5 {a, c}, 6 {b}.
    static func example(budget: Int) -> Election {
        Election(projects: [Project(id: "a", cost: Rational(30)), Project(id: "b", cost: Rational(40)), Project(id: "c", cost: Rational(24))],
                 budget: Rational(budget),
                 ballots: Ballots([[0, 1], [0, 1], [1], [2], [0, 2], [1]]))
    }

    /// The rule's own completion for `add-opt` or `add-opt-skip`.
    static func skipOrNot(_ completion: Completion) -> ExactEqualShares.Completion {
        completion == .addOptSkip ? .addOptSkip : .addOpt
    }

    /// Budget 96, 6 voters: 16 each; cost utility ranks by the number of payers.
    ///
    /// Round 1: a 30/3 = 10 <= 16, 3 payers; b 40/4 = 10 <= 16, 4 payers; c 24/2 = 12 <= 16,
    /// 2 payers. Fund b; voters 1, 2, 3, 6 pay 10 and keep 6; 4, 5 keep 16.
    /// Round 2: a: voters 1, 2 hold 6 < 30/3 = 10, dropped; voter 5 holds 16 < 30/1, dropped:
    /// no payer. c: 16 >= 24/2 = 12: 2 payers. Fund c; 4 and 5 pay 12 and keep 4.
    /// Round 3: a: voter 5 holds 4 < 10, dropped; 1, 2 hold 6 < 30/2 = 15, dropped. Stop.
    /// Funded b, c: 64 of 96.
    @Test("hand-worked example, no completion")
    func handWorked() throws {
        let outcome = try ExactEqualShares.count(Self.example(budget: 96), options: Self.options())
        #expect(outcome.funded == [1, 2])
        #expect(outcome.totalCost == Rational(64))
        #expect(outcome.rounds.map { $0.value("payers") } == [.integer(4), .integer(2)])
        #expect(outcome.rounds.map { $0.value("payment") } == [.rational(Rational(10)), .rational(Rational(12))])
        #expect(outcome.ties.isEmpty)
    }

    /// The same election with add-opt. Left 96 - 64 = 32 >= 30 (a): not exhaustive.
    /// The run at share 16 dropped, for a: voters 1, 2 (paid 10) at m = 3, so they could pay
    /// from share 10 + 30/3 = 20; voter 5 (paid 0) at m = 1: from 30; in round 3, voter 5
    /// (paid 12) at m = 3: from 22; voters 1, 2 (paid 10) at m = 2: from 25. Next share: 20.
    /// Share 20: b as before (1, 2, 3, 6 keep 10; 4, 5 keep 20); round 2: a has 3 payers
    /// (10 >= 10), rank 3, beats c (rank 2): fund a, 1 and 2 keep 0, 5 keeps 10; round 3:
    /// c: voter 5 holds 10 < 12, voter 4 holds 20 < 24: stop. Funded b, a: 70 <= 96, and c
    /// (24 <= 26) still fits: go on. Thresholds of this run: voter 5 at 10 + 12 = 22, voter
    /// 4 at 0 + 24 = 24. Share 22: b; a (1, 2 keep 2, 5 keeps 12); c: 12 >= 24/2: fund c.
    /// Funded b, a, c: 94 <= 96 and exhaustive. Result at share 22 (virtual budget 132).
    @Test("hand-worked example, add-opt")
    func handWorkedAddOpt() throws {
        for completion in [Completion.addOpt, .addOptSkip] {
            let outcome = try ExactEqualShares.count(Self.example(budget: 96), options: Self.options(completion))
            #expect(outcome.funded == [1, 0, 2])
            #expect(outcome.totalCost == Rational(94))
            #expect(outcome.detail("share") == .rational(Rational(22)))
            #expect(outcome.detail("virtual_budget") == .rational(Rational(132)))
            #expect(outcome.rounds.map { $0.value("payment") } == [.rational(Rational(10)), .rational(Rational(10)), .rational(Rational(12))])
            // Runs at 16, 20 and 22.
            #expect(outcome.detail("runs") == .integer(3))
            // Cut into stretches of one unit (16, 17], (17, 18], ...: the same walk.
            let cut = try ExactEqualShares.count(Self.example(budget: 96), options: .init(completion: Self.skipOrNot(completion)),
                                                 common: Self.options(completion), stretchWidth: .one)
            #expect(cut.funded == [1, 0, 2] && cut.trace.summary?.share == Rational(22))
        }
    }

    /// Cardinality utility ranks by payers / cost: a 3/30 = 1/10, b 4/40 = 1/10, c 2/24 = 1/12.
    /// a and b tie; the default chain's first criterion, cost, picks a (30 < 40). Voters 1,
    /// 2, 5 pay 10 and keep 6. Round 2: b: 1, 2 hold 6 < 40/4, dropped; 3, 6 hold 16 < 40/2,
    /// dropped. c: 5 holds 6 < 12, dropped; 4 holds 16 < 24, dropped. Stop: a alone.
    @Test("hand-worked example, cardinality utility and a tie")
    func cardinality() throws {
        let outcome = try ExactEqualShares.count(Self.example(budget: 96), options: Self.options(utility: .cardinality))
        #expect(outcome.funded == [0])
        #expect(outcome.rounds.first?.value("rank") == .rational(Rational(1, 10)))
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties.first?.criterion == "cost")
        #expect(outcome.ties.first?.projects.sorted() == [0, 1])
    }

    @Test("other completions and points ballots are refused")
    func refused() {
        #expect(throws: CountError.self) { try ExactEqualShares.count(Self.example(budget: 96), options: Self.options(.add1)) }
        let points = Election(projects: [Project(id: "a", cost: Rational(1))], budget: Rational(1), voteType: .cumulative,
                              ballots: Ballots([[0]], points: [[3]]))
        #expect(throws: CountError.self) { try ExactEqualShares.count(points, options: Self.options()) }
    }

    // MARK: The plain definition

    /// EES one voter at a time: per-voter budgets, payers found by sorting every supporter.
    /// Also the smallest share above `share` at which any of its comparisons
    /// `budget < c/|V|` would come out otherwise (`nil`: none would).
    static func plain(_ election: Election, share: Rational, utility: Utility, chain: [TieCriterion]) throws -> (funded: [Int], payments: [Rational], next: Rational?) {
        let ties = TieBreaking(chain: chain, election: election)
        let n = election.ballots.count
        let supporters = election.projects.indices.map { p in
            (0..<n).filter { i in election.ballots.range(of: i).contains { Int(election.ballots.projects[$0]) == p } }
        }
        var budget = [Rational](repeating: share, count: n)
        var funded: [Int] = []
        var payments: [Rational] = []
        var next: Rational?
        while true {
            var options: [(project: Int, payers: [Int], rank: Rational)] = []
            for p in election.projects.indices where !funded.contains(p) {
                var payers = supporters[p].sorted { budget[$0] < budget[$1] }
                let cost = election.projects[p].cost
                while let poorest = payers.first, budget[poorest] < cost / Rational(payers.count) {
                    let flip = share - budget[poorest] + cost / Rational(payers.count)
                    if next.map({ flip < $0 }) ?? true { next = flip }
                    payers.removeFirst()
                }
                if payers.isEmpty { continue }
                let m = Rational(payers.count)
                options.append((p, payers, utility == .cost ? m : m / cost))
            }
            guard let best = options.map(\.rank).max() else { break }
            let tied = options.filter { $0.rank == best }
            let winner = tied.count == 1 ? tied[0].project : try ties.breakTie(tied.map(\.project), context: "").winner
            let chosen = tied.first { $0.project == winner }!
            let payment = election.projects[winner].cost / Rational(chosen.payers.count)
            for i in chosen.payers { budget[i] -= payment }
            funded.append(winner)
            payments.append(payment)
        }
        return (funded, payments, next)
    }

    /// A random election with `voters` voters, up to `maxProjects` projects of cost
    /// `unit * (1...6)`, and a budget that is a multiple of the voter count.
    static func randomElection(seed: UInt64, voters: Int, maxProjects: Int, unit: Int) -> Election {
        var random = SplitMix64(seed: seed)
        func draw(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
        let m = 1 + draw(maxProjects)
        let projects = (0..<m).map { Project(id: "e\($0)", cost: Rational(unit * (1 + draw(6)))) }
        let lists = (0..<voters).map { _ in (0..<m).filter { _ in draw(5) < 2 } }
        let total = projects.reduce(0) { $0 + Int($1.cost.numeratorString)! }
        let budget = voters * (1 + draw(max(1, total / voters)))
        return Election(projects: projects, budget: Rational(budget), ballots: Ballots(lists))
    }

    @Test("random elections against the plain definition", arguments: 0 ..< 60)
    func random(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 777)
        let voters = 1 + Int(random.next(upperBound: 15))
        let election = Self.randomElection(seed: UInt64(seed), voters: voters, maxProjects: 10, unit: 1 + seed % 7)
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
        for utility in Utility.allCases {
            let outcome = try ExactEqualShares.count(election, options: Self.options(utility: utility, chain: chain))
            let expected = try Self.plain(election, share: election.budget / Rational(voters), utility: utility, chain: chain)
            #expect(outcome.funded == expected.funded)
            #expect(outcome.rounds.map { $0.value("payment") } == expected.payments.map { .rational($0) })
        }
    }

    /// add-opt against stepping the per-voter share one currency unit at a time. Costs are
    /// multiples of 60 = lcm(1, ..., 6) and there are at most 6 voters, so every payment
    /// `c/m` is a whole number, and so is every share at which a voter becomes able to pay
    /// (`paid + c/m`): stepping by one unit meets every budget at which the outcome changes.
    static func stepped(_ election: Election, skip: Bool, utility: Utility, chain: [TieCriterion]) throws -> (funded: [Int], share: Rational) {
        let n = election.ballots.count
        let budget = election.budget
        let total = election.projects.reduce(Rational.zero) { $0 + $1.cost }
        let supported = Set(election.ballots.projects.map(Int.init))
        func cost(_ set: [Int]) -> Rational { set.reduce(Rational.zero) { $0 + election.projects[$1].cost } }
        func exhaustive(_ set: [Int]) -> Bool {
            let left = budget - cost(set)
            return !election.projects.indices.contains { !set.contains($0) && supported.contains($0) && election.projects[$0].cost <= left }
        }
        var share = budget / Rational(n)
        var current = try plain(election, share: share, utility: utility, chain: chain).funded
        var result = (current, share)
        while true {
            if cost(current) <= budget {
                result = (current, share)
                if exhaustive(current) { break }
            } else if !skip {
                break
            }
            // From a share of `total` on, every voter can pay for everything: nothing changes.
            var step = share
            var changed: [Int]?
            while step < total {
                step += Rational(1)
                let next = try plain(election, share: step, utility: utility, chain: chain).funded
                if Set(next) != Set(current) {
                    changed = next
                    break
                }
            }
            guard let next = changed else { break }
            current = next
            share = step
        }
        return result
    }

    @Test("add-opt equals stepping the share one unit at a time", arguments: 0 ..< 40)
    func addOpt(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 91)
        let voters = 1 + Int(random.next(upperBound: 6))
        let election = Self.randomElection(seed: UInt64(seed) &+ 3000, voters: voters, maxProjects: 7, unit: 60)
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
        let utility: Utility = seed % 3 == 0 ? .cardinality : .cost
        for (completion, skip) in [(Completion.addOpt, false), (.addOptSkip, true)] {
            let outcome = try ExactEqualShares.count(election, options: Self.options(completion, utility: utility, chain: chain))
            let expected = try Self.stepped(election, skip: skip, utility: utility, chain: chain)
            #expect(outcome.funded == expected.funded, "\(completion)")
            #expect(outcome.detail("share") == .rational(expected.share), "\(completion)")
            #expect(outcome.totalCost <= election.budget)
        }
    }

    /// add-opt by the plain definition, on elections of any size: from each share, go to the
    /// smallest share at which any comparison of the plain run flips (below it, every run is
    /// the same), until the funded set changes.
    static func walked(_ election: Election, skip: Bool, utility: Utility, chain: [TieCriterion]) throws -> (funded: [Int], share: Rational) {
        let budget = election.budget
        let supported = Set(election.ballots.projects.map(Int.init))
        func cost(_ set: [Int]) -> Rational { set.reduce(Rational.zero) { $0 + election.projects[$1].cost } }
        func exhaustive(_ set: [Int]) -> Bool {
            let left = budget - cost(set)
            return !election.projects.indices.contains { !set.contains($0) && supported.contains($0) && election.projects[$0].cost <= left }
        }
        var share = budget / Rational(election.ballots.count)
        var current = try plain(election, share: share, utility: utility, chain: chain)
        var result = (current.funded, share)
        while true {
            if cost(current.funded) <= budget {
                result = (current.funded, share)
                if exhaustive(current.funded) { break }
            } else if !skip {
                break
            }
            var probe = current
            var found: (run: (funded: [Int], payments: [Rational], next: Rational?), share: Rational)?
            while let next = probe.next {
                probe = try plain(election, share: next, utility: utility, chain: chain)
                if Set(probe.funded) != Set(current.funded) {
                    found = (probe, next)
                    break
                }
            }
            guard let change = found else { break }
            current = change.run
            share = change.share
        }
        return result
    }

    @Test("add-opt equals walking every comparison of the plain definition", arguments: 0 ..< 40)
    func addOptWalked(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 4242)
        let voters = 5 + Int(random.next(upperBound: 26))
        let election = Self.randomElection(seed: UInt64(seed) &+ 9000, voters: voters, maxProjects: 9, unit: 1 + seed % 5)
        try Self.expectWalked(election, seed: seed, checkPayments: false)
    }

    /// Larger elections, where runs resume deep into the rounds (budgets split into many
    /// classes, lazy bounds carried from the previous run): add-opt and add-opt-skip against
    /// walking every comparison of the plain definition, and the funded projects and
    /// payments of the returned run against a plain run at its share.
    @Test("add-opt on larger elections equals the walked plain definition", arguments: 0 ..< 300)
    func addOptWalkedLarger(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 51_515)
        let voters = 20 + Int(random.next(upperBound: 50))
        let election = Self.randomElection(seed: UInt64(seed) &+ 70_000, voters: voters, maxProjects: 16, unit: 1 + seed % 11)
        try Self.expectWalked(election, seed: seed, checkPayments: true)
    }

    /// Costs of about 5·10^16 (`unit` 5·10^16 + a little, so that the costs share no
    /// round factors): amounts paid and thresholds `paid + c/m` stop fitting two `Int64`
    /// after a round or two, so runs compare them in their wide form (through
    /// `SumComparator`, no sum formed), and the classes are keyed by amounts past 64 bits.
    /// The structure is the smaller elections' (every value scales with `unit`); the oracle
    /// computes in plain `Rational`s.
    @Test("add-opt with costs whose thresholds outgrow 64 bits equals the walked plain definition", arguments: 0 ..< 40)
    func addOptWalkedHugeCosts(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 31_337)
        let voters = 5 + Int(random.next(upperBound: 40))
        let election = Self.randomElection(seed: UInt64(seed) &+ 123_000, voters: voters, maxProjects: 12,
                                           unit: 50_000_000_000_000_000 + 7 * seed + 1)
        try Self.expectWalked(election, seed: seed, checkPayments: true)
    }

    /// add-opt and add-opt-skip on `election` against walking every comparison of the plain
    /// definition (tie chain and utility chosen by `seed`), and with `checkPayments` the
    /// returned run's payments against a plain run at its share.
    static func expectWalked(_ election: Election, seed: Int, checkPayments: Bool) throws {
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
        let utility: Utility = seed % 3 == 0 ? .cardinality : .cost
        for (completion, skip) in [(Completion.addOpt, false), (.addOptSkip, true)] {
            let outcome = try ExactEqualShares.count(election, options: Self.options(completion, utility: utility, chain: chain))
            let expected = try Self.walked(election, skip: skip, utility: utility, chain: chain)
            #expect(outcome.funded == expected.funded, "\(completion)")
            #expect(outcome.detail("share") == .rational(expected.share), "\(completion)")
            // The walk cut into stretches (two lanes): the same outcome at the same share.
            var common = Self.options(completion, utility: utility, chain: chain)
            common.threads = 2
            let width = [Rational(1, 8), Rational(1), Rational(8)][seed % 3]
            let cut = try ExactEqualShares.count(election, options: .init(utility: utility, completion: Self.skipOrNot(completion)),
                                                 common: common, stretchWidth: width)
            #expect(cut.funded == expected.funded && cut.trace.summary?.share == expected.share, "\(completion) stretches of \(width)")
            guard checkPayments else { continue }
            let plain = try Self.plain(election, share: expected.share, utility: utility, chain: chain)
            #expect(outcome.rounds.map { $0.value("payment") } == plain.payments.map { .rational($0) }, "\(completion)")
        }
    }
}
