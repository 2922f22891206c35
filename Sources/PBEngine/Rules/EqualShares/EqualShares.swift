/// The Method of Equal Shares (pabulib `equalshares`, `equalshares/add1`,
/// `equalshares/add1-comparison`): proportional participatory budgeting.
///
/// Implements RULES.md, "Method of Equal Shares (MES)": Peters, Pierczyński and Skowron,
/// "Proportional Participatory Budgeting with Additive Utilities" (NeurIPS 2021), as
/// published on equalshares.net and in pabutools 1.2.3 (`method_of_equal_shares`). Every
/// voter gets an equal share of the budget; a project is funded when its supporters can
/// pay for it, the one that asks the least per unit of utility (`rho`) first.
///
/// Options (``CountOptions``): `utility` (`cost`, `cardinality`; points ballots give
/// `w_i(p)` = points, ordinal ballots arrive scored), `completion` (`none`, `greedy`,
/// `add1`, `add1u`), `add1Variant` (`equalshares`, `pabulib`, `pabutools`), `comparison`
/// (`none`, `satisfaction`, `exclusion`) and `tieChain`. The guide `Guides/EqualShares.md`
/// states every choice made where RULES.md leaves room.
///
/// The result's rounds carry, for each MES-funded project, `rho`, the effective vote
/// count `c(p) / max payment`, what its supporters paid and how many paid all they had;
/// its details carry the options, the per-voter share used (add1) and the number of
/// steps, leftover totals and the comparison counts.
public enum EqualShares: CountingRule {
    public static let name = "mes"
    public static let summary = "Method of Equal Shares: proportional; completions none, greedy, add1 (equalshares, pabulib, pabutools), add1u; comparison step."

    /// - Throws: ``CountError/unsupported(_:)`` for an election without ballots or an EES
    ///   completion; ``CountError/unresolvedTie(_:_:)`` when the chain leaves a tie.
    /// - Complexity: one MES run is O(E + R × (evaluations × supporters)) for E ballot
    ///   entries and R rounds; `add1` makes one run per step (see the guide).
    public static func count(_ election: Election, options: CountOptions) throws -> Outcome {
        guard election.ballots.count > 0 else {
            throw CountError.unsupported("mes needs at least one ballot to share the budget among, and \(election.source.isEmpty ? "this election" : election.source) has none")
        }
        switch options.completion {
        case .none, .greedy, .add1, .add1u: break
        case .addOpt, .addOptSkip:
            throw CountError.unsupported("completion '\(options.completion.rawValue)' belongs to Exact Equal Shares (--rule ees); mes takes none, greedy, add1 or add1u")
        }
        let profile = EqualSharesProfile(election)
        let support = election.support()
        let ties = TieBreaking(chain: options.tieChain, election: election, support: support)
        let engine = EqualSharesRun(profile: profile, utility: options.utility, ties: ties)
        let usesAdd1 = options.completion == .add1 || options.completion == .add1u

        var add1Steps = 0
        var add1Runs = 0
        let mes: EqualSharesRun.Record
        if usesAdd1 {
            let result = try completeByAdd1(engine, budget: election.budget, variant: options.add1Variant)
            mes = result.record
            add1Steps = result.steps
            add1Runs = result.runs
        } else {
            var single = engine
            mes = try single.run(share: election.budget / Rational(profile.voterCount))
        }

        var funded = mes.funded
        var cost = mes.cost
        var tieRecords = mes.ties
        var rounds = mes.rounds.map { r in
            Round(project: r.project, funded: true, values: [
                Detail("phase", .text("mes")),
                Detail("rho", .rational(r.rho)),
                Detail("effective_votes", .rational(r.effectiveVotes)),
                Detail("paid", .rational(r.paid)),
                Detail("paid_all", .integer(r.paidAll)),
                Detail("supporters", .integer(profile.supporterCount[r.project])),
            ])
        }
        if options.completion == .greedy || options.completion == .add1u {
            let completion = try completeGreedily(funded: funded, cost: cost, election: election, support: support, ties: ties)
            funded += completion.added
            cost = completion.cost
            rounds += completion.rounds
            tieRecords += completion.ties
        }

        var details: [Detail] = [
            Detail("utility", .text(options.utility.rawValue)),
            Detail("completion", .text(options.completion.rawValue)),
        ]
        if usesAdd1 { details.append(Detail("add1_variant", .text(options.add1Variant.rawValue))) }
        details += [
            Detail("comparison", .text(options.comparison.rawValue)),
            Detail("voters", .integer(profile.voterCount)),
            Detail("distinct_ballots", .integer(profile.distinctBallotCount)),
            Detail("budget_share", .rational(mes.share)),
        ]
        if usesAdd1 {
            details.append(Detail("add1_steps", .integer(add1Steps)))
            details.append(Detail("add1_runs", .integer(add1Runs)))
        }
        details += [
            Detail("mes_cost", .rational(mes.cost)),
            Detail("leftover_total", .rational(mes.leftoverTotal)),
            Detail("leftover_max", .rational(mes.leftoverMax)),
            Detail("voters_spent_out", .integer(mes.votersSpentOut)),
        ]

        if options.comparison != .none {
            var greedyOptions = options
            greedyOptions.rule = GreedyRule.name
            greedyOptions.utility = .cost
            greedyOptions.greedyVariant = .skip
            let greedy = try GreedyRule.count(election, options: greedyOptions)
            let (preferGreedy, preferMES) = compare(greedy: greedy.funded, mes: funded, profile: profile, mode: options.comparison)
            let greedyWins = preferGreedy > preferMES
            details += [
                Detail("comparison_prefer_greedy", .integer(preferGreedy)),
                Detail("comparison_prefer_mes", .integer(preferMES)),
                Detail("comparison_result", .text(greedyWins ? "greedy" : "mes")),
            ]
            if greedyWins {
                funded = greedy.funded
                cost = greedy.totalCost
                rounds = greedy.rounds.map { r in
                    Round(project: r.project, funded: r.funded, values: [Detail("phase", .text("comparison greedy"))] + r.values)
                }
                tieRecords += greedy.ties
            }
        }
        return Outcome(rule: name, funded: funded, totalCost: cost, budget: election.budget,
                       rounds: rounds, ties: tieRecords, details: details)
    }
}
