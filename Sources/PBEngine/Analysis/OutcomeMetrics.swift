/// The research metrics of one outcome, exact (`Guides/Analysis.md`): satisfaction under
/// both measures, the share of voters with a funded project, the satisfaction histogram,
/// the budget spent and exhaustiveness, category proportionality, EJR+ up to one under
/// both measures, and, where the rule's trace offers them, effective supports and losses.
public struct OutcomeMetrics: Sendable {
    /// Voters counted.
    public var voters: Int
    /// `c(W) / b`.
    public var budgetSpent: Rational
    /// Whether no unfunded project fits in the money left (pabutools' `is_exhaustive`).
    public var exhaustive: Bool
    /// The share of voters with at least one funded project on their ballot, in [0, 1]
    /// (pabutools' `percent_non_empty_handed`, which is a share despite its name).
    public var nonEmptyHanded: Rational
    /// Average and Gini under cost satisfaction.
    public var cost: SatisfactionSummary
    /// Average and Gini under cardinality satisfaction.
    public var cardinality: SatisfactionSummary
    /// Voters by number of funded projects on their ballot.
    public var histogram: SatisfactionHistogram
    /// Category proportionality, or why it is undefined.
    public var categories: Result<CategoryProportionality, CategoryProportionality.Undefined>
    /// EJR+ up to one under cost satisfaction: every violating project's witness (empty:
    /// satisfied), or `nil` for ballots other than approval.
    public var ejrPlusCost: [EJRPlusViolation]?
    /// The same under cardinality satisfaction.
    public var ejrPlusCardinality: [EJRPlusViolation]?
    /// Effective supports and losses of the unfunded projects, when the trace offers them.
    public var unfundedProjects: [UnfundedProjectAnalysis]?
    /// Effective supports of the funded projects (a recount without each), when the trace
    /// offers them and `projectAnalysis` is on.
    public var fundedProjects: [FundedEffectiveSupport]?

    /// Measures `outcome`, counted from `election`.
    ///
    /// - Parameters:
    ///   - election: The election as counted (ordinal ballots scored, as the rule saw them).
    ///   - outcome: The count's outcome.
    ///   - projectAnalysis: Whether to ask the trace for per-project effective supports
    ///     (O(rounds × entries), and a recount per funded project; `batch` leaves them out).
    ///   - tieChain: The count's tie-breaking chain, for those recounts.
    /// - Complexity: O(entries + n log n) integer work and O(distinct satisfactions +
    ///   unfunded projects × their supporters' distinct satisfactions) rational work, plus
    ///   the project analysis when asked.
    public init(election: Election, outcome: Outcome, projectAnalysis: Bool = true, tieChain: [TieCriterion] = TieBreaking.defaultChain) {
        self.init(election: election, outcome: outcome, projectAnalysis: projectAnalysis, tieChain: tieChain, supporters: nil)
    }

    /// ``init(election:outcome:projectAnalysis:tieChain:)`` with every project's supporters
    /// listed once for the election (`batch` measures several outcomes of one election).
    init(election: Election, outcome: Outcome, projectAnalysis: Bool = true, tieChain: [TieCriterion] = TieBreaking.defaultChain,
         supporters: ProjectSupporters?) {
        let n = election.ballots.count
        let (cardinalities, costLevels, cardinalityLevels) = SatisfactionLevels.both(election: election, funded: outcome.funded)
        voters = n
        budgetSpent = election.budget.isZero ? .zero : outcome.totalCost / election.budget
        let left = election.budget - outcome.totalCost
        let fundedSet = Set(outcome.funded)
        exhaustive = !election.projects.indices.contains { !fundedSet.contains($0) && election.projects[$0].cost <= left }
        let nonEmpty = cardinalities.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        nonEmptyHanded = n == 0 ? .zero : Rational(nonEmpty) / Rational(n)
        cost = SatisfactionSummary(measure: .cost, levels: costLevels)
        cardinality = SatisfactionSummary(measure: .cardinality, levels: cardinalityLevels)
        histogram = SatisfactionHistogram(cardinality: cardinalities)
        do {
            categories = .success(try CategoryProportionality(election: election, funded: outcome.funded))
        } catch {
            categories = .failure(error)
        }
        let approval = election.ballots.points == nil && (election.voteType == .approval || election.voteType == .chooseOne)
        if approval {
            let supporters = supporters ?? ProjectSupporters(election.ballots, projects: election.projects.count)
            ejrPlusCost = EJRPlusCheck.violations(election: election, funded: outcome.funded, measure: .cost, levels: costLevels,
                                                  supporters: supporters)
            ejrPlusCardinality = EJRPlusCheck.violations(election: election, funded: outcome.funded, measure: .cardinality,
                                                         levels: cardinalityLevels, supporters: supporters)
        } else {
            ejrPlusCost = nil
            ejrPlusCardinality = nil
        }
        let reporting = projectAnalysis ? outcome.trace as? any EffectiveSupportReporting : nil
        unfundedProjects = reporting?.unfundedProjectAnalysis(election: election, funded: outcome.funded)
        fundedProjects = reporting?.fundedEffectiveSupports(election: election, funded: outcome.funded, tieChain: tieChain)
    }
}
