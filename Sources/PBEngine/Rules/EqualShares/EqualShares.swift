/// The Method of Equal Shares (pabulib `equalshares`, `equalshares/add1`,
/// `equalshares/add1-comparison`): proportional participatory budgeting.
///
/// Implements RULES.md, "Method of Equal Shares (MES)": Peters, Pierczyński and Skowron,
/// "Proportional Participatory Budgeting with Additive Utilities" (NeurIPS 2021), as
/// published on equalshares.net and in pabutools 1.2.3 (`method_of_equal_shares`). Every
/// voter gets an equal share of the budget; a project is funded when its supporters can
/// pay for it, the one that asks the least per unit of utility (`rho`) first.
///
/// Options (``Options``): `utility` (`cost`, `cardinality`; points ballots give
/// `w_i(p)` = points, ordinal ballots arrive scored), `completion` (`none`, `greedy`,
/// `add1`, `add1u`), `add1_variant` (`equalshares`, `pabulib`, `pabutools`), `comparison`
/// (`none`, `satisfaction`, `exclusion`); and the shared tie chain. The guide `Guides/EqualShares.md`
/// states every choice made where RULES.md leaves room.
///
/// The result's rounds carry, for each MES-funded project, `rho`, the effective vote
/// count `c(p) / max payment`, what its supporters paid and how many paid all they had;
/// its details carry the options, the per-voter share used (add1) and the number of
/// steps, leftover totals and the comparison counts.
public enum EqualShares: CountingRule {
    public static let name = "mes"
    public static let summary = "Method of Equal Shares: proportional; completions none, greedy, add1 (equalshares, pabulib, pabutools), add1u; comparison step."

    /// What runs after MES leaves money unspent.
    public enum Completion: String, Sendable, CaseIterable {
        case none
        case greedy
        case add1
        case add1u

        /// Whether the completion raises the per-voter share (`add1`, `add1u`).
        public var raisesShare: Bool { self == .add1 || self == .add1u }
    }

    /// The three published definitions of the add1 completion.
    public enum Add1Variant: String, Sendable, CaseIterable {
        case equalshares
        case pabulib
        case pabutools
    }

    /// The comparison step after a completion.
    public enum ComparisonMode: String, Sendable, CaseIterable {
        case none
        case satisfaction
        case exclusion
    }

    /// The rule's options.
    public struct Options: Sendable, Equatable {
        public var utility: Utility = .cost
        public var completion: Completion = .none
        public var add1Variant: Add1Variant = .equalshares
        public var comparison: ComparisonMode = .none

        public init(utility: Utility = .cost, completion: Completion = .none, add1Variant: Add1Variant = .equalshares,
                    comparison: ComparisonMode = .none) {
            self.utility = utility
            self.completion = completion
            self.add1Variant = add1Variant
            self.comparison = comparison
        }
    }

    public static let optionSpecs = [
        Utility.spec,
        RuleOptionSpec(key: "completion", values: Completion.allCases.map(\.rawValue), defaultValue: Completion.none.rawValue,
                       help: "After MES: none, greedy, add1 or add1u (add1 then greedy)."),
        RuleOptionSpec(key: "add1_variant", values: Add1Variant.allCases.map(\.rawValue), defaultValue: Add1Variant.equalshares.rawValue,
                       help: "Definition of add1: equalshares, pabulib or pabutools."),
        RuleOptionSpec(key: "comparison", values: ComparisonMode.allCases.map(\.rawValue), defaultValue: ComparisonMode.none.rawValue,
                       help: "Comparison step after the completion: none, satisfaction or exclusion."),
    ]

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options {
        Options(utility: try settings.choice("utility", default: .cost), completion: try settings.choice("completion", default: .none),
                add1Variant: try settings.choice("add1_variant", default: .equalshares),
                comparison: try settings.choice("comparison", default: .none))
    }

    /// `add1_variant` is recorded only when the completion raises the share: it shapes
    /// nothing otherwise.
    public static func recorded(_ options: Options) -> [RecordedOption] {
        var out = [RecordedOption("utility", options.utility.rawValue), RecordedOption("completion", options.completion.rawValue)]
        if options.completion.raisesShare { out.append(RecordedOption("add1_variant", options.add1Variant.rawValue)) }
        out.append(RecordedOption("comparison", options.comparison.rawValue))
        return out
    }

    /// `add1_runs`: how many MES runs the completion made (jumps make fewer than steps).
    public static let workDetails = ["add1_runs"]

    /// - `equalshares`: no completion.
    /// - `equalshares/add1`: add1, `pabulib` variant, ties `cost,votes`.
    /// - `equalshares/add1-comparison`: the same with the `satisfaction` comparison.
    public static func settings(forMetaRule metaRule: String) -> MetaRuleSettings? {
        switch metaRule {
        case "equalshares":
            return MetaRuleSettings(["completion": Completion.none.rawValue, "comparison": ComparisonMode.none.rawValue])
        case "equalshares/add1", "equalshares/add1-comparison":
            let comparison: ComparisonMode = metaRule == "equalshares/add1" ? .none : .satisfaction
            return MetaRuleSettings(["completion": Completion.add1.rawValue, "add1_variant": Add1Variant.pabulib.rawValue,
                                     "comparison": comparison.rawValue], tieChain: [.cost, .votes])
        default:
            return nil
        }
    }

    /// - Throws: ``CountError/unsupported(_:)`` for an election without ballots;
    ///   ``CountError/unresolvedTie(_:_:)`` when the chain leaves a tie.
    /// - Complexity: one MES run is O(E + R × (evaluations × supporters)) for E ballot
    ///   entries and R rounds; `add1` makes one run per step (see the guide); the
    ///   explanation detail evaluates every project in every round of one more run.
    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<EqualSharesTrace> {
        guard election.ballots.count > 0 else {
            throw CountError.unsupported("mes needs at least one ballot to share the budget among, and \(election.source.isEmpty ? "this election" : election.source) has none")
        }
        let threads = common.effectiveThreads
        let profile = EqualSharesProfile(election, threads: threads)
        let support = election.support()
        let ties = TieBreaking(chain: common.tieChain, election: election, support: support)
        let engine = EqualSharesRun(profile: profile, utility: options.utility, ties: ties)
        engine.progress = common.progress
        // add1 runs go two at a time on their own; a single run splits its long passes instead.
        if !options.completion.raisesShare { engine.lanes = threads }

        var add1: EqualSharesTrace.Add1?
        var mes: EqualSharesRun.Record
        if options.completion.raisesShare {
            let result = try completeByAdd1(engine, budget: election.budget, variant: options.add1Variant, threads: threads)
            mes = result.record
            add1 = EqualSharesTrace.Add1(steps: result.steps, runs: result.runs)
        } else {
            mes = try engine.run(share: election.budget / Rational(profile.voterCount))
        }
        if common.traceDetail == .explanation {
            // The same run again, recording every project in every round.
            let detailed = EqualSharesRun(profile: profile, utility: options.utility, ties: ties)
            detailed.recordsCandidates = true
            mes = try detailed.run(share: mes.share)
        }

        var funded = mes.funded
        var cost = mes.cost
        var tieRecords = mes.ties
        let rounds = mes.rounds.map { r in
            EqualSharesTrace.MESRound(project: r.project, rho: r.rho, effectiveVotes: r.effectiveVotes, paid: r.paid,
                                      paidAll: r.paidAll, supporters: profile.supporterCount[r.project],
                                      candidates: r.candidates.map { .init(project: $0.project, held: $0.held, rho: $0.rho) })
        }
        var completion: [EqualSharesTrace.CompletionStep] = []
        if options.completion == .greedy || options.completion == .add1u {
            let greedy = try completeGreedily(funded: funded, cost: cost, election: election, support: support, ties: ties)
            funded += greedy.added
            cost = greedy.cost
            completion = greedy.steps
            tieRecords += greedy.ties
        }

        var comparison: EqualSharesTrace.Comparison?
        if options.comparison != .none {
            let greedy = try GreedyRule.count(election, options: GreedyRule.Options(utility: .cost, variant: .skip), tieChain: common.tieChain)
            let (preferGreedy, preferMES) = compare(greedy: greedy.funded, mes: funded, profile: profile, mode: options.comparison)
            let greedyWins = preferGreedy > preferMES
            comparison = EqualSharesTrace.Comparison(preferGreedy: preferGreedy, preferMES: preferMES, greedy: greedy.trace, greedyWins: greedyWins)
            if greedyWins {
                funded = greedy.funded
                cost = greedy.totalCost
                tieRecords += greedy.ties
            }
        }
        let trace = EqualSharesTrace(
            options: options, budget: election.budget, voters: profile.voterCount, distinctBallots: profile.distinctBallotCount,
            supporterCounts: profile.supporterCount.map { Int($0) },
            share: mes.share, add1: add1, mesCost: mes.cost, leftoverTotal: mes.leftoverTotal, leftoverMax: mes.leftoverMax,
            votersSpentOut: mes.votersSpentOut, rounds: rounds,
            finalCandidates: mes.finalCandidates.map { .init(project: $0.project, held: $0.held, rho: $0.rho) },
            completion: completion, comparison: comparison)
        return RuleCount(funded: funded, totalCost: cost, ties: tieRecords, trace: trace)
    }
}
