/// One run of Exact Equal Shares at a given per-voter share: the funded projects, the
/// rounds, and the smallest larger share at which the run would go differently.
///
/// Voters who paid for the same projects hold the same money, so voters are kept in
/// *budget classes* (all voters start in one): funding a project splits each paying class
/// into the supporters who paid and the others. A project's supporters are then a short
/// list of (class, count) pairs, read poorest first from the order of the classes; its
/// payers are found by peeling off the poorest classes (a class is dropped whole: if one
/// of its voters cannot pay `c/|V|`, none can, and dropping raises `c/|V|`).
///
/// Every budget is `share - paid(class)`, and `paid` does not depend on the share while the
/// run takes the same path. With `t` supporters a project can pay from the share
/// `paid_t + c/t` on (`paid_t`: what the `t`-th least-paid of them paid), so each round
/// knows the least share at which it would go differently, its *event* (a project reaching
/// the winner's rank with more payers, the winner getting more payers, or in the last round
/// any project getting a payer); ``nextShare`` is the least of them.
struct ExactEqualSharesRun {
    /// A funding decision.
    struct Step {
        var project: Int
        /// The number of payers.
        var payers: Int
        /// What each payer paid: `c(p) / payers`.
        var payment: Rational
        /// The rank `u(p) * payers / c(p)`.
        var score: Rational
    }

    /// The share each voter started with.
    var share: Rational
    var steps: [Step] = []
    var ties: [TieRecord] = []
    var totalCost: Rational = .zero
    /// The smallest share above ``share`` at which the run goes differently; `nil` when
    /// it never does (the outcome is the same for every larger share).
    var nextShare: Rational?

    /// The earliest round whose event is ``nextShare`` (where a run at that share can
    /// start, see ``ExactEqualSharesElection/run(share:resuming:callsOff:)``).
    var nextRound: Int?
    /// The round in which each of ``ties`` was broken.
    var tieRounds: [Int] = []
    /// Each round's event (the last round's included): the least share above ``share`` at
    /// which that round, from the same budget classes, would go differently.
    var roundEvents: [ExactEqualSharesElection.Threshold?] = []
    /// The budget classes at the start of the last round (after the last funding).
    var lastClasses: ExactEqualSharesElection.ClassState?
    /// The changes to the classes round by round, to go back from ``lastClasses`` to the
    /// start of any round.
    var history = ClassHistory()

    /// The funded projects, in order.
    var funded: [Int] { steps.map(\.project) }
}
