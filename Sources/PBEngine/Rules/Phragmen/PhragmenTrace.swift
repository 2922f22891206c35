/// What a sequential Phragmén count did: each round's winner and max load, and (with
/// ``TraceDetail/explanation``) the max load every candidate would have had.
public struct PhragmenTrace: RuleTrace {
    /// A candidate's new max load in one round.
    public struct Candidate: Sendable, Equatable {
        public var project: Int
        public var maxLoad: Rational
    }

    /// One round.
    public struct Step: Sendable, Equatable {
        /// The project with the smallest new max load.
        public var project: Int
        /// Whether it fit (if not, the count stopped).
        public var funded: Bool
        public var maxLoad: Rational
        public var votes: Int
        public var paid: Rational
        public var moneyLeft: Rational
        /// Every candidate of the round with its max load (explanation detail only).
        public var candidates: [Candidate]
    }

    public var steps: [Step]
    /// The largest load when the count ended.
    public var finalMaxLoad: Rational
    /// The budget.
    public var budget: Rational
    /// Supporters per project.
    public var supporters: [Int]

    public var resultRounds: [Round] {
        steps.map { s in
            Round(project: s.project, funded: s.funded, values: [
                Detail("max_load", .rational(s.maxLoad)),
                Detail("votes", .integer(s.votes)),
                Detail("paid", .rational(s.paid)),
                Detail("money_left", .rational(s.moneyLeft)),
            ])
        }
    }

    public var resultDetails: [Detail] { [Detail("max_load", .rational(finalMaxLoad))] }
}
