@testable import PBEngine
import Testing

@Suite("MaximinSupport")
struct MaximinSupportTests {
    static func run(_ election: Election, _ chain: [TieCriterion] = TieBreaking.defaultChain) throws -> MaximinSupportTrace {
        try MaximinSupportCount.run(election, ties: TieBreaking(chain: chain, election: election))
    }

    /// Projects a (20), b (25), c (16); budget 45; voters 1 {a}, 2 {a, b}, 3 {b}, 4 {c}.
    ///
    /// Round 1, W = {}: L({a}) = 20/2 = 10, L({b}) = 25/2, L({c}) = 16/1 = 16: fund a;
    /// money left 25.
    /// Round 2, W = {a}: L({a, b}) = max(20/2, 25/2, 45/|{1,2,3}| = 15) = 15: voter 2 need
    /// not carry a's half, voter 1 takes all of a up to 15 and 2 and 3 share b.
    /// L({a, c}) = max(10, 16, 36/3 = 12) = 16. Fund b (15); money left 0; c (16) no
    /// longer fits: stop. Laziness: c's bound 16 from round 1 is above 15, so c is not
    /// recomputed in round 2 and is recorded as a lower bound.
    ///
    /// Sequential Phragmen chooses otherwise in round 2: its loads are fixed per voter
    /// (voters 1 and 2 carry 10 each), so b costs (25 + 10 + 0)/2 = 35/2 against c's 16:
    /// it funds c, then b (35/2) no longer fits in 45 - 36 = 9.
    @Test("hand-worked: redistribution makes maximin support differ from Phragmen")
    func differsFromPhragmen() throws {
        let election = Counting.election(costs: [20, 25, 16], budget: 45, ballots: [[0], [0, 1], [1], [2]])
        let trace = try Self.run(election)
        #expect(trace.funded == [0, 1])
        #expect(trace.rounds.map(\.load) == [Rational(10), Rational(15)])
        #expect(trace.rounds.map(\.moneyLeft) == [Rational(25), Rational(0)])
        #expect(trace.rounds.map(\.supporters) == [2, 2])
        #expect(trace.totalCost == Rational(45))
        #expect(trace.stop == .nothingFits)
        #expect(trace.ties.isEmpty)
        #expect(trace.rounds[1].candidates == [
            .init(project: 1, load: Rational(15), isExact: true),
            .init(project: 2, load: Rational(16), isExact: false),
        ])
        var options = CountOptions()
        options.rule = "phragmen"
        #expect(try PhragmenRule.count(election, options: options).funded == [0, 2])
    }

    /// Projects a (6), b (7), c (13); budget 20; voters 1 {a}, 2 {a, b}, 3 {b},
    /// 4, 5, 6 {c}.
    ///
    /// Round 1: L({a}) = 6/2 = 3, L({b}) = 7/2, L({c}) = 13/3: fund a; left 14.
    /// Round 2: L({a, b}) = max(3, 7/2, 13/|{1,2,3}|) = 13/3;
    /// L({a, c}) = max(3, 13/3, 19/5) = 13/3: a tie. The default chain (cost first) takes
    /// b (7 < 13); then c (13) does not fit in 7. By votes, c (3 > 2) wins and b (7) does
    /// not fit in 1.
    @Test("hand-worked: a tie in round 2 goes to the chain and is recorded")
    func tie() throws {
        let election = Counting.election(costs: [6, 7, 13], budget: 20, ballots: [[0], [0, 1], [1], [2], [2], [2]])
        let byCost = try Self.run(election)
        #expect(byCost.funded == [0, 1])
        #expect(byCost.rounds.map(\.load) == [Rational(3), Rational(13, 3)])
        #expect(byCost.ties == [TieRecord(context: "round 2", projects: [1, 2], winner: 1, criterion: "cost")])
        #expect(byCost.rounds[1].candidates.allSatisfy { $0.isExact })
        let byVotes = try Self.run(election, [.votes])
        #expect(byVotes.funded == [0, 2])
        #expect(byVotes.ties.first?.criterion == "votes")
        #expect(byVotes.stop == .nothingFits)
        #expect(throws: CountError.self) { try Self.run(election, [.list(path: "empty", ids: [])]) }
    }

    /// Projects a (2), u (1), v (9); budget 5; voter 1 {a}; nobody approves u or v.
    ///
    /// Round 1: L({a}) = 2; L({u}) is infinite (u has no supporter); v (9) does not fit.
    /// Fund a; left 3. Round 2: only u fits, and its load is infinite: stop there
    /// (pabutools would fund u).
    @Test("hand-worked: the count stops when only unsupported projects fit")
    func infinite() throws {
        let election = Counting.election(costs: [2, 1, 9], budget: 5, ballots: [[0]])
        let trace = try Self.run(election)
        #expect(trace.funded == [0])
        #expect(trace.stop == .onlyUnsupportedFit)
        #expect(trace.rounds[0].candidates == [
            .init(project: 0, load: Rational(2), isExact: true),
            .init(project: 1, load: nil, isExact: true),
        ])
        #expect(trace.totalCost == Rational(2))
    }

    /// Everything fits: both projects are funded, the cheaper-per-voter first.
    /// a (3) {1, 2}: 3/2; b (1) {2}: 1. Round 1: b (1). Round 2: L({a, b}) =
    /// max(3/2, 1, 4/2) = 2.
    @Test("hand-worked: all funded")
    func allFunded() throws {
        let election = Counting.election(costs: [3, 1], budget: 10, ballots: [[0], [0, 1]])
        let trace = try Self.run(election)
        #expect(trace.funded == [1, 0])
        #expect(trace.rounds.map(\.load) == [Rational(1), Rational(2)])
        #expect(trace.stop == .allFunded)
    }

    @Test("points ballots are refused, naming the vote type")
    func points() {
        let election = Counting.election(costs: [1], budget: 1, ballots: [[0]], points: [[3]], voteType: .cumulative)
        #expect(throws: CountError.unsupported("maximin-support counts approval ballots; this election has cumulative ballots")) {
            try Self.run(election)
        }
    }

    /// Decimal costs whose common denominator overflows 64 bits take the rational flow.
    @Test("costs without a 64-bit common denominator: exact rational path")
    func rationalPath() throws {
        let primes = [1_000_000_007, 998_244_353, 1_000_000_009]
        let projects = primes.enumerated().map { Project(id: "q\($0.offset)", cost: Rational($0.element + 1, $0.element)) }
        let election = Election(projects: projects, budget: Rational(10), ballots: Ballots([[0, 1], [1, 2], [0], [2]]))
        #expect(MaximinSupportCount.scaled(projects.map(\.cost)).scaled == nil)
        let trace = try Self.run(election, [.id])
        let plain = try PlainMaximinSupport(election, chain: [.id]).run()
        #expect(trace.funded == plain.funded)
        #expect(trace.rounds.map(\.load) == plain.loads)
    }

    /// A random small election: up to 10 projects with costs a/b, up to 30 ballots.
    static func randomElection(seed: Int) -> Election {
        var random = SplitMix64(seed: UInt64(seed) &+ 77_000)
        func draw(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
        let m = 1 + draw(10)
        // Few distinct costs and small ballots make equal loads (ties) frequent.
        let projects = (0..<m).map { Project(id: "q\($0)", cost: Rational(1 + draw(seed % 3 == 0 ? 4 : 40), 1 + draw(3))) }
        let density = 2 + draw(4)
        let lists = (0 ..< draw(30)).map { _ in (0..<m).filter { _ in draw(density) == 0 } }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        return Election(projects: projects, budget: total * Rational(1 + draw(12), 10), ballots: Ballots(lists))
    }

    @Test("random elections against the brute-force definition", arguments: 0 ..< 400)
    func random(seed: Int) throws {
        let election = Self.randomElection(seed: seed)
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
        let trace = try Self.run(election, chain)
        let plain = try PlainMaximinSupport(election, chain: chain).run()
        #expect(trace.funded == plain.funded, "seed \(seed)")
        #expect(trace.rounds.map(\.load) == plain.loads, "seed \(seed)")
        #expect(trace.stop == plain.stop, "seed \(seed)")
        #expect(trace.totalCost == trace.funded.reduce(Rational.zero) { $0 + election.projects[$1].cost })
        // Every load the trace calls exact is the brute-force one; every bound is a lower
        // bound, above the winner's load unless it was computed fresh.
        for (k, round) in trace.rounds.enumerated() {
            let expected = Dictionary(uniqueKeysWithValues: plain.candidates[k].map { ($0.project, $0.load) })
            #expect(round.candidates.map(\.project) == plain.candidates[k].map(\.project), "seed \(seed) round \(k + 1)")
            for c in round.candidates {
                let truth = expected[c.project] ?? nil
                if c.isExact {
                    #expect(c.load == truth, "seed \(seed) round \(k + 1) project \(c.project)")
                } else if let bound = c.load, let truth {
                    #expect(bound <= truth && bound > round.load, "seed \(seed) round \(k + 1) project \(c.project)")
                }
            }
        }
    }

    /// The random elections exercise what matters: ties, several rounds, loads raised by
    /// redistribution, both stop reasons.
    @Test("the random elections cover ties, long counts and every stop")
    func coverage() throws {
        var ties = 0
        var longCounts = 0
        var stops: Set<String> = []
        for seed in 0 ..< 400 {
            let election = Self.randomElection(seed: seed)
            let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
            let trace = try Self.run(election, chain)
            ties += trace.ties.count
            if trace.rounds.count >= 4 { longCounts += 1 }
            stops.insert(trace.stop.rawValue)
        }
        print("maximin-support random elections: \(ties) ties, \(longCounts) counts of 4+ rounds, stops \(stops.sorted())")
        #expect(ties >= 20)
        #expect(longCounts >= 50)
        #expect(stops.count == 3)
    }
}
