/// What an MES count did: the share each voter got, each round's winner with its `rho`
/// and payments, the completion's steps and the comparison; with
/// ``TraceDetail/explanation`` also every unfunded project's supporters' money and `rho`
/// at the start of every round.
public struct EqualSharesTrace: RuleTrace {
    /// An unfunded supported project at the start of a round.
    public struct Candidate: Sendable, Equatable {
        public var project: Int
        /// What its supporters held in all.
        public var held: Rational
        /// The `rho` it would have needed, or `nil` when they could not pay its cost.
        public var rho: Rational?
    }

    /// One MES round: the project funded and what it cost its supporters.
    public struct MESRound: Sendable, Equatable {
        public var project: Int
        public var rho: Rational
        /// `c(p) / max payment`.
        public var effectiveVotes: Rational
        /// What the supporters paid in all (its cost).
        public var paid: Rational
        /// Supporters who paid everything they still had.
        public var paidAll: Int
        /// Its supporters.
        public var supporters: Int
        /// Every unfunded supported project at the start of the round (explanation detail).
        public var candidates: [Candidate]
    }

    /// One step of the greedy completion.
    public struct CompletionStep: Sendable, Equatable {
        public var project: Int
        public var funded: Bool
        public var votes: Int
        public var score: Int
        public var moneyLeft: Rational
    }

    /// The add1 completion's walk.
    public struct Add1: Sendable, Equatable {
        /// Shares accepted (as the stepped definition counts them).
        public var steps: Int
        /// MES runs made.
        public var runs: Int
    }

    /// The comparison step.
    public struct Comparison: Sendable {
        public var preferGreedy: Int
        public var preferMES: Int
        /// Greedy by votes (skip), as compared.
        public var greedy: GreedyTrace
        /// Whether greedy's outcome became the result.
        public var greedyWins: Bool
    }

    public var options: EqualShares.Options
    public var budget: Rational
    public var voters: Int
    public var distinctBallots: Int
    /// Supporters per project.
    public var supporterCounts: [Int]
    /// The per-voter share of the run kept.
    public var share: Rational
    public var add1: Add1?
    /// What the MES rounds cost.
    public var mesCost: Rational
    public var leftoverTotal: Rational
    public var leftoverMax: Rational
    public var votersSpentOut: Int
    public var rounds: [MESRound]
    /// Every unfunded supported project when MES ended (explanation detail).
    public var finalCandidates: [Candidate]
    public var completion: [CompletionStep]
    public var comparison: Comparison?

    public var resultRounds: [Round] {
        if let comparison, comparison.greedyWins {
            return comparison.greedy.resultRounds.map { r in
                Round(project: r.project, funded: r.funded, values: [Detail("phase", .text("comparison greedy"))] + r.values)
            }
        }
        let mes = rounds.map { r in
            Round(project: r.project, funded: true, values: [
                Detail("phase", .text("mes")),
                Detail("rho", .rational(r.rho)),
                Detail("effective_votes", .rational(r.effectiveVotes)),
                Detail("paid", .rational(r.paid)),
                Detail("paid_all", .integer(r.paidAll)),
                Detail("supporters", .integer(r.supporters)),
            ])
        }
        return mes + completion.map { s in
            Round(project: s.project, funded: s.funded, values: [
                Detail("phase", .text("greedy completion")),
                Detail("votes", .integer(s.votes)),
                Detail("score", .integer(s.score)),
                Detail("money_left", .rational(s.moneyLeft)),
            ])
        }
    }

    public var resultDetails: [Detail] {
        var out: [Detail] = [
            Detail("utility", .text(options.utility.rawValue)),
            Detail("completion", .text(options.completion.rawValue)),
        ]
        if add1 != nil { out.append(Detail("add1_variant", .text(options.add1Variant.rawValue))) }
        out += [
            Detail("comparison", .text(options.comparison.rawValue)),
            Detail("voters", .integer(voters)),
            Detail("distinct_ballots", .integer(distinctBallots)),
            Detail("budget_share", .rational(share)),
        ]
        if let add1 {
            out.append(Detail("add1_steps", .integer(add1.steps)))
            out.append(Detail("add1_runs", .integer(add1.runs)))
        }
        out += [
            Detail("mes_cost", .rational(mesCost)),
            Detail("leftover_total", .rational(leftoverTotal)),
            Detail("leftover_max", .rational(leftoverMax)),
            Detail("voters_spent_out", .integer(votersSpentOut)),
        ]
        if let comparison {
            out += [
                Detail("comparison_prefer_greedy", .integer(comparison.preferGreedy)),
                Detail("comparison_prefer_mes", .integer(comparison.preferMES)),
                Detail("comparison_result", .text(comparison.greedyWins ? "greedy" : "mes")),
            ]
        }
        return out
    }
}
