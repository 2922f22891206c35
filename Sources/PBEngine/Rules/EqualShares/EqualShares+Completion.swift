import Dispatch

extension EqualShares {
    /// The `add1` completion: raise the per-voter share one currency unit at a time and
    /// rerun MES, in one of the three published variants (RULES.md, "Completions") —
    /// computed by jumps, with the outcome, step count and ties of the one-unit loop
    /// (``completeByAdd1Stepped(_:budget:variant:threads:)``, kept as the tests' oracle).
    ///
    /// All three start from the outcome at the exact share `B / n`:
    /// - `equalshares`: share counter from `floor(B / n)`; stop when the current outcome is
    ///   exhaustive (no unfunded project, supported or not, fits in what is left of `B`);
    ///   else try the next unit and keep it if it costs at most `B`, or stop.
    /// - `pabulib`: the same without the exhaustiveness test.
    /// - `pabutools`: counter from the exact share `B / n`; exhaustiveness counts only
    ///   projects that someone supports (pabutools' `available_projects`).
    ///
    /// Jumps: with the winners fixed, every budget is a non-decreasing function of the
    /// share, so every `rho` a non-increasing one. Two runs at shares `a < b` that fund the
    /// same projects in the same order, where each round's `rho` at `a` is below the
    /// runner-up's at `b` (``EqualSharesRun/RoundRecord/runnerUp``; or equal to it, for
    /// runner-ups the chain puts after the winner), prove that every share in between funds
    /// the same, without an unresolved tie (``holds(from:to:ties:affine:)``); near a crossing
    /// of two `rho`, where that fails, equal poor sets at both ends make the `rho` affine in
    /// the share and the ends decide (the affine test). The stepped loop
    /// keeps all those unit shares (same cost, same stopping tests), so they count as steps
    /// without a run. The loop probes the share `window` units ahead: it doubles the window
    /// while the proof goes through, halves it towards the nearest share it failed for, and
    /// at one unit it is the stepped loop itself (that run is judged, and its error thrown,
    /// as the stepped loop does). The line through two kept runs' gaps places a probe on
    /// the last unit before a predicted crossing (``predictedCrossing(from:to:)``). The kept outcome is always a run of its own, so its `rho`,
    /// leftovers and ties are that share's. Guides/EqualShares.md, "add1 by jumps".
    ///
    /// Once an outcome funds every supported project no later run can overspend, so the
    /// stepped definition would never stop; the loop stops there with that outcome (the
    /// outcome every larger share converges to).
    ///
    /// - Returns: the chosen run, the number of accepted unit steps (the stepped
    ///   definition's count) and the number of MES runs the loop used (a run made ahead on
    ///   the second core and never looked at is not counted, so the count does not depend on
    ///   the number of cores).
    /// - Complexity: about `2 log2(L)` MES runs for a stretch of `L` unit shares with the
    ///   same outcome, instead of `L`.
    static func completeByAdd1(_ engine: EqualSharesRun, budget: Rational, variant: Add1Variant, threads: Int,
                               stretch: Add1Stretches? = nil) throws
        -> (record: EqualSharesRun.Record, steps: Int, runs: Int) {
        let profile = engine.profile
        let exact = budget / Rational(profile.voterCount)
        // Unit shares are `start + k`; `k` is the last one kept (0: the counter's start).
        let start = variant == .pabutools ? exact : exact.floor
        engine.findsRunnerUp = true
        let initial = try engine.run(share: exact)
        let supportedCount = (0..<profile.projectCount).filter { profile.isSupported($0) }.count
        let plan = stretch ?? Add1Stretches(initial: initial, exact: exact, start: start, budget: budget,
                                            entries: profile.supporterBallot.count)
        let second: EqualSharesRun? = threads > 1
            ? EqualSharesRun(profile: profile, utility: engine.utility, ties: engine.ties) : nil
        second?.findsRunnerUp = true
        // Lane 0 says how far the walk is (on a terminal); lane 1 walks later stretches.
        let ticker = SharedProgressTicker(engine.progress)
        func walk(_ c: Int, on engines: [EqualSharesRun], reports: Bool) throws -> Add1Stretch {
            try walkStretch(first: plan.first(c), last: plan.last(c), initial: c == 0 ? initial : nil, engines: engines,
                            start: start, budget: budget, variant: variant, supportedCount: supportedCount,
                            stretch: c, ticker: reports ? ticker : nil)
        }
        // One stretch after the other on one engine (a second one running ahead the shares
        // the walk is likely to want next), or two at a time, one per engine.
        let parallel = second != nil && plan.parallel
        var total = (record: initial, steps: 0, runs: 0)
        try StretchWalk.run(lanes: parallel ? 2 : 1, walk: { c, lane, callsOff in
            let e = lane == 0 ? engine : second!
            if parallel { e.callsOff = callsOff }
            defer { e.callsOff = nil }
            return try walk(c, on: parallel ? [e] : [engine] + (second.map { [$0] } ?? []), reports: lane == 0)
        }, join: { part in
            if part.end == .rejected {
                total.runs += part.runs
            } else {
                total = (part.record, total.steps + part.steps, total.runs + part.runs)
            }
            return part.end != .passed
        })
        return total
    }

    /// One stretch of the add1 walk, the counters `first ... last`: from `initial` (the run at
    /// the exact share, counter 0) or else from the stepped loop's own run at `first`
    /// (rejected if it costs more than the budget), by the jumps and proofs below, to `last`
    /// (passed) or to where the stepped loop stops. Its steps and the runs it looked at.
    private static func walkStretch(first: Int, last: Int, initial: EqualSharesRun.Record?, engines: [EqualSharesRun],
                                    start: Rational, budget: Rational, variant: Add1Variant, supportedCount: Int,
                                    stretch: Int, ticker: SharedProgressTicker?) throws -> Add1Stretch {
        let engine = engines[0]
        let profile = engine.profile
        var current: EqualSharesRun.Record
        var k = first
        var steps = 0
        if let initial {
            current = initial
        } else {
            current = try engine.run(share: start + Rational(first))
            if current.cost > budget { return Add1Stretch(end: .rejected, record: current, steps: 0, runs: 1) }
            steps = 1
        }
        let probes = EqualSharesAdd1Probes(engines: engines, start: start)
        defer { probes.finish() }
        // Counts the kept runs: a probe is run along a kept run (fewer evaluations), named
        // by its generation (`current`'s, or `previous`'s one less).
        var generation = 0
        // The counter of `previous` (`nil`: the run at the exact share, or none).
        var previousK: Int?
        // The run kept before `current` (how fast each round's runner-up falls tells how far
        // the next proof may reach), the window's cap (doubled after each proof) and the
        // nearest share a probe failed to reach from `current`.
        var previous: EqualSharesRun.Record?
        var guess = Guess(shares: (nil, current.share - Rational.one), crossing: nil, reach: nil)
        // A stretch after the first starts anywhere, most often inside a stretch of one
        // outcome: the window starts as after a change of outcome.
        var grow = initial == nil ? Self.windowAfterChange : 1
        var limit: Int?
        // Keeps `record`, the run at counter `far`: every unit share up to it is a step.
        func keep(_ record: EqualSharesRun.Record, at far: Int) {
            steps += far - k
            previousK = previous == nil ? nil : k
            k = far
            previous = current
            current = record
            generation += 1
            probes.forget(below: k)
            if let l = limit, l <= k { limit = nil }
        }
        func end(_ end: Add1Stretch.End) -> Add1Stretch {
            Add1Stretch(end: end, record: current, steps: steps, runs: probes.used + 1)
        }
        while true {
            ticker?.tick("mes add1: share \((start + Rational(k)).decimalString(places: 0)) (stretch \(stretch + 1), \(probes.used + 1) runs in it)")
            if current.funded.count >= supportedCount { return end(.stopped) }
            if variant != .pabulib
                && isExhaustive(current, budget: budget, profile: profile, supportedOnly: variant == .pabutools) { return end(.stopped) }
            if k >= last { return end(.passed) }
            // A share run before that the proof now reaches from `current`: no new run.
            if let (far, record) = probes.farthestLooked(beyond: k, where: { holds(from: current, to: $0, ties: engine.ties) }) {
                keep(record, at: far)
                continue
            }
            // The guesses from the two kept runs, once per pair (each probe that fails asks again).
            if guess.shares != (previous?.share, current.share) {
                let crossing = predictedCrossing(from: previous, to: current)
                // A plan aims at the crossing when it has a last unit before it, and then
                // never reads the reach: not computed (the same plans).
                let aims = crossing.flatMap { lastUnit(before: $0, start: start) } != nil
                guess = Guess(shares: (previous?.share, current.share), crossing: crossing,
                              reach: aims ? nil : reach(from: previous, to: current))
            }
            let window = min(plan(k: k, grow: grow, limit: limit, guess: guess, start: start), last - k)
            let target = k + window
            // A probe is run along `current`; while the loop steps unit by unit (`previous` one
            // unit below), along `previous`, so that the second lane can run the next unit
            // before `current` is known. Its rhos are at least `current`'s: as few evaluations
            // are left out, and the proof from `current` answers the same while both have
            // the same winners (``EqualSharesRun/run(share:along:)``).
            func along(_ window: Int) -> (EqualSharesRun.Record, Int) {
                if window == 1, let previous, previousK == k - 1 { return (previous, generation - 1) }
                return (current, generation)
            }
            // The second lane runs the share the loop is likely to want next: where the
            // window halves to if this probe fails (the plan of that state, exactly), or,
            // stepping unit by unit, the next unit (along what will then be `previous`).
            if window > 1 {
                let halved = plan(k: k, grow: max(1, window / 2), limit: min(limit ?? target, target), guess: guess, start: start)
                let (left, g) = along(halved)
                probes.prefetch(k + halved, wanted: target, wantedGeneration: along(window).1, along: left, generation: g)
            } else if target < last {
                probes.prefetch(target + 1, wanted: target, wantedGeneration: along(window).1, along: current, generation: generation)
            }
            let (left, g) = along(window)
            let result = probes.result(at: target, along: left, generation: g)
            var proved = false
            if case .success(let probe) = result { proved = holds(from: current, to: probe, ties: engine.ties) }
            if !proved && window > 1 {
                limit = min(limit ?? target, target)
                grow = max(1, window / 2)
                continue
            }
            // Proved: every unit share up to `target` funds what `current` funds. Or not
            // proved one unit ahead: the stepped loop's own next run, judged as it judges it.
            let next = try result.get()
            if !proved && next.cost > budget { return end(.stopped) }
            let changed = next.funded != current.funded
            keep(next, at: target)
            // Just past a change of outcome the new order's gaps are small, yet a proof (most
            // often the affine one) almost always reaches a few units: doubling from 1 again
            // cost about four runs per crossing on Budapest.
            grow = proved ? window * 2 : (changed ? Self.windowAfterChange : 1)
        }
    }

    /// The first window after a change of outcome (a guess; the proof decides).
    static let windowAfterChange = 8

    /// The next probe of the add1 loop: `window` units beyond the kept share `k`, capped by
    /// `grow` (doubled after each proof, halved after each failure) and by `limit` (the
    /// nearest share a probe failed to reach from `current`); aimed at the last unit before
    /// the crossing that the last two kept runs predict (`guess`) when it lies within the
    /// window, else capped by the guessed reach of a proof. Only chooses where to probe (the
    /// proof decides).
    /// - Complexity: O(1).
    static func plan(k: Int, grow: Int, limit: Int?, guess: Guess, start: Rational) -> Int {
        var window = grow
        if let x = guess.crossing, let last = lastUnit(before: x, start: start) {
            // Aim at the last unit share before the predicted crossing: the first after it
            // is where the outcome should change. After a failed probe the window halves
            // as before.
            if last > k && last - k <= window {
                window = last - k
            } else if last <= k {
                window = 1
            }
        } else if let reach = guess.reach {
            window = min(window, reach)
        }
        if let l = limit { window = min(window, l - k - 1) }
        return max(1, window)
    }

    /// What the add1 loop guesses from its last two kept runs (at `shares`): where the
    /// outcome is likely to change (``predictedCrossing(from:to:)``) and how far a proof is
    /// likely to reach (``reach(from:to:)``; only when the plans cannot aim at the crossing,
    /// the one case that reads it). Computed once per pair of kept runs: each takes
    /// exact arithmetic over every round and rival (about 5% of Budapest's add1 when
    /// computed for every plan, two or more per pair).
    struct Guess {
        var shares: (Rational?, Rational)
        var crossing: Rational?
        var reach: Int?
    }

    /// The counter `j` of the last unit share `start + j` strictly below `x` (`nil` if it does
    /// not fit an `Int`).
    static func lastUnit(before x: Rational, start: Rational) -> Int? {
        guard let parts = ((x - start).ceiling - .one).smallParts, parts.numerator < Int64(1) << 40 else { return nil }
        return Int(parts.numerator)
    }

    /// How many unit shares beyond `current` a proof from it is likely to reach: in each
    /// round, the gap from the winner's `rho` to the runner-up's, over how fast the
    /// runner-up's fell per unit from `previous` to `current`; 7/8 of the least of these.
    /// Only a guess that chooses the next probe (the proof decides); `nil` when there is none.
    /// - Complexity: O(rounds).
    static func reach(from previous: EqualSharesRun.Record?, to current: EqualSharesRun.Record) -> Int? {
        guard let previous, previous.funded == current.funded, previous.share < current.share else { return nil }
        let span = current.share - previous.share
        // The least `(rival - rho) / fall` (unreduced until the end), times the span.
        let ratios = EqualSharesLeastRatio()
        for (before, now) in zip(previous.rounds, current.rounds) {
            guard let rivalBefore = before.nearest, let rival = now.nearest else { continue }
            // fall = rivalBefore - rival, when positive; units = (rival - rho) * span / fall.
            ratios.offerQuotient(rival, now.rho, over: rivalBefore)
        }
        guard let ratio = ratios.least else { return nil }
        let least = ratio * span
        guard least < Rational(1 << 40) else { return nil }
        guard let parts = (least * Rational(7, 8)).floor.smallParts else { return nil }
        return max(1, Int(parts.numerator))
    }

    /// Whether every share from `a.share` to `b.share` (two runs, `a.share <= b.share`)
    /// funds the same projects in the same order, any tie there resolved by the chain for
    /// the same winner. `a` and `b` fund the same, and in every round each other project
    /// affordable at `b` is proved never to undercut the winner `q` in between, in one of
    /// two ways:
    /// - *monotone*: its `rho` at `b` (the least it needs anywhere between) is above the
    ///   winner's at `a` (the most it needs), or equal to it with the chain putting `q` first;
    /// - *affine*: every earlier winner has the same rich points at `a` and `b`, and so has
    ///   the project (recorded as a rival at both): then the project's `rho` is an affine
    ///   function of the share on `[a, b]` and `q`'s a convex one (affine if its rich points
    ///   are the same too), and `q`'s is at most the other's at both ends (equal only where
    ///   the chain puts `q` first).
    /// Projects beyond the recorded rivals are judged by the monotone test on
    /// ``EqualSharesRun/RoundRecord/rivalFloor``.
    ///
    /// Why: with the same winners in the rounds before, every voter's budget is a
    /// non-decreasing function of the share, each poor set can only shrink, so equal rich
    /// points at both ends mean the same poor set all along (Guides/EqualShares.md,
    /// "add1 by jumps").
    /// - Complexity: O(rounds) plus O(rivals^2) for the rounds that need the affine test.
    /// - Parameter affine: whether the affine test may be used (the tests turn it off to
    ///   count the proofs that need it).
    static func holds(from a: EqualSharesRun.Record, to b: EqualSharesRun.Record, ties: TieBreaking, affine allowed: Bool = true) -> Bool {
        guard a.funded == b.funded, a.share <= b.share else { return false }
        // Whether every winner so far has the same poor set all over [a, b].
        var affine = allowed
        for (ra, rb) in zip(a.rounds, b.rounds) {
            // Budgets at the start of this round are affine if the earlier winners' poor sets
            // are fixed; this winner's own poor set may change (its tau is then convex, below
            // the chord), but the rounds after need it fixed.
            let budgetsAffine = affine
            affine = affine && ra.richPoints == rb.richPoints
            // Every other project affordable at b needs at least `rival` (the floor of the
            // ones a run along a kept run left unevaluated may be lower than the runner-up).
            guard let rival = rb.nearest else { continue }
            let q = ra.project
            let c = EqualSharesRun.order(ra.rho, ra.rhoKey, rival, rb.nearestKey)
            if c < 0 { continue }
            // A tie is allowed only when every project at `rival` is known: evaluated, below the floor.
            if c == 0 && rb.runnerUp == rival && rb.rivalFloor.map({ rival < $0 }) ?? true
                && rb.runnerUps.allSatisfy({ ties.compare(q, $0) < 0 }) { continue }
            guard budgetsAffine else { return false }
            if let floor = rb.rivalFloor, Rational.compare(ra.rho, floor) >= 0 { return false }
            for p in rb.rivals {
                let cm = Rational.compare(ra.rho, p.rho)
                if cm < 0 || (cm == 0 && ties.compare(q, p.project) < 0) { continue }
                guard let pa = ra.rivals.first(where: { $0.project == p.project }), pa.richPoints == p.richPoints else { return false }
                // rho_p is affine on [a, b] and rho_q convex (affine if its poor set is fixed),
                // so rho_q - rho_p lies below the line through its values at the ends: at
                // most 0 at both ends means at most 0 all along, 0 only if 0 at an end.
                let atA = Rational.compare(ra.rho, pa.rho)
                let atB = Rational.compare(rb.rho, p.rho)
                if atA > 0 || atB > 0 { return false }
                if (atA == 0 || atB == 0) && ties.compare(q, p.project) >= 0 { return false }
            }
        }
        return true
    }

    /// The lesser of two optional values (`nil` only if both are).
    static func least(_ a: Rational?, _ b: Rational?) -> Rational? {
        guard let a else { return b }
        guard let b else { return a }
        return b < a ? b : a
    }

    /// The share where the outcome of `current` is likely to change first: for each round
    /// funded alike by `previous` and `current`, and each rival recorded in both, where the
    /// straight line through the two gaps `rho_rival - rho_winner` reaches 0 (beyond
    /// `current`). Only a guess that places probes (the proof decides): exact while the poor
    /// sets stay the same, when every `rho` is affine in the share. `nil` when no gap closes.
    /// - Complexity: O(rounds * rivals^2).
    static func predictedCrossing(from previous: EqualSharesRun.Record?, to current: EqualSharesRun.Record) -> Rational? {
        guard let previous, previous.share < current.share else { return nil }
        let span = current.share - previous.share
        // The least `gapNow / closing` (unreduced until the end): the nearest crossing is
        // `current.share + span * gapNow / closing`.
        let ratios = EqualSharesLeastRatio()
        for (before, now) in zip(previous.rounds, current.rounds) {
            guard before.project == now.project else { break }
            for p in now.rivals {
                guard let old = before.rivals.first(where: { $0.project == p.project }) else { continue }
                // gapNow = p.rho - now.rho, gapBefore = old.rho - before.rho, closing =
                // gapBefore - gapNow, when positive.
                ratios.offerCrossing(p.rho, now.rho, before: old.rho, before.rho)
            }
        }
        return ratios.least.map { current.share + $0 * span }
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

