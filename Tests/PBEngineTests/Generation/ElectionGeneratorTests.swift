import PBEngine
import Testing

@Suite("Election generator")
struct ElectionGeneratorTests {
    static func parameters(_ type: VoteType, voters: Int = 500, seed: UInt64 = 42) -> GenerationParameters {
        var p = GenerationParameters()
        p.seed = seed
        p.voters = voters
        p.projects = 15
        p.voteType = type
        p.maxLength = type == .chooseOne ? 1 : 6
        p.popularitySkew = Rational(3, 2)
        return p
    }

    static let kinds: [(String, GenerationParameters)] = {
        var knapsack = parameters(.approval)
        knapsack.maxSumCostShare = Rational(1, 2)
        knapsack.costOrders = 3
        return [("approval", parameters(.approval)), ("choose-1", parameters(.chooseOne)),
                ("cumulative", parameters(.cumulative)), ("ordinal", parameters(.ordinal)),
                ("knapsack", knapsack)]
    }()

    @Test("the same seed gives the same bytes, a different seed different ones")
    func reproducible() throws {
        let a = try ElectionGenerator(Self.parameters(.approval)).text()
        let b = try ElectionGenerator(Self.parameters(.approval)).text()
        let c = try ElectionGenerator(Self.parameters(.approval, seed: 43)).text()
        #expect(a == b)
        #expect(a != c)
    }

    /// More voters than one chunk (65,536), so that chunks are formatted on several threads.
    @Test("the bytes do not depend on the thread count")
    func threadsDoNotMatter() throws {
        var p = Self.parameters(.approval, voters: 140_000)
        p.projects = 4
        p.maxLength = 2
        let generator = try ElectionGenerator(p)
        var one = [UInt8]()
        var two = [UInt8]()
        try generator.write(to: &one, threads: 1)
        try generator.write(to: &two, threads: 3)
        #expect(one == two)
        #expect(one.count > 140_000 * 4)
    }

    /// A fixed file pins the draws: any change to the generator's algorithm shows here
    /// (and must be deliberate, since published seeds would no longer give the same file).
    @Test("a pinned small election")
    func pinned() throws {
        var p = GenerationParameters()
        p.seed = 7
        p.voters = 6
        p.projects = 4
        p.maxLength = 3
        let text = String(decoding: try ElectionGenerator(p).text(), as: UTF8.self)
        #expect(text.hasSuffix("""
            PROJECTS
            project_id;cost;name
            1;31600;Project 1
            2;126000;Project 2
            3;10700;Project 3
            4;299000;Project 4
            VOTES
            voter_id;vote
            1;4,1
            2;4,1,3
            3;4
            4;4,3,1
            5;2
            6;4,2

            """))
        #expect(text.contains("budget;140190\n"))
        #expect(text.contains("experimental;1\n"))
        #expect(text.contains("generator;pbcount generate --seed 7 --voters 6 --projects 4 --vote-type approval --min-length 1 --max-length 3 --budget-share 0.3 --skew 1 --min-cost 10000 --cost-orders 2\n"))
    }

    @Test("generated files read back cleanly with the parameters they were made from", arguments: kinds.map(\.0))
    func readsBack(kind: String) throws {
        let p = try #require(Self.kinds.first { $0.0 == kind }?.1)
        let generator = try ElectionGenerator(p)
        let election = try PabulibReader.read(bytes: generator.text(), options: .init(invalidBallots: .keep))
        #expect(election.invalidBallots.isEmpty)
        #expect(election.voteType == p.voteType)
        #expect(election.ballots.count == p.voters)
        #expect(election.projects.count == p.projects)
        #expect(election.projects.map(\.cost) == generator.costs.map { Rational($0) })
        #expect(election.budget == Rational(generator.budget))
        #expect(election.limits.minLength == p.minLength)
        #expect(election.limits.maxLength == p.maxLength)
        #expect(election.limits.maxSumCost == generator.maxSumCost.map { Rational($0) })
        #expect(election.meta("experimental") == "1")
        let total = generator.costs.reduce(0, +)
        #expect(Rational(generator.budget) <= Rational(total) * p.budgetShare)
        #expect(Rational(generator.budget + 1) > Rational(total) * p.budgetShare)
        for b in 0..<election.ballots.count {
            let r = election.ballots.range(of: b)
            #expect(r.count >= (p.maxSumCostShare == nil ? p.minLength : 1) && r.count <= p.maxLength)
            if let points = election.ballots.points {
                let sum = r.reduce(Int64(0)) { $0 + points[$1] }
                #expect(sum <= Int64(p.maxSumPoints))
            }
        }
        if p.voteType != .chooseOne {
            // Skewed popularity: the most popular project gets clearly more than the least.
            let votes = election.support().votes
            #expect(votes.max() ?? 0 > 2 * (votes.min() ?? 0))
        }
    }

    @Test("knobs that do not fit together are refused with a message")
    func refusals() {
        var p = GenerationParameters()
        p.maxLength = 30
        #expect(throws: GenerationError.self) { try ElectionGenerator(p) }
        p = GenerationParameters()
        p.voteType = .chooseOne
        #expect(throws: GenerationError.self) { try ElectionGenerator(p) }
        p = GenerationParameters()
        p.budgetShare = Rational(3, 2)
        #expect(throws: GenerationError.self) { try ElectionGenerator(p) }
        p = GenerationParameters()
        p.voteType = .scoring
        #expect(throws: GenerationError.self) { try ElectionGenerator(p) }
        p = GenerationParameters()
        p.voteType = .cumulative
        p.maxSumPoints = 2
        #expect(throws: GenerationError.self) { try ElectionGenerator(p) }
    }
}
