/// The MES runs of the add1 loop (``EqualShares/completeByAdd1(_:budget:variant:threads:)``),
/// by unit share `start + k`: each share is run at most once and its result kept while the
/// loop may look at it again.
///
/// With a second lane, the loop names the share it is likely to want next
/// (``prefetch(_:wanted:)``) and a background thread runs it (``RunAhead``) while the loop goes on
/// with its current probe on lane 0; the loop never waits for a run it did not ask for (a
/// run ahead that turns out useless only costs the otherwise idle core). Asking for a share
/// that is running ahead waits for that run instead of starting it again.
///
/// ``used`` counts the shares the loop looked at, not the runs made: a run made ahead and
/// never looked at does not count, and a share's result is the same whichever lane ran it,
/// so the loop's decisions and the count do not depend on the number of lanes.
final class EqualSharesAdd1Probes {
    typealias Outcome = Result<EqualSharesRun.Record, any Error>

    /// Lane 0 is the caller's engine; lane 1, if any, runs shares ahead.
    let engines: [EqualSharesRun]
    let start: Rational
    private var results: [Int: Outcome] = [:]
    private var looked: Set<Int> = []
    /// Lane 1: the share it runs ahead, by counter.
    private let ahead = RunAhead<Int, Outcome>()

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

    /// MES at `start + k`: known already, waited for if it is running ahead, else run on lane 0.
    ///
    /// - Complexity: one MES run, or none when already run.
    func result(at k: Int) -> Outcome {
        looked.insert(k)
        collectFinished()
        if let known = results[k] { return known }
        let result = ahead.take(k) ?? Outcome { try engines[0].run(share: start + Rational(k)) }
        results[k] = result
        return result
    }

    /// With a second lane, starts MES at `start + k` on it (if not known yet), calling off
    /// first what it runs unless that is `k` or `wanted` (the share the loop asks for next,
    /// which may be running ahead already); a run called off stops at its next round and
    /// is never used. Never waits.
    func prefetch(_ k: Int, wanted: Int) {
        guard engines.count > 1, k >= 0 else { return }
        collectFinished()
        ahead.cancel(keeping: [k, wanted])
        if results[k] != nil { return }
        nonisolated(unsafe) let engine = engines[1]  // only lane 1's thread uses it, one run at a time
        let share = start + Rational(k)
        ahead.start(k) { token in
            engine.callsOff = { token.isCancelled }
            defer { engine.callsOff = nil }
            return CalledOff.outcome { try engine.run(share: share) }
        }
    }

    /// Moves what lane 1 finished into ``results``.
    private func collectFinished() {
        for (k, result) in ahead.takeFinished() where results[k] == nil { results[k] = result }
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
    func finish() { ahead.finish() }
}
