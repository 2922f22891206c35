import PBEngine

/// Shorthands for counting in tests.
enum Counting {
    static func options(_ rule: String, utility: Utility = .cost, tie: [TieCriterion] = TieBreaking.defaultChain,
                        _ configure: (inout CountOptions) -> Void = { _ in }) -> CountOptions {
        var o = CountOptions()
        o.rule = rule
        o.utility = utility
        o.tieChain = tie
        o.invalidBallots = .keep
        configure(&o)
        return o.forRule(rule)
    }

    /// Funded project ids, in funding order.
    static func fundedIDs(_ election: Election, _ options: CountOptions) throws -> [String] {
        try RuleRegistry.count(election, options: options).funded.map { election.projects[$0].id }
    }

    /// The PROJECTS `selected` column: ids marked 1.
    static func officialSelection(_ election: Election) -> [String] {
        election.projects.filter { $0.field("selected") == "1" }.map(\.id)
    }

    /// An election built in code: costs, budget and ballots as index lists.
    static func election(costs: [Int], budget: Int, ballots: [[Int]], points: [[Int64]]? = nil, voteType: VoteType = .approval) -> Election {
        let projects = costs.enumerated().map { Project(id: "p\($0.offset + 1)", cost: Rational($0.element)) }
        return Election(projects: projects, budget: Rational(budget), voteType: voteType, ballots: Ballots(ballots, points: points))
    }
}
