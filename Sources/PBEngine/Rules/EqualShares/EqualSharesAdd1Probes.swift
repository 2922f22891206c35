import Dispatch

/// The MES runs of the add1 loop (``EqualShares/completeByAdd1(_:budget:variant:threads:)``),
/// by unit share `start + k`: each share is run at most once and its result kept while the
/// loop may look at it again. With a second lane, the share the loop may need next runs on
/// it at the same time.
///
/// ``used`` counts the shares the loop looked at, not the runs made: a run made alongside
/// and never looked at does not count, so the count does not depend on the number of lanes.
struct EqualSharesAdd1Probes {
    /// Lane 0 is the caller's engine; lane 1, if any, runs the share asked for alongside.
    let engines: [EqualSharesRun]
    let start: Rational
    private var results: [Int: Result<EqualSharesRun.Record, any Error>] = [:]
    private var looked: Set<Int> = []

    /// How many distinct shares the loop looked at.
    var used: Int { looked.count }

    /// - Parameters:
    ///   - engine: lane 0; `lanes - 1` more engines on the same profile are made.
    ///   - start: the unit share counter's start.
    init(engine: EqualSharesRun, start: Rational, lanes: Int) {
        var engines = [engine]
        for _ in 1..<max(1, lanes) {
            engines.append(EqualSharesRun(profile: engine.profile, utility: engine.utility, ties: engine.ties))
        }
        for e in engines { e.findsRunnerUp = true }
        self.engines = engines
        self.start = start
    }

    /// MES at `start + k`; with a second lane, MES at `start + other` alongside if not done.
    ///
    /// - Complexity: one or two MES runs, or none when already run.
    mutating func result(at k: Int, alongside other: Int?) -> Result<EqualSharesRun.Record, any Error> {
        looked.insert(k)
        if let known = results[k] { return known }
        var shares = [k]
        if engines.count > 1, let other, other != k, results[other] == nil { shares.append(other) }
        var out = [Result<EqualSharesRun.Record, any Error>?](repeating: nil, count: shares.count)
        let start = start
        if shares.count == 1 {
            out[0] = Result { try engines[0].run(share: start + Rational(k)) }
        } else {
            let engines = engines
            let shares = shares
            out.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots  // each task writes its own slot
                nonisolated(unsafe) let engines = engines  // and uses its own engine
                DispatchQueue.concurrentPerform(iterations: 2) { lane in
                    slots[lane] = Result { try engines[lane].run(share: start + Rational(shares[lane])) }
                }
            }
        }
        for (lane, share) in shares.enumerated() {
            guard let result = out[lane] else { preconditionFailure("EqualShares: every add1 run asked for finished") }
            results[share] = result
        }
        guard let result = results[k] else { preconditionFailure("EqualShares: the add1 run asked for is kept") }
        return result
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
    mutating func forget(below k: Int) {
        if results.count > 64 { results = results.filter { $0.key >= k } }
    }
}
