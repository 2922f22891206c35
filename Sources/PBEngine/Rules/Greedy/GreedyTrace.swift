/// What a greedy count did: the order, and each step of the walk down it.
public struct GreedyTrace: RuleTrace {
    /// One project's turn.
    public struct Step: Sendable, Equatable {
        public var project: Int
        /// Whether it fit and was funded.
        public var funded: Bool
        public var votes: Int
        public var score: Int
        /// The ordering key: `score` (cost utility) or `score / cost` (cardinality).
        public var ratio: Rational
        /// Money left after this step.
        public var moneyLeft: Rational
    }

    /// The options counted with.
    public var options: GreedyRule.Options
    /// The threshold that applied (`threshold` variant).
    public var threshold: Rational?
    /// Every eligible project, best first (the whole order, also past a `no-skip` stop).
    public var order: [Int]
    /// The walk the count made.
    public var steps: [Step]
    /// The budget walked with.
    public var budget: Rational

    public var resultRounds: [Round] {
        steps.map { s in
            Round(project: s.project, funded: s.funded, values: [
                Detail("votes", .integer(s.votes)),
                Detail("score", .integer(s.score)),
                Detail("ratio", .rational(s.ratio)),
                Detail("money_left", .rational(s.moneyLeft)),
            ])
        }
    }

    public var resultDetails: [Detail] {
        var out = [Detail("variant", .text(options.variant.rawValue))]
        if let threshold { out.append(Detail("threshold", .rational(threshold))) }
        return out
    }
}
