import PBEngine
import Testing

@Suite("Phragmen")
struct PhragmenTests {
    static func options(_ chain: [TieCriterion] = TieBreaking.defaultChain) -> CountOptions {
        var options = CountOptions()
        options.rule = "phragmen"
        options.tieChain = chain
        return options
    }

    /// Projects a (6), b (4), c (3); budget 10; voters 1 {a}, 2 {a, b}, 3 {b}, 4 {c}, 5 {a, c}.
    ///
    /// Round 1, all loads 0: a (6 + 0)/3 = 2, b (4 + 0)/2 = 2, c (3 + 0)/2 = 3/2: fund c,
    /// loads of 4 and 5 become 3/2; money left 10 - 3 = 7.
    /// Round 2: a (6 + 0 + 0 + 3/2)/3 = 5/2, b (4 + 0 + 0)/2 = 2: fund b, loads of 2 and 3
    /// become 2; money left 3.
    /// Round 3: a (6 + 0 + 2 + 3/2)/3 = 19/6, but a costs 6 > 3: stop.
    @Test("hand-worked example")
    func handWorked() throws {
        let election = Election(
            projects: [Project(id: "a", cost: Rational(6)), Project(id: "b", cost: Rational(4)), Project(id: "c", cost: Rational(3))],
            budget: Rational(10),
            ballots: Ballots([[0], [0, 1], [1], [2], [0, 2]]))
        let outcome = try PhragmenRule.count(election, options: Self.options())
        #expect(outcome.funded == [2, 1])
        #expect(outcome.totalCost == Rational(7))
        #expect(outcome.rounds.map(\.project) == [2, 1, 0])
        #expect(outcome.rounds.map(\.funded) == [true, true, false])
        #expect(outcome.rounds.map { $0.value("max_load") } == [.rational(Rational(3, 2)), .rational(Rational(2)), .rational(Rational(19, 6))])
        #expect(outcome.ties.isEmpty)
    }

    /// y (2) and x (2), in that file order, one supporter each: both new max loads are 2.
    /// The default chain (cost, votes, file) decides by file order: y; then x (load 2) does
    /// not fit in 3 - 2 = 1. By id, x comes first.
    @Test("ties go to the chain and are recorded")
    func tie() throws {
        let election = Election(
            projects: [Project(id: "y", cost: Rational(2)), Project(id: "x", cost: Rational(2))],
            budget: Rational(3),
            ballots: Ballots([[0], [1]]))
        let byFile = try PhragmenRule.count(election, options: Self.options())
        #expect(byFile.funded == [0])
        #expect(byFile.ties.count == 1)
        #expect(byFile.ties.first?.criterion == "file")
        let byID = try PhragmenRule.count(election, options: Self.options([.id]))
        #expect(byID.funded == [1])
        #expect(byID.ties.first?.criterion == "id")
        #expect(throws: CountError.self) { try PhragmenRule.count(election, options: Self.options([.cost])) }
    }

    @Test("points ballots are refused")
    func points() {
        let election = Election(projects: [Project(id: "a", cost: Rational(1))], budget: Rational(1), voteType: .cumulative,
                                ballots: Ballots([[0]], points: [[3]]))
        #expect(throws: CountError.self) { try PhragmenRule.count(election, options: Self.options()) }
    }

    /// The definition, one voter at a time: per-voter loads, every sum recomputed.
    static func plain(_ election: Election, chain: [TieCriterion]) throws -> (funded: [Int], loads: [Rational]) {
        let ties = TieBreaking(chain: chain, election: election)
        let n = election.ballots.count
        let supporters = election.projects.indices.map { p in
            (0..<n).filter { i in election.ballots.range(of: i).contains { Int(election.ballots.projects[$0]) == p } }
        }
        var load = [Rational](repeating: .zero, count: n)
        var funded: [Int] = []
        var loads: [Rational] = []
        var left = election.budget
        while true {
            let candidates = election.projects.indices.filter { !funded.contains($0) && !supporters[$0].isEmpty }
            if candidates.isEmpty { break }
            let value = { (p: Int) in (election.projects[p].cost + supporters[p].reduce(Rational.zero) { $0 + load[$1] }) / Rational(supporters[p].count) }
            let best = candidates.map(value).min()!
            let tied = candidates.filter { value($0) == best }
            let winner = tied.count == 1 ? tied[0] : try ties.breakTie(tied, context: "").winner
            if election.projects[winner].cost > left { break }
            left -= election.projects[winner].cost
            funded.append(winner)
            loads.append(best)
            for i in supporters[winner] { load[i] = best }
        }
        return (funded, loads)
    }

    @Test("random elections against the plain definition", arguments: 0 ..< 60)
    func random(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 5000)
        func draw(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
        let m = 1 + draw(12)
        let projects = (0..<m).map { Project(id: "q\($0)", cost: Rational(1 + draw(30), 1 + draw(2))) }
        let lists = (0 ..< draw(25)).map { _ in (0..<m).filter { _ in draw(3) == 0 } }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let election = Election(projects: projects, budget: total * Rational(1 + draw(10), 10), ballots: Ballots(lists))
        try Self.expectPlain(election, seed: seed)
    }

    /// Larger random elections: hundreds of voters, so loads' denominators (products of
    /// supporter counts) outgrow 64 bits within a few rounds, and ties by exact equality.
    @Test("larger random elections against the plain definition", arguments: 0 ..< 12)
    func randomLarge(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 9000)
        func draw(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
        let m = 8 + draw(10)
        let projects = (0..<m).map { Project(id: "q\($0)", cost: Rational(1 + draw(40), [1, 1, 10, 100][draw(4)])) }
        let lists = (0 ..< 150 + draw(250)).map { _ in (0..<m).filter { _ in draw(4) == 0 } }
        let total = projects.reduce(Rational.zero) { $0 + $1.cost }
        let election = Election(projects: projects, budget: total * Rational(3 + draw(7), 10), ballots: Ballots(lists))
        try Self.expectPlain(election, seed: seed)
    }

    /// The count of `election` (tie chain chosen by `seed`) against the plain definition:
    /// funded projects and every funded round's max load.
    static func expectPlain(_ election: Election, seed: Int) throws {
        let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
        let outcome = try PhragmenRule.count(election, options: Self.options(chain))
        let expected = try Self.plain(election, chain: chain)
        #expect(outcome.funded == expected.funded)
        let loads = outcome.rounds.filter(\.funded).map { $0.value("max_load") }
        #expect(loads == expected.loads.map { .rational($0) })
    }
}
