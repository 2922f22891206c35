@testable import PBEngine
import Testing

/// The merged-ballot profile equals a plain construction of its definition (a dictionary of
/// distinct ballots in first-appearance order, supporter lists by scanning them), whether
/// the ballots are merged in one part or in several parts joined in order (the path large
/// elections take on several cores).
@Suite("Equal Shares profile")
struct EqualSharesProfileTests {
    /// Ballots list their projects in a random order. With few projects most ballots
    /// repeat; with many (`wide`) ballots are long (over 16 projects, the merge's other
    /// sorting path) and mostly distinct.
    static func randomElection(seed: UInt64, voteType: VoteType, wide: Bool = false) -> Election {
        var g = SplitMix64(seed: seed)
        let m = wide ? 20 + Int(g.next(upperBound: 20)) : 2 + Int(g.next(upperBound: 6))
        var lists: [[Int]] = []
        var points: [[Int64]] = []
        for _ in 0..<(50 + Int(g.next(upperBound: 400))) {
            // Few projects and short ballots: many identical ballots, some empty.
            let chosen = (0..<m).filter { _ in g.next(upperBound: wide ? 2 : 3) == 0 }.shuffled(using: &g)
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

    /// The profile by its definition, slowly: `w_i(p)` of every listed project (the
    /// default score for unlisted ones on scoring ballots), kept where positive; ballots
    /// with nothing kept are idle; identical ballots counted in a dictionary, numbered in
    /// order of first appearance; each project's supporters in ascending ballot order.
    struct Plain: Equatable {
        var ballotWeight: [UInt32] = []
        var ballotStart: [UInt32] = [0]
        var ballotProject: [UInt16] = []
        var supporterStart: [Int] = [0]
        var supporterBallot: [Int32] = []
        var supporterPoints: [Int64] = []
        var totalPoints: [Int64] = []
        var supporterCount: [Int] = []
        var idleVoterCount = 0
        var unitPoints = true

        init(_ election: Election, lists: [[Int]], points: [[Int64]]?) {
            let m = election.projects.count
            let defaultScore: Int64 = election.voteType == .scoring ? (election.limits.defaultScore ?? 0) : 0
            var index: [[Int64]: Int] = [:]
            var distinct: [[(project: Int, w: Int64)]] = []
            for (b, list) in lists.enumerated() {
                var w = [Int64?](repeating: defaultScore > 0 ? defaultScore : nil, count: m)
                for (k, p) in list.enumerated() { w[p] = points?[b][k] ?? 1 }
                let kept = (0..<m).compactMap { p in w[p].flatMap { $0 > 0 ? (p, $0) : nil } }
                if kept.isEmpty {
                    idleVoterCount += 1
                    continue
                }
                let key = kept.flatMap { [Int64($0.0), $0.1] }
                if let d = index[key] {
                    ballotWeight[d] += 1
                } else {
                    index[key] = distinct.count
                    distinct.append(kept.map { (project: $0.0, w: $0.1) })
                    ballotWeight.append(1)
                }
            }
            for ballot in distinct {
                ballotProject += ballot.map { UInt16($0.project) }
                ballotStart.append(UInt32(ballotProject.count))
                if ballot.contains(where: { $0.w != 1 }) { unitPoints = false }
            }
            totalPoints = [Int64](repeating: 0, count: m)
            supporterCount = [Int](repeating: 0, count: m)
            for p in 0..<m {
                for (j, ballot) in distinct.enumerated() {
                    guard let entry = ballot.first(where: { $0.project == p }) else { continue }
                    supporterBallot.append(Int32(j))
                    supporterPoints.append(entry.w)
                    totalPoints[p] += entry.w * Int64(ballotWeight[j])
                    supporterCount[p] += Int(ballotWeight[j])
                }
                supporterStart.append(supporterBallot.count)
            }
            if unitPoints { supporterPoints = [] }
        }

        init(_ profile: EqualSharesProfile) {
            ballotWeight = profile.ballotWeight
            ballotStart = profile.ballotStart
            ballotProject = profile.ballotProject
            supporterStart = profile.supporterStart
            supporterBallot = profile.supporterBallot
            supporterPoints = profile.supporterPoints
            totalPoints = profile.totalPoints
            supporterCount = profile.supporterCount
            idleVoterCount = profile.idleVoterCount
            unitPoints = profile.unitPoints
        }
    }

    @Test("the profile equals its plain definition, in 1, 2, 3 and 7 parts", arguments: [11, 12, 13, 14] as [UInt64])
    func plainDefinition(seed: UInt64) {
        for wide in [false, true] {
            for voteType in [VoteType.approval, .cumulative, .scoring] {
                let election = Self.randomElection(seed: seed, voteType: voteType, wide: wide)
                let ballots = election.ballots
                let lists = (0..<ballots.count).map { b in ballots.range(of: b).map { Int(ballots.projects[$0]) } }
                let points = ballots.points.map { points in (0..<ballots.count).map { b in ballots.range(of: b).map { points[$0] } } }
                let expected = Plain(election, lists: lists, points: points)
                #expect(expected.ballotWeight.count > 1)
                for parts in [1, 2, 3, 7] {
                    #expect(Plain(EqualSharesProfile(election, parts: parts)) == expected, "parts \(parts), \(voteType), wide \(wide)")
                }
            }
        }
    }
}
