/// What an equal-shares count says about one unfunded project: its effective support and
/// the money its supporters spent on other projects (pabutools'
/// `calculate_effective_supports` and `calculate_project_loss`).
public struct UnfundedProjectAnalysis: Sendable, Equatable {
    /// Money the project's supporters paid towards one funded project.
    public struct Loss: Sendable, Equatable {
        /// The funded project (index).
        public var project: Int
        /// What the supporters of the unfunded project paid for it.
        public var amount: Rational

        public init(project: Int, amount: Rational) {
            self.project = project
            self.amount = amount
        }
    }

    /// The unfunded project (index).
    public var project: Int
    /// The effective support in percent, rounded down: the most, over the rounds, of what
    /// its supporters could have put towards it at that round's `rho`, relative to its cost.
    public var effectiveSupport: Int
    /// The 1-based round at whose start its supporters first held less than its cost
    /// (the number of rounds plus one when that was only at the end).
    public var unaffordableFrom: Int
    /// What its supporters held then.
    public var supportersBudget: Rational
    /// What they had paid for funded projects before then, by project in funding order
    /// (projects they paid nothing for are left out).
    public var lostTo: [Loss]

    public init(project: Int, effectiveSupport: Int, unaffordableFrom: Int, supportersBudget: Rational, lostTo: [Loss]) {
        self.project = project
        self.effectiveSupport = effectiveSupport
        self.unaffordableFrom = unaffordableFrom
        self.supportersBudget = supportersBudget
        self.lostTo = lostTo
    }

    /// Everything its supporters paid for other projects before it became unaffordable.
    public var totalLost: Rational {
        lostTo.reduce(Rational.zero) { $0 + $1.amount }
    }
}
