import Dispatch
import Foundation

/// The MES runs of the add1 loop (``EqualShares/completeByAdd1(_:budget:variant:threads:)``),
/// by unit share `start + k`: each share is run at most once and its result kept while the
/// loop may look at it again.
///
/// With a second lane, the loop names the share it is likely to want next
/// (``prefetch(_:)``) and a background thread runs it while the loop goes on with its
/// current probe on lane 0; the loop never waits for a run it did not ask for (a run ahead
/// that turns out useless only costs the otherwise idle core). Asking for a share that is
/// running ahead waits for that run instead of starting it again.
///
/// ``used`` counts the shares the loop looked at, not the runs made: a run made ahead and
/// never looked at does not count, and a share's result is the same whichever lane ran it,
/// so the loop's decisions and the count do not depend on the number of lanes.
///
/// `@unchecked Sendable`: lane 1's thread touches only ``ahead`` and ``finished`` (under
/// ``lock``) and its own engine; everything else belongs to the loop's thread.
final class EqualSharesAdd1Probes: @unchecked Sendable {
    typealias Outcome = Result<EqualSharesRun.Record, any Error>

    /// Lane 0 is the caller's engine; lane 1, if any, runs shares ahead.
    let engines: [EqualSharesRun]
    let start: Rational
    private var results: [Int: Outcome] = [:]
    private var looked: Set<Int> = []
    /// Lane 1's work: the share it runs (under ``lock``), what it finished and not yet
    /// handed over, and a group to wait for it.
    private let lock = NSLock()
    private var ahead: Int?
    private var finished: [Int: Outcome] = [:]
    private let aheadDone = DispatchGroup()
    private let aheadQueue = DispatchQueue(label: "pbcount.mes.add1.ahead")

    /// How many distinct shares the loop looked at.
    var used: Int { looked.count }

    /// - Parameters:
    ///   - engine: lane 0; `lanes - 1` more engines on the same profile are made.
    ///   - start: the unit share counter's start.
    init(engine: EqualSharesRun, start: Rational, lanes: Int) {
        var engines = [engine]
        for _ in 1..<max(1, min(lanes, 2)) {
            engines.append(EqualSharesRun(profile: engine.profile, utility: engine.utility, ties: engine.ties))
        }
        for e in engines { e.findsRunnerUp = true }
        self.engines = engines
        self.start = start
    }

    deinit { aheadDone.wait() }

    /// MES at `start + k`: known already, waited for if it is running ahead, else run on lane 0.
    ///
    /// - Complexity: one MES run, or none when already run.
    func result(at k: Int) -> Outcome {
        looked.insert(k)
        collectFinished()
        if let known = results[k] { return known }
        if lock.withLock({ ahead == k }) {
            aheadDone.wait()
            collectFinished()
            if let known = results[k] { return known }
            preconditionFailure("EqualShares: an add1 run made ahead is handed over")
        }
        let result = Outcome { try engines[0].run(share: start + Rational(k)) }
        results[k] = result
        return result
    }

    /// With a second lane that is idle, starts MES at `start + k` on it (if not known yet);
    /// otherwise nothing. Never waits.
    func prefetch(_ k: Int) {
        guard engines.count > 1, k >= 0 else { return }
        collectFinished()
        if results[k] != nil { return }
        let idle = lock.withLock { () -> Bool in
            guard ahead == nil else { return false }
            ahead = k
            return true
        }
        guard idle else { return }
        nonisolated(unsafe) let engine = engines[1]  // only lane 1's thread uses it, one run at a time
        let share = start + Rational(k)
        aheadDone.enter()
        aheadQueue.async { [self] in
            let result = Outcome { try engine.run(share: share) }
            lock.withLock {
                finished[k] = result
                ahead = nil
            }
            aheadDone.leave()
        }
    }

    /// Moves what lane 1 finished into ``results``.
    private func collectFinished() {
        let done = lock.withLock { () -> [Int: Outcome] in
            defer { finished = [:] }
            return finished
        }
        for (k, result) in done where results[k] == nil { results[k] = result }
    }

    /// Among the shares `start + j`, `j > k`, that the loop looked at before and whose run
    /// succeeded, the farthest whose run satisfies `proves`.
    ///
    /// - Complexity: O(kept runs) calls of `proves`.
    func farthestLooked(beyond k: Int, where proves: (EqualSharesRun.Record) -> Bool) -> (Int, EqualSharesRun.Record)? {
        for j in results.keys.filter({ $0 > k && looked.contains($0) }).sorted(by: >) {
            if case .success(let record) = results[j], proves(record) { return (j, record) }
        }
        return nil
    }

    /// Drops the runs at shares `start + j`, `j < k`: the loop never goes back.
    func forget(below k: Int) {
        if results.count > 64 { results = results.filter { $0.key >= k } }
    }

    /// Waits for lane 1 to finish what it runs (before the engines are used for anything else).
    func finish() { aheadDone.wait() }
}
