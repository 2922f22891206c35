/// The runs of the `add-opt` walk (``ExactEqualShares/count(_:options:common:)``), with a
/// second lane that makes the walk's likely next run while the walk tries its range proofs.
///
/// Each step of the walk tries up to four proofs from its current run, then runs EES once:
/// at the farthest share a proof reached, or at the next event if none held. Which run that
/// is, is known as soon as a proof holds (or before any is tried, for the event), and the
/// proofs still to try cannot change the run at a share already proved: they can only
/// reach farther. So the walk names its current answer (``prefetch(_:_:from:)``) each time
/// it changes, a background thread runs it (``RunAhead``) while the proofs go on, and a
/// run named before and no longer wanted is called off at its next round.
///
/// The run taken is always the one the walk would have made itself, from the same
/// previous run and at the same share (the same call), and the walk counts only runs it
/// takes; so the result, ``ExactEqualSharesTrace/Summary/runs`` and the proofs counted do
/// not depend on the number of lanes.
final class ExactEqualSharesWalkRuns {
    /// How the run starts from the previous one.
    enum Start: Hashable, Sendable {
        /// At the previous run's next event (``ExactEqualSharesElection/run(share:resuming:callsOff:)``).
        case event
        /// At the far end of a proved interval (``ExactEqualSharesElection/run(share:after:callsOff:)``).
        case proved
    }

    /// A run of the walk: which step of the walk (runs taken so far), at what share, how.
    struct Key: Hashable, Sendable {
        var step: Int
        var share: Rational
        var start: Start
    }

    typealias Outcome = Result<ExactEqualSharesRun, any Error>

    let ees: ExactEqualSharesElection
    /// The second lane, `nil` with one.
    private let ahead: RunAhead<Key, Outcome>?
    /// Runs taken so far.
    private var step = 0

    /// Asked by the runs made on the walk's own lane at each round (``CalledOff``).
    private let callsOff: (@Sendable () -> Bool)?

    init(ees: ExactEqualSharesElection, lanes: Int, callsOff: (@Sendable () -> Bool)? = nil) {
        self.ees = ees
        ahead = lanes > 1 ? RunAhead() : nil
        self.callsOff = callsOff
    }

    deinit { ahead?.cancel(keeping: []) }

    /// With a second lane, starts the run at `share` from `previous` there, calling off
    /// what it runs unless that is this run. Never waits.
    func prefetch(_ share: Rational, _ start: Start, from previous: ExactEqualSharesRun) {
        guard let ahead else { return }
        let key = Key(step: step, share: share, start: start)
        ahead.cancel(keeping: [key])
        let ees = ees
        ahead.start(key) { token in
            CalledOff.outcome { try Self.run(ees, share, start, from: previous, callsOff: { token.isCancelled }) }
        }
    }

    /// The run at `share` from `previous`: taken from the second lane if it was started
    /// there (waiting for it if it still runs), else made here.
    ///
    /// - Throws: what the run throws (``CountError/unresolvedTie(_:_:)``).
    func run(_ share: Rational, _ start: Start, from previous: ExactEqualSharesRun) throws -> ExactEqualSharesRun {
        let key = Key(step: step, share: share, start: start)
        step += 1
        guard let ahead else { return try Self.run(ees, share, start, from: previous, callsOff: callsOff) }
        ahead.cancel(keeping: [key])
        let outcome = ahead.take(key)
        _ = ahead.takeFinished()  // runs of this step not taken: the walk moves past them
        return try outcome?.get() ?? Self.run(ees, share, start, from: previous, callsOff: callsOff)
    }

    private static func run(_ ees: ExactEqualSharesElection, _ share: Rational, _ start: Start,
                            from previous: ExactEqualSharesRun, callsOff: (() -> Bool)?) throws -> ExactEqualSharesRun {
        switch start {
        case .event: try ees.run(share: share, resuming: previous, callsOff: callsOff)
        case .proved: try ees.run(share: share, after: previous, callsOff: callsOff)
        }
    }
}
