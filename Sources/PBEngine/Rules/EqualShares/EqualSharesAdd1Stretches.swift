import Foundation

/// The add1 walk cut into stretches of unit shares (``EqualShares/completeByAdd1(_:budget:variant:threads:stretch:)``):
/// each stretch is walked on its own, from the stepped loop's own run at its first share,
/// so that two cores can walk two stretches at once. The cut depends only on the election
/// (never on the number of threads), so the steps, the runs counted and the result are the
/// same on one core and on two. Guides/EqualShares.md, "Stretches on two cores".
struct Add1Stretches: Sendable {
    /// Unit shares per stretch.
    let units: Int
    /// Whether two cores walk two stretches at once (else one after the other, the second
    /// core running ahead the shares the walk is likely to want next).
    let parallel: Bool

    /// The least stretch: a new stretch costs a few runs (its first share, and a window
    /// that grows again), so short walks stay in one.
    static let leastUnits = 1024
    /// How many stretches the expected walk is cut into, at most.
    static let expectedCount = 16
    /// The least expected work (unit shares times supporter entries of the distinct
    /// ballots) of a walk that is cut at all. Each stretch after the first costs about four
    /// runs more than a walk in one piece, a loss on one core: the generated stand-in corpus
    /// (at most 5·10^8 or so) is never cut, Budapest 2024 (22,091 × 255,820, about
    /// 5.7·10^9) is.
    static let leastWork = 1 << 31

    init(units: Int, parallel: Bool) {
        precondition(units >= 1)
        self.units = units
        self.parallel = parallel
    }

    /// The cut for a walk from `start` whose run at the exact share `B / n` is `initial`, on
    /// `entries` supporter entries: where spending grows in proportion to the share, the
    /// walk ends near `(B / n) * B / cost` (Budapest 2024: 56,640 against the stepped loop's
    /// 56,551). No cut when that walk is short or the election small (``leastWork``). Only
    /// a guess that chooses the cut (any cut gives the stepped loop's result).
    init(initial: EqualSharesRun.Record, exact: Rational, start: Rational, budget: Rational, entries: Int) {
        let cap = 1 << 40
        guard initial.cost > .zero, let parts = (exact * budget / initial.cost - start).ceiling.smallParts,
              parts.numerator > 0 else {
            self.init(units: cap, parallel: false)
            return
        }
        let span = Int(min(parts.numerator, Int64(cap)))
        let (work, overflow) = span.multipliedReportingOverflow(by: max(1, entries))
        guard overflow || work >= Self.leastWork else {
            self.init(units: cap, parallel: false)
            return
        }
        let units = max(Self.leastUnits, min(cap, (span + Self.expectedCount - 1) / Self.expectedCount))
        self.init(units: units, parallel: span >= 2 * units)
    }

    /// The first counter of stretch `c` (stretch 0 starts at the exact share's run, counter 0).
    func first(_ c: Int) -> Int { c == 0 ? 0 : bound(c) + 1 }
    /// The last counter of stretch `c`.
    func last(_ c: Int) -> Int { bound(c + 1) }
    private func bound(_ c: Int) -> Int {
        let (product, overflow) = c.multipliedReportingOverflow(by: units)
        return overflow ? Int.max / 2 : min(product, Int.max / 2)
    }
}

/// What one stretch of the add1 walk found: the run kept last, the steps (unit shares the
/// stepped loop keeps) and the runs it looked at.
struct Add1Stretch {
    enum End {
        /// Every unit share of the stretch is kept, and the last does not stop the loop.
        case passed
        /// The stepped loop stops inside the stretch, keeping `record`.
        case stopped
        /// The stretch's first share costs more than the budget: the loop keeps what the
        /// stretch before kept.
        case rejected
    }
    var end: End
    var record: EqualSharesRun.Record
    var steps: Int
    var runs: Int
}
