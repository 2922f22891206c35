import Dispatch

extension EqualShares {
    /// The `add1` completion: raise the per-voter share one currency unit at a time and
    /// rerun MES, in one of the three published variants (RULES.md, "Completions") —
    /// computed by jumps, with the outcome, step count and ties of the one-unit loop
    /// (``completeByAdd1Stepped(_:budget:variant:)``, kept as the tests' oracle).
    ///
    /// All three start from the outcome at the exact share `B / n`:
    /// - `equalshares`: share counter from `floor(B / n)`; stop when the current outcome is
    ///   exhaustive (no unfunded project, supported or not, fits in what is left of `B`);
    ///   else try the next unit and keep it if it costs at most `B`, or stop.
    /// - `pabulib`: the same without the exhaustiveness test.
    /// - `pabutools`: counter from the exact share `B / n`; exhaustiveness counts only
    ///   projects that someone supports (pabutools' `available_projects`).
    ///
    /// Each run also reports ``EqualSharesRun/Record/stableUntil``: every share below it
    /// funds the same projects in the same order without an unresolved tie. The stepped
    /// loop would accept every unit share below it (same cost, same exhaustiveness test),
    /// so they are counted as steps without running them, and the next run is at the first
    /// unit share at or after it. The outcome at the last accepted share is rerun there if
    /// it was a skipped one, so its record (rho, leftovers, ties) is that run's own.
    /// Guides/EqualShares.md, "add1 by jumps", gives the proof.
    ///
    /// Once an outcome funds every supported project no later run can overspend, so the
    /// stepped definition would never stop; the loop stops there with that outcome (the
    /// outcome every larger share converges to).
    ///
    /// - Returns: the chosen run, the number of accepted unit steps (the stepped
    ///   definition's count) and the number of MES runs the loop used (a run made ahead on
    ///   the second core and not needed is not counted, so the count does not depend on
    ///   the number of cores).
    /// - Complexity: one MES run per change of outcome (or of the runs' affine structure)
    ///   instead of one per unit.
    static func completeByAdd1(_ engine: EqualSharesRun, budget: Rational, variant: Add1Variant, threads: Int) throws
        -> (record: EqualSharesRun.Record, steps: Int, runs: Int) {
        let profile = engine.profile
        // Lane 0 runs the share the loop needs; with a second core, lane 1 runs the unit
        // after it at the same time, which is the next share needed whenever a run's
        // outcome holds for less than one more unit (often, on large elections).
        var lanes = [engine]
        if threads > 1 {
            lanes.append(EqualSharesRun(profile: profile, utility: engine.utility, ties: engine.ties))
        }
        for k in lanes.indices { lanes[k].tracksFlips = true }
        var ahead: (share: Rational, result: Result<EqualSharesRun.Record, any Error>)?
        let exact = budget / Rational(profile.voterCount)
        var current = try lanes[0].run(share: exact)
        var runs = 1
        var steps = 0
        // The last unit share tried and kept (or the start of the counter), and the share
        // whose outcome is kept (`current.share` unless skipped steps moved it on).
        var share = variant == .pabutools ? exact : exact.floor
        var kept = exact
        let supportedCount = (0..<profile.projectCount).filter { profile.isSupported($0) }.count
        var ticker = ProgressTicker(engine.progress)
        while current.funded.count < supportedCount {
            ticker.tick("mes add1: share \(share.decimalString(places: 0)) (\(steps) steps, \(runs) runs)")
            if variant != .pabulib
                && isExhaustive(current, budget: budget, profile: profile, supportedOnly: variant == .pabutools) { break }
            // Unit shares strictly below stableUntil fund what `current` funds: kept unseen.
            if let until = current.stableUntil {
                let skipped = unitsStrictlyBetween(share, until)
                if skipped > 0 {
                    steps += skipped
                    share += Rational(skipped)
                    kept = share
                }
            }
            let target = share + .one
            let next: EqualSharesRun.Record
            if let ahead, ahead.share == target {
                next = try ahead.result.get()
            } else {
                let results = runTwo(&lanes, target)
                ahead = results.count > 1 ? (target + .one, results[1]) : nil
                next = try results[0].get()
            }
            runs += 1
            if next.cost > budget { break }
            share += .one
            kept = share
            current = next
            steps += 1
        }
        if kept != current.share {
            current = try lanes[0].run(share: kept)
            runs += 1
        }
        return (current, steps, runs)
    }

    /// MES at `share` on lane 0 and, if there is a second lane, at `share + 1` on it, at once.
    private static func runTwo(_ lanes: inout [EqualSharesRun], _ share: Rational) -> [Result<EqualSharesRun.Record, any Error>] {
        if lanes.count == 1 { return [Result { try lanes[0].run(share: share) }] }
        var results = [Result<EqualSharesRun.Record, any Error>?](repeating: nil, count: 2)
        lanes.withUnsafeMutableBufferPointer { engines in
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let engines = engines  // each task uses its own engine
                nonisolated(unsafe) let out = out  // and writes its own slot
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    out[k] = Result { try engines[k].run(share: share + Rational(k)) }
                }
            }
        }
        return results.map { result in
            guard let result else { preconditionFailure("EqualShares: both add1 runs finished") }
            return result
        }
    }

    /// The number of shares `from + k` (`k >= 1`) below `until`.
    static func unitsStrictlyBetween(_ from: Rational, _ until: Rational) -> Int {
        guard until > from else { return 0 }
        let span = until - from  // from + k < until  <=>  k < span
        let whole = span.floor
        let k = whole == span ? whole - .one : whole
        guard let parts = k.smallParts, parts.numerator < Int64(Int.max / 2) else {
            preconditionFailure("EqualShares: add1 skips a number of steps that fits in a machine word")
        }
        return Int(parts.numerator)
    }

    /// The `add1` completion as its definition states it: raise the per-voter share one
    /// currency unit at a time and rerun MES each time, in one of the three published
    /// variants (RULES.md, "Completions"). The oracle of ``completeByAdd1(_:budget:variant:)``
    /// in the tests (and the code it replaced).
    ///
    /// All three start from the outcome at the exact share `B / n`:
    /// - `equalshares`: share counter from `floor(B / n)`; stop when the current outcome is
    ///   exhaustive (no unfunded project, supported or not, fits in what is left of `B`);
    ///   else try the next unit and keep it if it costs at most `B`, or stop.
    /// - `pabulib`: the same without the exhaustiveness test.
    /// - `pabutools`: counter from the exact share `B / n`; exhaustiveness counts only
    ///   projects that someone supports (pabutools' `available_projects`).
    ///
    /// Once an outcome funds every supported project no later run can overspend, so the
    /// stepped definition would never stop; the loop stops there with that outcome (the
    /// outcome every larger share converges to).
    ///
    /// The next shares are run speculatively, one per core, and consumed strictly in
    /// order: the outcome, the step count and even which unresolved tie is reported are
    /// those of the one-at-a-time loop, whatever the number of cores (a run beyond the
    /// stopping point is discarded unseen).
    ///
    /// - Returns: the chosen run, the number of accepted steps and the number of MES runs
    ///   the stepped definition makes.
    /// - Complexity: one MES run per step, spread over the cores.
    static func completeByAdd1Stepped(_ engine: EqualSharesRun, budget: Rational, variant: Add1Variant, threads: Int) throws
        -> (record: EqualSharesRun.Record, steps: Int, runs: Int) {
        let profile = engine.profile
        var lanes = [engine]
        for _ in 1..<max(1, min(threads, 4)) {
            lanes.append(EqualSharesRun(profile: profile, utility: engine.utility, ties: engine.ties))
        }
        let exact = budget / Rational(profile.voterCount)
        var current = try lanes[0].run(share: exact)
        var runs = 1
        var steps = 0
        var share = variant == .pabutools ? exact : exact.floor
        let supportedCount = (0..<profile.projectCount).filter { profile.isSupported($0) }.count
        var pending: [Result<EqualSharesRun.Record, any Error>] = []
        while current.funded.count < supportedCount {
            switch variant {
            case .equalshares:
                if isExhaustive(current, budget: budget, profile: profile, supportedOnly: false) { return (current, steps, runs) }
            case .pabutools:
                if isExhaustive(current, budget: budget, profile: profile, supportedOnly: true) { return (current, steps, runs) }
            case .pabulib:
                break
            }
            share += .one
            if pending.isEmpty { pending = speculate(&lanes, from: share) }
            let next = try pending.removeFirst().get()
            runs += 1
            if next.cost > budget { break }
            current = next
            steps += 1
        }
        return (current, steps, runs)
    }

    /// Runs MES at `share`, `share + 1`, ... on every lane at once.
    private static func speculate(_ lanes: inout [EqualSharesRun], from share: Rational) -> [Result<EqualSharesRun.Record, any Error>] {
        let count = lanes.count
        if count == 1 { return [Result { try lanes[0].run(share: share) }] }
        var results = [Result<EqualSharesRun.Record, any Error>?](repeating: nil, count: count)
        lanes.withUnsafeMutableBufferPointer { engines in
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let engines = engines  // each task uses its own engine
                nonisolated(unsafe) let out = out  // and writes its own slot
                DispatchQueue.concurrentPerform(iterations: count) { k in
                    out[k] = Result { try engines[k].run(share: share + Rational(k)) }
                }
            }
        }
        return results.map { result in
            guard let result else { preconditionFailure("EqualShares: every speculative add1 run finished") }
            return result
        }
    }

    /// Whether no unfunded project (only supported ones if `supportedOnly`) fits in what
    /// `record` leaves of `budget`.
    /// - Complexity: O(projects).
    static func isExhaustive(_ record: EqualSharesRun.Record, budget: Rational, profile: EqualSharesProfile, supportedOnly: Bool) -> Bool {
        var funded = [Bool](repeating: false, count: profile.projectCount)
        for p in record.funded { funded[p] = true }
        let left = budget - record.cost
        for p in 0..<profile.projectCount where !funded[p] && (!supportedOnly || profile.isSupported(p)) {
            if profile.costs[p] <= left { return false }
        }
        return true
    }

    /// The `greedy` completion (equalshares.net "utilitarian"): after MES, walk every
    /// unfunded project in order of `score` (`votes` on approval ballots), highest first,
    /// ties by the chain, and fund each one that fits in the money left.
    ///
    /// - Complexity: O(p log p) for p projects.
    static func completeGreedily(funded: [Int], cost: Rational, election: Election,
                                 support: (votes: [Int], score: [Int64]), ties: TieBreaking) throws
        -> (added: [Int], cost: Rational, steps: [EqualSharesTrace.CompletionStep], ties: [TieRecord]) {
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let candidates = election.projects.indices.filter { !isFunded[$0] }
        let (order, tieRecords) = try ties.sort(candidates, context: "greedy completion order") { a, b in
            support.score[a] == support.score[b] ? 0 : (support.score[a] > support.score[b] ? -1 : 1)
        }
        var total = cost
        var added: [Int] = []
        var steps: [EqualSharesTrace.CompletionStep] = []
        for p in order {
            let c = election.projects[p].cost
            let fits = total + c <= election.budget
            if fits {
                total += c
                added.append(p)
            }
            steps.append(EqualSharesTrace.CompletionStep(project: p, funded: fits, votes: support.votes[p],
                                                         score: Int(support.score[p]), moneyLeft: election.budget - total))
        }
        return (added, total, steps, tieRecords)
    }

    /// The comparison step: how many voters prefer the greedy outcome and how many the
    /// MES outcome. `satisfaction`: a voter prefers the outcome that funds more of the
    /// projects it supports; `exclusion`: the outcome that funds at least one of them when
    /// the other funds none.
    ///
    /// - Complexity: O(E) for E ballot entries of the distinct ballots.
    static func compare(greedy: [Int], mes: [Int], profile: EqualSharesProfile, mode: ComparisonMode) -> (preferGreedy: Int, preferMES: Int) {
        var inGreedy = [Bool](repeating: false, count: profile.projectCount)
        var inMES = inGreedy
        for p in greedy { inGreedy[p] = true }
        for p in mes { inMES[p] = true }
        var preferGreedy = 0
        var preferMES = 0
        for j in 0..<profile.distinctBallotCount {
            var g = 0
            var m = 0
            for k in Int(profile.ballotStart[j]) ..< Int(profile.ballotStart[j + 1]) {
                let p = Int(profile.ballotProject[k])
                if inGreedy[p] { g += 1 }
                if inMES[p] { m += 1 }
            }
            if mode == .exclusion {
                g = min(g, 1)
                m = min(m, 1)
            }
            if g > m { preferGreedy += Int(profile.ballotWeight[j]) }
            if m > g { preferMES += Int(profile.ballotWeight[j]) }
        }
        return (preferGreedy, preferMES)
    }
}
