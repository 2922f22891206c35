/// Exact Equal Shares (EES), with the `add-opt` completion: Kraiczy, Robinson, Elkind,
/// "Streamlining Equal Shares" (2025).
///
/// Implements RULES.md, "Exact Equal Shares (EES)": as the Method of Equal Shares, each
/// voter starts with `B' / n`; but a funded project's cost is split exactly equally among
/// its *payers*, the supporters left after dropping the poorest until everyone left can pay
/// `c(p) / |payers|` (the others pay nothing). Each round funds the project of greatest
/// rank `u(p) * |payers| / c(p)` (`cost` utility: `|payers|`; `cardinality`:
/// `|payers| / c(p)`), ties by the chain, until no project has a payer. Approval ballots.
///
/// Completions (``Completion``):
/// - `none`: `B' = B`.
/// - `add-opt`: start at `B' = B`; while the outcome is not exhaustive (some unfunded
///   project with a supporter costs no more than the money left of `B`), jump to the
///   smallest larger `B'` at which the funded set changes; keep it if it costs at most
///   `B`, else stop with the previous outcome. This is `add1` without its grid: the same
///   outcome as raising the per-voter share in units small enough to meet every change.
/// - `add-opt-skip`: the same walk, but an outcome that overspends is passed over instead
///   of ending the walk; it ends at the first outcome that is within `B` and exhaustive, or
///   when no larger budget changes the outcome, and then returns the last outcome within
///   `B`.
///
/// See `Guides/ExactEqualShares.md` and ``ExactEqualSharesRun`` for how the next budget is
/// found exactly.
public enum ExactEqualShares: CountingRule {
    public static let name = "ees"
    public static let summary = "Exact Equal Shares: costs split equally among the supporters who can pay (completions none, add-opt, add-opt-skip)."

    /// What runs after EES leaves money unspent.
    public enum Completion: String, Sendable, CaseIterable {
        case none
        case addOpt = "add-opt"
        case addOptSkip = "add-opt-skip"
    }

    /// The rule's options.
    public struct Options: Sendable, Equatable {
        public var utility: Utility = .cost
        public var completion: Completion = .none

        public init(utility: Utility = .cost, completion: Completion = .none) {
            self.utility = utility
            self.completion = completion
        }
    }

    public static let optionSpecs = [
        Utility.spec,
        RuleOptionSpec(key: "completion", values: Completion.allCases.map(\.rawValue), defaultValue: Completion.none.rawValue,
                       help: "After EES: none, add-opt (jump to the next budget that changes the outcome) or add-opt-skip."),
    ]

    /// How many EES runs the completion made, and how many range proofs it tried.
    public static let workDetails = ["runs", "range_proofs"]

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options {
        Options(utility: try settings.choice("utility", default: .cost), completion: try settings.choice("completion", default: .none))
    }

    public static func recorded(_ options: Options) -> [RecordedOption] {
        [RecordedOption("utility", options.utility.rawValue), RecordedOption("completion", options.completion.rawValue)]
    }

    /// - Throws: ``CountError/unsupported(_:)`` for ballots with points or another
    ///   completion; ``CountError/unresolvedTie(_:_:)``.
    /// - Complexity: one EES run per event visited (a share at which the previous run's
    ///   path changes) and per interval a range proof covered, plus the proofs tried,
    ///   until the completion stops (see ``ExactEqualSharesElection/run(share:resuming:callsOff:)``
    ///   and ``ExactEqualSharesElection/rangeProof(_:upTo:)``).
    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<ExactEqualSharesTrace> {
        try count(election, options: options, common: common, stretchWidth: nil)
    }

    /// ``count(_:options:common:)``, with the walk cut into stretches of `stretchWidth` when
    /// given (tests: small elections are not cut otherwise, ``WalkStretches``).
    static func count(_ election: Election, options: Options, common: CountOptions,
                      stretchWidth: Rational?) throws -> RuleCount<ExactEqualSharesTrace> {
        guard election.ballots.points == nil else {
            throw CountError.unsupported("ees counts approval ballots; \(election.source.isEmpty ? "this election" : election.source) has \(election.voteType.rawValue) ballots")
        }
        let budget = election.budget
        let ties = TieBreaking(chain: common.tieChain, election: election)
        let voters = election.ballots.count
        guard voters > 0 else {
            return RuleCount(funded: [], totalCost: .zero, ties: [], trace: ExactEqualSharesTrace(options: options, steps: [], summary: nil))
        }
        let ees = ExactEqualSharesElection(election, utility: options.utility, ties: ties)
        var runs = 1
        var changes = 0
        var proofs = 0
        let current = try ees.run(share: budget / Rational(voters))
        var result = current

        if options.completion != .none {
            let cut = stretchWidth.map { WalkStretches(width: $0, exact: current.share) }
                ?? WalkStretches(first: current, budget: budget, entries: ees.groupProjects.count)
            let lanes = min(common.effectiveThreads, 2)
            // Lane 0 says how far the walk is (on a terminal); lane 1 walks later stretches.
            let ticker = SharedProgressTicker(common.progress)
            try StretchWalk.run(lanes: cut.parallel ? lanes : 1, walk: { c, lane, callsOff in
                try walkStretch(c, of: cut, first: c == 0 ? current : nil, ees: ees, budget: budget, completion: options.completion,
                                lanes: cut.parallel ? 1 : lanes, callsOff: callsOff,
                                ticker: lane == 0 ? ticker : nil)
            }, join: { part in
                runs += part.runs
                proofs += part.proofs
                changes += part.changes
                if let met = part.result { result = met }
                return part.end == .stopped
            })
        }

        let steps = result.steps.map { step in
            ExactEqualSharesTrace.Step(project: step.project, payers: step.payers, payment: step.payment,
                                       paid: ees.costs[step.project], rank: step.score)
        }
        let summary = ExactEqualSharesTrace.Summary(share: result.share, virtualBudget: result.share * Rational(voters),
                                                    runs: runs, rangeProofs: proofs, outcomeChanges: changes)
        return RuleCount(funded: result.funded, totalCost: result.totalCost, ties: result.ties,
                         trace: ExactEqualSharesTrace(options: options, steps: steps, summary: summary))
    }

    /// Whether no unfunded project that somebody supports fits in what `run` leaves of
    /// `budget`.
    static func isExhaustive(_ run: ExactEqualSharesRun, ees: ExactEqualSharesElection, budget: Rational) -> Bool {
        let left = budget - run.totalCost
        let funded = Set(run.funded)
        return !ees.costs.indices.contains { p in
            !funded.contains(p) && !ees.supporters[p].isEmpty && ees.costs[p] <= left
        }
    }

    /// How far beyond a run the walk tries to prove the winners unchanged (range proofs,
    /// ``ExactEqualSharesElection/rangeProof(_:upTo:)``). A proof costs a fraction of a
    /// run, so each jump searches for a far end: from the last reach that held (at first,
    /// and never less than, twice the distance to the run's next event: a proof up to the
    /// event would save nothing), twice as far while proofs hold; when one fails, just
    /// below the share its failing round names, while that is beyond the next event and
    /// beyond what held already.
    struct ProofReach {
        /// The reach to try first, `nil` before the first proof.
        var next: Rational?
        /// Proofs tried per jump, at most.
        static let tries = 4
        /// Intervals chained after a jump's proved interval, at most. A bound only: past the
        /// last change of the funded set every link holds and each doubles the reach, so
        /// the chain must end somewhere; the walk then goes on from the run at its end, as
        /// after any jump, until a run has no event.
        static let links = 12

        /// The farthest share up to which a proof held from `run` (whose next event is
        /// `event`), or `nil` when none did; counts the proofs tried in `proofs`, and tells
        /// `held` each share up to which one held (each farther than the one before).
        mutating func farthest(from run: ExactEqualSharesRun, event: Rational, ees: ExactEqualSharesElection, proofs: inout Int,
                               held: (Rational) -> Void = { _ in }) -> Rational? {
            let share = run.share
            let least = (event - share) * Rational(2)
            let reach = next.map { max($0, least) } ?? least
            var upper = Self.rounded(share + reach, within: reach)
            var proved: Rational?
            for _ in 0..<Self.tries {
                proofs += 1
                if case let .failed(below) = ees.rangeProof(run, upTo: upper) {
                    // Just below the share the failing round names, if that is beyond what
                    // already held (or the next event).
                    let floor = proved ?? event
                    guard let below, below > floor else { break }
                    upper = Self.justBelow(below, above: floor)
                } else {
                    proved = upper
                    held(upper)
                    upper = Self.rounded(share + (upper - share) * Rational(2), within: upper - share)
                }
            }
            next = proved.map { $0 - share } ?? reach / Rational(2)
            return proved
        }

        /// `share` rounded up to a multiple of a power of two at most an eighth of `reach`:
        /// the run there then has a short share, not the sum of two events' long fractions.
        static func rounded(_ share: Rational, within reach: Rational) -> Rational {
            let scale = Self.scale(for: reach)
            return (share * scale).ceiling / scale
        }

        /// A share below `limit` and above `floor` (`floor < limit`), a multiple of a power
        /// of two at most an eighth of the gap between them.
        static func justBelow(_ limit: Rational, above floor: Rational) -> Rational {
            let scale = Self.scale(for: limit - floor)
            return ((limit * scale).ceiling - Rational.one) / scale
        }

        /// The least power of two `2^k` with `2^k × reach >= 8`.
        static func scale(for reach: Rational) -> Rational {
            var scale = Rational.one
            while scale * reach < Rational(8) { scale *= Rational(2) }
            return scale
        }
    }
}
