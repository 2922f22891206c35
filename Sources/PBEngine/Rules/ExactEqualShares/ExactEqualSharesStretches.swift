extension ExactEqualShares {
    /// The `add-opt` walk cut into stretches of shares, each walked on its own from a run at
    /// its lower end, so that two cores can walk two at once (``StretchWalk``). Stretch 0
    /// holds the shares `(B/n, S_1]` and starts from the run at `B/n`; stretch `c >= 1`
    /// holds `(S_c, S_{c+1}]` and starts from a run at `S_c`, where `S_c = (q + f(c)) w` for
    /// `q = floor((B/n) / w)` and a width `w` that is a power of two (a short share for the
    /// run there); `f(c) = c` up to the expected end of the walk (``expectedCount``
    /// stretches), then doubling (`add-opt-skip` may walk far beyond it). The cut depends
    /// only on the election, so the runs and proofs counted and the result are the same on
    /// one core and on two. Guides/ExactEqualShares.md, "Stretches on two cores".
    struct WalkStretches: Sendable {
        /// The width `w`; `nil`: no cut (one stretch).
        let width: Rational?
        let exact: Rational
        /// Whether two cores may walk two stretches at once.
        var parallel: Bool { width != nil }

        /// How many stretches the expected walk is cut into, about.
        static let expectedCount = 16
        /// The least supporter entries (of the distinct ballots) of an election whose walk
        /// is cut: a stretch costs a run from scratch and a reach that starts anew, a few
        /// runs more than one walk, which only a walk of seconds wins back on two cores
        /// (Tenderloin 2022 with 8,280 entries and Toulouse 2024 with 12,897 take seconds;
        /// Wieliczka 2023 with 7,050 a third of a second).
        static let leastEntries = 1 << 13

        /// A cut of width `width` (`nil`: none) from the exact share `exact`.
        init(width: Rational?, exact: Rational) {
            precondition(width.map { $0 > .zero } ?? true)
            self.width = width
            self.exact = exact
        }

        /// The cut for a walk whose run at the exact share `B / n` is `first`, on `entries`
        /// supporter entries: where spending grows in proportion to the share, the walk
        /// ends near `(B / n) * B / cost` (Warsaw 2026: 743 against its result's 735.7,
        /// Amsterdam 309: 35.0 against 31.5); `w` is the least power of two at least a
        /// sixteenth of the way there. No cut for a small election, or when the run at
        /// `B / n` spends nothing or all. Only a guess that chooses the cut (any cut gives
        /// the same result).
        init(first: ExactEqualSharesRun, budget: Rational, entries: Int) {
            guard entries >= Self.leastEntries, first.totalCost > .zero, first.totalCost < budget else {
                self.init(width: nil, exact: first.share)
                return
            }
            let part = first.share * (budget - first.totalCost) / first.totalCost / Rational(Self.expectedCount)
            var w = Rational.one
            while w < part { w *= Rational(2) }
            while w / Rational(2) >= part { w /= Rational(2) }
            self.init(width: w, exact: first.share)
        }

        /// The lower end of stretch `c` (`B / n` for stretch 0).
        func lower(_ c: Int) -> Rational {
            guard c > 0, let width else { return exact }
            let n = Self.expectedCount
            var steps = Rational(min(c, n))
            for _ in n ..< max(n, c) { steps *= Rational(2) }
            return ((exact / width).floor + steps) * width
        }

        /// The upper end of stretch `c`, `nil` without a cut.
        func upper(_ c: Int) -> Rational? {
            width == nil ? nil : lower(c + 1)
        }
    }

    /// What one stretch of the walk found.
    struct WalkStretch {
        enum End {
            /// No outcome in the stretch ends the walk: it goes on past the stretch's upper end.
            case passed
            /// The walk ends in the stretch.
            case stopped
        }
        var end: End
        /// The last outcome within the budget that the stretch met, if any (stretch 0: from
        /// the run at `B / n` on).
        var result: ExactEqualSharesRun?
        var runs: Int
        var proofs: Int
        var changes: Int
    }

    /// Walks stretch `c` of `cut`: from `first` (stretch 0, the run at `B / n`, counted
    /// already) or a run at the stretch's lower end, from one change of the funded set to
    /// the next, as `add-opt` and `add-opt-skip` do, until the walk ends or passes the
    /// stretch's upper end. The run at the lower end of a later stretch is no change: it
    /// funds what the last change before it funds, which the stretch before checked.
    ///
    /// - Throws: what a run throws (``CountError/unresolvedTie(_:_:)``, or ``CalledOff``).
    static func walkStretch(_ c: Int, of cut: WalkStretches, first: ExactEqualSharesRun?, ees: ExactEqualSharesElection,
                            budget: Rational, completion: Completion, lanes: Int, callsOff: @escaping @Sendable () -> Bool,
                            ticker: SharedProgressTicker?) throws -> WalkStretch {
        var part = WalkStretch(end: .stopped, result: nil, runs: 0, proofs: 0, changes: 0)
        var current: ExactEqualSharesRun
        var checks = true
        if let first {
            current = first
        } else {
            current = try ees.run(share: cut.lower(c), callsOff: callsOff)
            part.runs += 1
            checks = false
        }
        let end = cut.upper(c)
        var reach = ProofReach()
        let walk = ExactEqualSharesWalkRuns(ees: ees, lanes: lanes, callsOff: callsOff)
        while true {
            if checks {
                if current.totalCost <= budget {
                    part.result = current
                    if isExhaustive(current, ees: ees, budget: budget) { return part }
                } else if completion == .addOpt {
                    return part
                }
            }
            checks = true
            // The next share at which the funded set differs: the next event, unless a
            // proof shows that a larger share funds the same set at every share up to it
            // (then the run there, and its events, are the walk's from that share on).
            let funded = Set(current.funded)
            var probe = current
            var changed: ExactEqualSharesRun?
            func passes(_ share: Rational) -> Bool { end.map { share >= $0 } ?? false }
            while let next = probe.nextShare {
                // Nothing changes up to the stretch's end: the next stretch goes on from there.
                if let end, next > end {
                    part.end = .passed
                    return part
                }
                ticker?.tick("ees \(completion.rawValue): share \(next.decimalString(places: 4)) (stretch \(c + 1), \(part.runs) runs and \(part.changes) changes in it)")
                // The run this step needs if no proof holds, then each time one holds the
                // run at its far end, made on the second lane while the proofs go on.
                walk.prefetch(next, .event, from: probe)
                let from = probe
                let held = { (upper: Rational) in if !passes(upper) { walk.prefetch(upper, .proved, from: from) } }
                if var upper = reach.farthest(from: probe, event: next, ees: ees, proofs: &part.proofs, held: held) {
                    // Then intervals chained after it from the same run, each as long as
                    // all before it, while they hold: no run at their joints.
                    for _ in 0..<ProofReach.links where !passes(upper) {
                        let link = upper - probe.share
                        let farther = ProofReach.rounded(upper + link, within: link)
                        part.proofs += 1
                        guard case .proved = ees.rangeProof(probe, from: upper, upTo: farther) else { break }
                        held(farther)
                        upper = farther
                    }
                    if passes(upper) {
                        part.end = .passed
                        return part
                    }
                    let winners = probe.funded
                    probe = try walk.run(upper, .proved, from: probe)
                    part.runs += 1
                    precondition(Set(probe.funded) == Set(winners), "ExactEqualShares: a proved interval funds the same set")
                    continue
                }
                probe = try walk.run(next, .event, from: probe)
                part.runs += 1
                if Set(probe.funded) != funded {
                    changed = probe
                    break
                }
            }
            guard let next = changed else { return part }
            part.changes += 1
            current = next
        }
    }
}
