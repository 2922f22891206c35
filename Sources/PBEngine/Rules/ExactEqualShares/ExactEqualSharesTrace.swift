/// What an Exact Equal Shares count did: each funded project's payers and payment, and
/// the budget the completion settled on.
public struct ExactEqualSharesTrace: RuleTrace {
    /// One funded project.
    public struct Step: Sendable, Equatable {
        public var project: Int
        /// Supporters who paid (an equal part each).
        public var payers: Int
        /// What each payer paid.
        public var payment: Rational
        /// What the payers paid in all (the cost).
        public var paid: Rational
        /// The rank that won the round: `u(p) * payers / c(p)`.
        public var rank: Rational
    }

    /// The run the completion kept.
    public struct Summary: Sendable, Equatable {
        /// The per-voter share of the kept run.
        public var share: Rational
        /// `share × voters`.
        public var virtualBudget: Rational
        /// EES runs made (exact runs: the first, one at each event visited, one at the
        /// upper end of each interval a range proof covered).
        public var runs: Int
        /// Range proofs tried (``ExactEqualSharesElection/provesSameWinners(_:upTo:)``).
        public var rangeProofs: Int
        /// Times the funded set changed on the way.
        public var outcomeChanges: Int
    }

    public var options: ExactEqualShares.Options
    public var steps: [Step]
    /// `nil` for an election without ballots.
    public var summary: Summary?

    public var resultRounds: [Round] {
        steps.map { s in
            Round(project: s.project, values: [
                Detail("payers", .integer(s.payers)),
                Detail("payment", .rational(s.payment)),
                Detail("paid", .rational(s.paid)),
                Detail("rank", .rational(s.rank)),
            ])
        }
    }

    public var resultDetails: [Detail] {
        var out = [
            Detail("utility", .text(options.utility.rawValue)),
            Detail("completion", .text(options.completion.rawValue)),
        ]
        if let summary {
            out += [
                Detail("share", .rational(summary.share)),
                Detail("virtual_budget", .rational(summary.virtualBudget)),
                Detail("runs", .integer(summary.runs)),
                Detail("range_proofs", .integer(summary.rangeProofs)),
                Detail("outcome_changes", .integer(summary.outcomeChanges)),
            ]
        }
        return out
    }
}
