import Dispatch

extension EqualShares {
    /// The `add1` completion: raise the per-voter share one currency unit at a time and
    /// rerun MES, in one of the three published variants (RULES.md, "Completions").
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
    static func completeByAdd1(_ engine: EqualSharesRun, budget: Rational, variant: Add1Variant, threads: Int) throws
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
