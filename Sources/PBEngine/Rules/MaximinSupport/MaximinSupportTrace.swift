/// What a maximin support count did, round by round: the record that the result, the
/// text report and `explain` read (nothing recounts).
public struct MaximinSupportTrace: RuleTrace {
    /// Why the count stopped.
    public enum StopReason: String, Sendable, Equatable {
        /// Unfunded projects remain, but none fits in the money left.
        case nothingFits = "nothing-fits"
        /// Projects still fit, but nobody approves any of them: their loads are infinite.
        /// (pabutools 1.2.3 would fund them in tie order; this count does not.)
        case onlyUnsupportedFit = "only-unsupported-fit"
        /// Every project is funded.
        case allFunded = "all-funded"
    }

    /// A project that fitted in the money left in a round, and its load.
    public struct Candidate: Sendable, Equatable {
        /// The project (index).
        public var project: Int
        /// `L(W + project)`, or `nil` when infinite (nobody approves the project).
        public var load: Rational?
        /// Whether ``load`` is exact: computed fresh this round (or infinite). `false` for a
        /// project that laziness skipped or gave up on because it could not beat the
        /// winner; ``load`` is then a lower bound that some set of projects reaches (its
        /// last known load, `c(p) / votes(p)`, the funded set's load, or where a search
        /// gave up), and it is strictly above the winner's load: proof that it lost.
        public var isExact: Bool
    }

    /// One funded project.
    public struct Round: Sendable, Equatable {
        /// The project funded (index).
        public var project: Int
        /// `L(W + project)`: the funded set's load after this round.
        public var load: Rational
        /// Money left after funding it.
        public var moneyLeft: Rational
        /// The number of voters who approve it.
        public var supporters: Int
        /// Every project that fitted in the money left this round (funded ones excluded),
        /// in project index order, the winner included: exact loads for those computed
        /// fresh, lower bounds for those laziness skipped (see ``Candidate/isExact``).
        public var candidates: [Candidate]
    }

    /// Funded projects (indices), in funding order.
    public var funded: [Int]
    /// Their total cost.
    public var totalCost: Rational
    /// One entry per funded project.
    public var rounds: [Round]
    /// Every tie the chain broke (context `round K`).
    public var ties: [TieRecord]
    /// Why the count stopped.
    public var stop: StopReason
}
