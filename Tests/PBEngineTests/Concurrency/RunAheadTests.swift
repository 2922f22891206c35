import Foundation
import Synchronization
@testable import PBEngine
import Testing

/// `RunAhead`: work called off is never handed out, work kept is, and the lane is free for
/// the next guess once work is called off.
@Suite("Run ahead")
struct RunAheadTests {
    /// Work that goes on until it is called off (or a safety limit of ten seconds passes,
    /// which fails the test), then returns `value`.
    static func untilCalledOff(_ value: Int) -> @Sendable (RunAhead<Int, Int>.Token) -> Int? {
        { token in
            let deadline = Date().addingTimeInterval(10)
            while !token.isCancelled && Date() < deadline { usleep(200) }
            return token.isCancelled ? nil : value
        }
    }

    @Test("work called off is dropped, even when it returns a value")
    func calledOff() {
        let ahead = RunAhead<Int, Int>()
        ahead.start(1, Self.untilCalledOff(10))
        ahead.cancel(keeping: [2, 3])
        #expect(ahead.take(1) == nil)
        // Work that returns a value although it was called off (once it has started): still dropped.
        let started = Atomic<Bool>(false)
        ahead.start(4) { token in
            started.store(true, ordering: .relaxed)
            while !token.isCancelled { usleep(200) }
            return 40
        }
        while !started.load(ordering: .relaxed) { usleep(200) }
        ahead.cancel(keeping: [])
        ahead.finish()
        #expect(ahead.take(4) == nil)
        #expect(ahead.takeFinished().isEmpty)
    }

    @Test("the next guess starts once the one before is called off, and is handed out")
    func nextGuess() {
        let ahead = RunAhead<Int, Int>()
        ahead.start(1, Self.untilCalledOff(10))
        // While key 1 counts, another start does nothing.
        ahead.start(2) { _ in 20 }
        ahead.cancel(keeping: [2])
        ahead.start(2) { _ in 20 }
        #expect(ahead.take(2) == 20)
        #expect(ahead.take(1) == nil)
    }

    @Test("work whose key is kept is not called off")
    func kept() {
        let ahead = RunAhead<Int, Int>()
        ahead.start(5) { token in
            usleep(20_000)
            return token.isCancelled ? nil : 50
        }
        ahead.cancel(keeping: [6, 5])
        #expect(ahead.take(5) == 50)
        // Nothing counts now: calling off is a no-op and a new start runs.
        ahead.cancel(keeping: [])
        ahead.start(7) { _ in 70 }
        ahead.finish()
        #expect(ahead.takeFinished() == [7: 70])
    }
}

/// An MES run called off at the start of some round throws ``EqualSharesRun/CalledOff`` and
/// leaves its engine fit for the next run: that run equals one on a fresh engine (the
/// engine's scratch is all reset, whatever round the run stopped at).
@Suite("Equal Shares: a run called off")
struct EqualSharesCalledOffTests {
    @Test(arguments: 0..<20)
    func calledOff(seed: Int) throws {
        let election = EqualSharesLaneTests.randomElection(seed: UInt64(1000 + seed))
        let profile = EqualSharesProfile(election, parts: 1)
        let ties = TieBreaking(chain: [.cost, .votes, .id], election: election)
        let share = election.budget / Rational(election.ballots.count)
        let fresh = EqualSharesRun(profile: profile, utility: .cost, ties: ties)
        fresh.findsRunnerUp = true
        let expected = try fresh.run(share: share + .one)
        let full = try fresh.run(share: share)
        // Stop before round 1, in the middle, and before the last round.
        for stop in Set([0, full.rounds.count / 2, max(0, full.rounds.count - 1)]) {
            let engine = EqualSharesRun(profile: profile, utility: .cost, ties: ties)
            engine.findsRunnerUp = true
            var asked = 0
            engine.callsOff = {
                asked += 1
                return asked > stop
            }
            #expect(throws: CalledOff.self, "seed \(seed), stop at \(stop)") {
                _ = try engine.run(share: share)
            }
            #expect(asked == stop + 1, "seed \(seed): asked at every round start until told to stop")
            engine.callsOff = nil
            let after = try engine.run(share: share + .one)
            EqualSharesLaneTests.expectSameRun(after, expected, "seed \(seed), stopped at \(stop)")
        }
    }
}
