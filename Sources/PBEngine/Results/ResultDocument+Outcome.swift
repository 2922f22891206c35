import Foundation

extension ResultDocument {
    /// The engine version written into every result.
    public static let engineVersion = "0.2.0"

    /// The document for `outcome`, counted from `election` with `options`.
    public init(election: Election, options: CountOptions, outcome: Outcome) {
        // Scores as the rule saw them: ordinal rankings through the scoring function.
        let support = election.scored(by: options.effectiveScoring).support()
        let ids = election.projects.map(\.id)
        var position = [Int: Int]()
        for (k, p) in outcome.funded.enumerated() { position[p] = k + 1 }
        engine_version = Self.engineVersion
        input_sha256 = election.sha256
        input = InputSummary(election: election)
        rule = outcome.rule
        self.options = options.recorded(ruleOptions: outcome.ruleOptions)
        selected = outcome.funded.map { ids[$0] }
        total_cost = outcome.totalCost.description
        total_cost_decimal = outcome.totalCost.decimalString(places: 2)
        budget = outcome.budget.description
        budget_decimal = outcome.budget.decimalString(places: 2)
        money_left = outcome.moneyLeft.description
        money_left_decimal = outcome.moneyLeft.decimalString(places: 2)
        projects = election.projects.indices.map { p in
            ProjectLine(id: ids[p], name: election.projects[p].name, cost: election.projects[p].cost.description,
                        cost_decimal: election.projects[p].cost.decimalString(places: 2),
                        votes: support.votes[p], score: Int(support.score[p]), funded: position[p] != nil,
                        funding_position: position[p])
        }
        rounds = outcome.rounds.enumerated().map { k, round in
            RoundLine(round: k + 1, project: ids[round.project], funded: round.funded,
                      values: Self.object(round.values, ids: ids))
        }
        ties = outcome.ties.map { tie in
            TieLine(context: tie.context, projects: tie.projects.map { ids[$0] }, winner: ids[tie.winner], criterion: tie.criterion)
        }
        details = Self.object(outcome.details, ids: ids)
        warnings = election.warnings.map { WarningLine(line: $0.line, column: $0.column, message: $0.message) }
        invalid_ballots = InvalidBallotSummary(
            policy: election.invalidBallotPolicy.rawValue, count: election.invalidBallots.count,
            ballots: election.invalidBallots.map { InvalidBallotLine(voter_id: $0.voterID, line: $0.line, reason: $0.reason) })
    }

    /// Named values as a JSON object; a rational `x` becomes `"x": "a/b"` and `"x_decimal": "1.23"`.
    static func object(_ values: [Detail], ids: [String]) -> [String: JSONValue] {
        var out = [String: JSONValue]()
        for detail in values {
            switch detail.value {
            case let .rational(r):
                out[detail.name] = .string(r.description)
                out[detail.name + "_decimal"] = .string(r.decimalString(places: 6))
            case let .integer(i): out[detail.name] = .integer(i)
            case let .text(t): out[detail.name] = .string(t)
            case let .flag(b): out[detail.name] = .bool(b)
            case let .projects(ps): out[detail.name] = .array(ps.map { .string(ids[$0]) })
            case let .rationals(rs):
                out[detail.name] = .array(rs.map { .string($0.description) })
                out[detail.name + "_decimal"] = .array(rs.map { .string($0.decimalString(places: 6)) })
            }
        }
        return out
    }

    /// The document as canonical JSON bytes (sorted keys, two-space indent, final newline).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(10)
        return data
    }
}

extension ResultDocument.InputSummary {
    /// The summary of `election` (META values as written, empty when absent).
    public init(election: Election) {
        func meta(_ key: String) -> String { election.meta(key) ?? "" }
        self.init(file: URL(fileURLWithPath: election.source).lastPathComponent,
                  description: meta("description"), country: meta("country"), unit: meta("unit"),
                  instance: meta("instance"), vote_type: election.voteType.rawValue,
                  num_projects: election.projects.count, num_ballots_counted: election.ballots.count)
    }
}
