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
/// A share is run along the run the loop keeps when it first asks for it
/// (``EqualSharesRun/run(share:along:)``: fewer evaluations, records that depend on that
/// kept run), so a run made ahead is handed over only to a request along the same kept run
/// (its `generation`, which the loop counts up each time it keeps a run); once looked at,
/// a share's run is the one the loop uses from then on, as with one lane.
///
/// ``used`` counts the shares the loop looked at, not the runs made: a run made ahead and
/// never looked at does not count, and a share's result is the same whichever lane ran it,
/// so the loop's decisions and the count do not depend on the number of lanes.
final class EqualSharesAdd1Probes {
    typealias Outcome = Result<EqualSharesRun.Record, any Error>

    /// A share's counter and the generation of the kept run it is run along.
    struct Key: Hashable, Sendable {
        var k: Int
        var generation: Int
    }

    /// Lane 0 is the caller's engine; lane 1, if any, runs shares ahead.
    let engines: [EqualSharesRun]
    let start: Rational
    /// The runs of the shares the loop looked at, by counter.
    private var results: [Int: Outcome] = [:]
    private var looked: Set<Int> = []
    /// Runs lane 1 finished that the loop has not looked at yet.
    private var madeAhead: [Key: Outcome] = [:]
    /// Lane 1: the share it runs ahead.
    private let ahead = RunAhead<Key, Outcome>()

    /// How many distinct shares the loop looked at.
    var used: Int { looked.count }

    /// - Parameters:
    ///   - engines: lane 0, and lane 1 if it runs shares ahead (at most two).
    ///   - start: the unit share counter's start.
    init(engines: [EqualSharesRun], start: Rational) {
        precondition((1...2).contains(engines.count))
        for e in engines { e.findsRunnerUp = true }
        self.engines = engines
        self.start = start
    }

    /// MES at `start + k`, along `left` (the loop's kept run, of `generation`): known
    /// already, waited for if it is running ahead along the same run, else run on lane 0.
    ///
    /// - Complexity: one MES run, or none when already run.
    func result(at k: Int, along left: EqualSharesRun.Record, generation: Int) -> Outcome {
        looked.insert(k)
        // The loop's next requests are along this run or a later one, or (stepping) the one before.
        collectFinished(oldest: generation - 1)
        if let known = results[k] { return known }
        let key = Key(k: k, generation: generation)
        let result = madeAhead.removeValue(forKey: key) ?? ahead.take(key)
            ?? Outcome { try engines[0].run(share: start + Rational(k), along: left) }
        results[k] = result
        return result
    }

    /// With a second lane, starts MES at `start + k` on it (if not known yet), calling off
    /// first what it runs unless that is `k` or `wanted` (the share the loop asks for next,
    /// along the kept run of `wantedGeneration`, which may be running ahead already); a run
    /// called off stops at its next round and is never used. The run is made along `left`
    /// (of `generation`), as the loop will ask for it. Never waits.
    func prefetch(_ k: Int, wanted: Int, wantedGeneration: Int, along left: EqualSharesRun.Record, generation: Int) {
        guard engines.count > 1, k >= 0 else { return }
        collectFinished(oldest: min(generation, wantedGeneration))
        let key = Key(k: k, generation: generation)
        ahead.cancel(keeping: [key, Key(k: wanted, generation: wantedGeneration)])
        if results[k] != nil || madeAhead[key] != nil { return }
        nonisolated(unsafe) let engine = engines[1]  // only lane 1's thread uses it, one run at a time
        let share = start + Rational(k)
        ahead.start(key) { token in
            engine.callsOff = { token.isCancelled }
            defer { engine.callsOff = nil }
            return CalledOff.outcome { try engine.run(share: share, along: left) }
        }
    }

    /// Moves what lane 1 finished into ``madeAhead``, and drops the runs made along kept runs
    /// older than `oldest` (only a request along the same kept run may use one, and the loop
    /// asks along no older one again).
    private func collectFinished(oldest: Int) {
        for (key, result) in ahead.takeFinished() where results[key.k] == nil { madeAhead[key] = result }
        if madeAhead.keys.contains(where: { $0.generation < oldest }) {
            madeAhead = madeAhead.filter { $0.key.generation >= oldest }
        }
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
