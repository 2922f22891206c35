@testable import PBEngine
import Testing

/// The merged-ballot profile is the same whether the ballots are merged in one part or in
/// several parts joined in order (the path large elections take on several cores).
@Suite("Equal Shares profile")
struct EqualSharesProfileTests {
    static func randomElection(seed: UInt64, voteType: VoteType) -> Election {
        var g = SplitMix64(seed: seed)
        let m = 2 + Int(g.next(upperBound: 6))
        var lists: [[Int]] = []
        var points: [[Int64]] = []
        for _ in 0..<(50 + Int(g.next(upperBound: 400))) {
            // Few projects and short ballots: many identical ballots, some empty.
            let chosen = (0..<m).filter { _ in g.next(upperBound: 3) == 0 }
            lists.append(chosen)
            points.append(chosen.map { _ in Int64(g.next(upperBound: 3)) })
        }
        let projects = (0..<m).map { Project(id: "p\($0)", cost: Rational(10 + $0)) }
        var limits = BallotLimits()
        if voteType == .scoring { limits.defaultScore = 1 }
        return Election(projects: projects, budget: Rational(100), voteType: voteType, limits: limits,
                        ballots: Ballots(lists, points: voteType == .approval ? nil : points))
    }

    @Test("parts joined in order give the profile of one part", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func partsAgree(seed: UInt64) {
        for voteType in [VoteType.approval, .cumulative, .scoring] {
            let election = Self.randomElection(seed: seed, voteType: voteType)
            let one = EqualSharesProfile(election, parts: 1)
            for parts in [2, 3, 7] {
                let many = EqualSharesProfile(election, parts: parts)
                #expect(many.ballotWeight == one.ballotWeight)
                #expect(many.ballotStart == one.ballotStart)
                #expect(many.ballotProject == one.ballotProject)
                #expect(many.supporterStart == one.supporterStart)
                #expect(many.supporterBallot == one.supporterBallot)
                #expect(many.supporterPoints == one.supporterPoints)
                #expect(many.totalPoints == one.totalPoints)
                #expect(many.supporterCount == one.supporterCount)
                #expect(many.idleVoterCount == one.idleVoterCount)
                #expect(many.unitPoints == one.unitPoints)
            }
            // Identical ballots really were merged, and every voter is accounted for.
            #expect(one.ballotWeight.count < election.ballots.count)
            #expect(Int(one.ballotWeight.reduce(0, +)) + one.idleVoterCount == election.ballots.count)
        }
    }
}
