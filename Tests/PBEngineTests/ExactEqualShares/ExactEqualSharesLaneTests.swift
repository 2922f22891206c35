@testable import PBEngine
import Testing

/// `add-opt`'s walk on two lanes (``ExactEqualSharesWalkRuns``: the walk's likely next run
/// made on a second thread while the proofs go on) against one lane: the count must be the
/// same in every respect, the runs and proofs counted included, since the walk takes only
/// the runs it would have made itself.
///
/// `@testable`: a called-off run is internal to the rule.
@Suite("Exact Equal Shares: one lane and two")
struct ExactEqualSharesLaneTests {
    typealias Completion = ExactEqualShares.Completion

    /// With `width`, the walk cut into stretches of that width (``ExactEqualShares/WalkStretches``),
    /// which two lanes walk two at a time.
    static func count(_ election: Election, _ completion: Completion, utility: Utility, chain: [TieCriterion], threads: Int,
                      width: Rational? = nil) throws -> RuleCount<ExactEqualSharesTrace> {
        var common = CountOptions()
        common.tieChain = chain
        common.threads = threads
        return try ExactEqualShares.count(election, options: .init(utility: utility, completion: completion), common: common,
                                          stretchWidth: width)
    }

    static func expectSame(_ election: Election, _ completion: Completion, utility: Utility, chain: [TieCriterion],
                           width: Rational? = nil, _ what: String) throws {
        let one = Result { try count(election, completion, utility: utility, chain: chain, threads: 1, width: width) }
        let two = Result { try count(election, completion, utility: utility, chain: chain, threads: 2, width: width) }
        switch (one, two) {
        case let (.success(a), .success(b)):
            #expect(a.funded == b.funded, "\(what)")
            #expect(a.totalCost == b.totalCost, "\(what)")
            #expect(a.ties == b.ties, "\(what)")
            #expect(a.trace.steps == b.trace.steps, "\(what)")
            #expect(a.trace.summary == b.trace.summary, "\(what): runs and proofs counted")
        case let (.failure(a), .failure(b)):
            #expect("\(a)" == "\(b)", "\(what)")
        default:
            Issue.record("\(what): one lane \(one), two lanes \(two)")
        }
    }

    @Test("random elections count the same on one lane and two", arguments: 0 ..< 8)
    func random(batch: Int) throws {
        var proofs = 0
        var crossed = 0
        for seed in (batch * 25) ..< (batch * 25 + 25) {
            let election = ExactEqualSharesRangeProofTests.randomElection(seed: UInt64(seed) &+ 5000)
            let utility: Utility = seed % 3 == 0 ? .cardinality : .cost
            let chain: [TieCriterion] = seed % 2 == 0 ? [.id] : TieBreaking.defaultChain
            for completion in [Completion.addOpt, .addOptSkip] {
                try Self.expectSame(election, completion, utility: utility, chain: chain, "seed \(seed), \(completion), \(utility)")
                // Cut into stretches, walked two at a time on two lanes.
                let width = [Rational(1, 4), Rational(1), Rational(4)][seed % 3]
                try Self.expectSame(election, completion, utility: utility, chain: chain, width: width,
                                    "seed \(seed), \(completion), \(utility), stretches of \(width)")
                // Walks that did cross into later stretches (each starts with a run of its own).
                let whole = try? Self.count(election, completion, utility: utility, chain: chain, threads: 1)
                let cut = try? Self.count(election, completion, utility: utility, chain: chain, threads: 1, width: width)
                if let a = whole?.trace.summary?.runs, let b = cut?.trace.summary?.runs, a != b { crossed += 1 }
            }
            let counted = try Self.count(election, .addOpt, utility: utility, chain: chain, threads: 2)
            proofs += counted.trace.summary?.rangeProofs ?? 0
        }
        // The walks tried proofs, so the second lane had runs to make ahead.
        #expect(proofs > 25)
        // And many cut walks went past their first stretch.
        #expect(crossed > 10, "\(crossed) of 50 walks crossed into a later stretch")
    }

    @Test("Lodz 2022 add-opt counts the same on one lane and two",
          .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
    func lodz() throws {
        let election = try PabulibReader.read(path: SharedData.path("Poland_Lodz_2022.pb"), invalidBallots: .keep)
        try Self.expectSame(election, .addOpt, utility: .cost, chain: TieBreaking.defaultChain, "Lodz 2022")
    }

    @Test("a run called off stops with CalledOff at the round it is called off")
    func calledOff() throws {
        let election = ExactEqualSharesRangeProofTests.randomElection(seed: 11)
        let ees = ExactEqualSharesElection(election, utility: .cost, ties: TieBreaking(chain: [.id], election: election))
        let share = election.budget / Rational(election.ballots.count)
        let whole = try ees.run(share: share)
        #expect(whole.steps.count >= 1)
        for stop in 0 ... whole.steps.count {
            var asked = 0
            #expect(throws: CalledOff.self, "stop at round \(stop)") {
                try ees.run(share: share, callsOff: {
                    asked += 1
                    return asked > stop
                })
            }
            #expect(asked == stop + 1, "asked once a round up to round \(stop)")
        }
        var asked = 0
        let kept = try ees.run(share: share, callsOff: { asked += 1; return false })
        #expect(kept.funded == whole.funded)
        #expect(asked == whole.steps.count + 1, "once a round, the last (funding nothing) included")
    }
}
