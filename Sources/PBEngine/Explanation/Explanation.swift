/// Why one project was or was not funded, in plain words and numbers (`pbcount explain`).
///
/// Built from the count itself (the same ``Outcome`` that `count` prints), plus what the
/// rule needs: greedy gives the project's rank and the money left at its turn; MES the
/// round and `rho` at which it was funded, or what its supporters still held in the last
/// round it was affordable and how much they lacked (a replay of the recorded payments);
/// knapsack its contribution to the optimal welfare (by solving without it, or with it
/// forced in); Phragmén the max load it would have needed against each round's winner.
/// Other rules get their recorded round values.
public struct Explanation: Sendable {
    /// The project id.
    public var project: String
    /// Its name, or the empty string.
    public var name: String
    /// Whether the count funded it.
    public var funded: Bool
    /// The rule and options, in words.
    public var countedWith: String
    /// The explanation, one sentence per entry.
    public var sentences: [String]

    /// Explains the fate of the project `id` in the count of `election` with `options`.
    ///
    /// - Throws: ``VerificationError/unknownProject(file:id:)``; ``CountError`` when the count fails.
    /// - Complexity: one count, plus what the rule's explanation needs (knapsack: one more
    ///   solve; MES: a replay over the project's supporters).
    public static func explain(project id: String, in election: Election, options: CountOptions) throws -> Explanation {
        guard let p = election.projectIndex(id: id) else {
            throw VerificationError.unknownProject(file: election.source, id: id)
        }
        let scored = election.scored(by: options.effectiveScoring)
        let outcome = try RuleRegistry.count(election, options: options)
        let context = Context(election: scored, options: options, outcome: outcome, project: p)
        let sentences: [String]
        switch options.rule {
        case GreedyRule.name: sentences = try context.greedy()
        case "mes": sentences = try context.equalShares()
        case "knapsack": sentences = try context.knapsack()
        case "phragmen": sentences = context.phragmen()
        default: sentences = context.fromRounds()
        }
        return Explanation(project: id, name: election.projects[p].name, funded: outcome.funded.contains(p),
                           countedWith: context.countedWith, sentences: sentences)
    }

    /// What the explanations share: the count and the project.
    struct Context {
        let election: Election
        let options: CountOptions
        let outcome: Outcome
        let project: Int

        var cost: Rational { election.projects[project].cost }
        var id: String { election.projects[project].id }
        var funded: Bool { outcome.funded.contains(project) }

        var countedWith: String {
            var words = "rule \(options.rule), utility \(options.utility.rawValue)"
            if options.rule == GreedyRule.name { words += ", variant \(options.greedyVariant.rawValue)" }
            if options.rule == "mes" {
                words += ", completion \(options.completion.rawValue)"
                if options.completion == .add1 || options.completion == .add1u { words += " (\(options.add1Variant.rawValue))" }
                if options.comparison != .none { words += ", comparison \(options.comparison.rawValue)" }
            }
            return words + ", ties \(options.tieChain.map(\.description).joined(separator: ","))"
        }

        /// Ids of a list of projects.
        func ids(_ projects: [Int]) -> String {
            projects.map { election.projects[$0].id }.joined(separator: ", ")
        }

        /// Money left before each step of `rounds`: the budget less what the funded steps before it cost.
        func moneyLeftBefore(_ rounds: [Round], start: Rational) -> [Rational] {
            var left = start
            return rounds.map { round in
                defer { if round.funded { left -= election.projects[round.project].cost } }
                return left
            }
        }

        /// The sentence about a tie that involved the project, if any.
        func tieSentences() -> [String] {
            outcome.ties.filter { $0.projects.contains(project) }.map { tie in
                let others = tie.projects.filter { $0 != project }
                let outcome = tie.winner == project ? "it went first" : "\(election.projects[tie.winner].id) went first"
                return "In the \(tie.context) it was tied with \(ids(others)); the tie chain decided by \(tie.criterion): \(outcome)."
            }
        }

        /// A generic explanation from the recorded rounds (rules without their own).
        func fromRounds() -> [String] {
            let steps = outcome.rounds.enumerated().filter { $0.element.project == project }
            var out: [String] = []
            if steps.isEmpty {
                out.append(funded ? "\(id) was funded without a recorded step of its own."
                           : "\(id) was not chosen in any of the \(outcome.rounds.count) steps of the count, so it was not funded.")
            }
            for (k, round) in steps {
                let values = round.values.map { "\($0.name) \(Self.words($0.value, election))" }.joined(separator: ", ")
                out.append("Step \(k + 1): \(round.funded ? "funded" : "not funded") (\(values)).")
            }
            return out + tieSentences()
        }

        /// An amount of money for people: exact when whole, else two decimals with the exact
        /// value beside (when it is short enough to read; the JSON result has it always).
        static func money(_ r: Rational) -> String { readable(r, places: 2) }

        /// A ratio such as `rho`: six decimals, with the exact value beside when short.
        static func ratio(_ r: Rational) -> String { readable(r, places: 6) }

        private static func readable(_ r: Rational, places: Int) -> String {
            if r.isInteger { return r.description }
            let exact = r.description
            return exact.count <= 24 ? "\(r.decimalString(places: places)) (exactly \(exact))" : r.decimalString(places: places)
        }

        static func words(_ value: DetailValue, _ election: Election) -> String {
            switch value {
            case let .rational(r): return ratio(r)
            case let .integer(i): return String(i)
            case let .text(t): return t
            case let .flag(b): return b ? "yes" : "no"
            case let .projects(ps): return ps.map { election.projects[$0].id }.joined(separator: ", ")
            case let .rationals(rs): return rs.map(\.description).joined(separator: ", ")
            }
        }
    }
}
