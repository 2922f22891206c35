/// What a maximum-welfare count found: the optimal set, its welfare, whether it is the
/// only optimum, and (with ``TraceDetail/explanation``) each project's best alternative.
public struct KnapsackTrace: RuleTrace {
    /// A funded project, in funding (decision) order.
    public struct Step: Sendable, Equatable {
        public var project: Int
        public var votes: Int
        public var score: Int
        /// The project's total utility.
        public var welfare: Rational
        public var moneyLeft: Rational
    }

    /// The best set without a funded project, or with an unfunded one forced in.
    public struct Alternative: Sendable, Equatable {
        public var project: Int
        /// `true`: the project forced in; `false`: left out.
        public var forcedIn: Bool
        /// The best welfare under that constraint.
        public var welfare: Rational
        /// That set (project indices).
        public var funded: [Int]
    }

    public var utility: Utility
    public var steps: [Step]
    /// The optimal welfare.
    public var welfare: Rational
    /// Whether no other set reaches it.
    public var unique: Bool
    /// `int64` or `rational`: the arithmetic the solver used.
    public var arithmetic: String
    public var searches: Int
    public var nodes: Int
    /// Total utility per project.
    public var projectWelfare: [Rational]
    public var budget: Rational
    /// Each project's alternative (explanation detail only).
    public var alternatives: [Alternative] = []

    public var resultRounds: [Round] {
        steps.map { s in
            Round(project: s.project, values: [
                Detail("votes", .integer(s.votes)),
                Detail("score", .integer(s.score)),
                Detail("welfare", .rational(s.welfare)),
                Detail("money_left", .rational(s.moneyLeft)),
            ])
        }
    }

    public var resultDetails: [Detail] {
        [
            Detail("utility", .text(utility.rawValue)),
            Detail("welfare", .rational(welfare)),
            Detail("unique", .flag(unique)),
            Detail("arithmetic", .text(arithmetic)),
            Detail("searches", .integer(searches)),
            Detail("nodes", .integer(nodes)),
        ]
    }
}
