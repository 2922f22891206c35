/// One run of Exact Equal Shares at a given per-voter share: the funded projects, the
/// rounds, and the smallest larger share at which any budget comparison of the run would
/// come out differently.
///
/// Voters who paid for the same projects hold the same money, so voters are kept in
/// *budget classes* (all voters start in one): funding a project splits each paying class
/// into the supporters who paid and the others. A project's supporters are then a short
/// list of (class, count) pairs; its payers are found by sorting that list by budget and
/// peeling off the poorest classes (a class is dropped whole: if one of its voters cannot
/// pay `c/|V|`, none can, and dropping raises `c/|V|`).
///
/// Every budget is `share - paid(class)`, and `paid` does not depend on the share while the
/// run takes the same path; the only comparisons that depend on the share are the peel's
/// `share - paid < c/m`. One that holds (the class is dropped) stops holding at
/// `share = paid + c/m`; one that fails keeps failing as the share grows. So the run, and
/// its outcome, is the same for every share below the smallest such threshold
/// (``nextShare``), which is what `add-opt` jumps to.
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
    /// The smallest share above ``share`` at which a comparison of this run flips; `nil`
    /// when none would (the outcome is the same for every larger share).
    var nextShare: Rational?

    /// The earliest round with a drop that matters at ``nextShare`` (where a run at that
    /// share can start, see ``ExactEqualSharesElection/run(share:resuming:)``).
    var nextRound: Int?
    /// The round in which each of ``ties`` was broken.
    var tieRounds: [Int] = []
    /// The budget classes at the start of each round.
    var snapshots: [ExactEqualSharesElection.ClassState] = []
    /// Every peel of the run that dropped a class, in round order, and the rounds in which
    /// each project was evaluated.
    var peels: [ExactEqualSharesElection.Peel] = []
    var evaluatedIn: [[Int]] = []
    /// The payers each evaluation in ``evaluatedIn`` found (0: none).
    var payersIn: [[Int]] = []

    /// The funded projects, in order.
    var funded: [Int] { steps.map(\.project) }
}
