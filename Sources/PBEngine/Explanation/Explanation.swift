/// Why one project was or was not funded, in plain words and numbers (`pbcount explain`).
///
/// Built from the count itself: the rule's trace of the count (``RuleTrace``) tells why,
/// in the rule's own terms; see each rule's guide.
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
    /// The count records what the explanation needs (``TraceDetail/explanation``); the
    /// rule's trace then tells the story (``RuleTrace/explain(_:)``): nothing is recounted.
    /// - Throws: ``ExplanationError/unknownProject(file:id:)``; ``CountError`` when the count fails.
    /// - Complexity: one count, with the rule's explanation detail.
    public static func explain(project id: String, in election: Election, options: CountOptions) throws -> Explanation {
        guard let p = election.projectIndex(id: id) else {
            throw ExplanationError.unknownProject(file: election.source, id: id)
        }
        var detailed = options
        detailed.traceDetail = .explanation
        let scored = election.scored(by: options.effectiveScoring)
        let outcome = try RuleRegistry.count(election, options: detailed)
        let context = ExplanationContext(election: scored, outcome: outcome, project: p)
        let words = (["rule \(options.rule)"] + outcome.ruleOptions.map { "\($0.key) \($0.value)" }
            + ["ties \(options.tieChain.map(\.description).joined(separator: ","))"]).joined(separator: ", ")
        return Explanation(project: id, name: election.projects[p].name, funded: outcome.funded.contains(p),
                           countedWith: words, sentences: outcome.trace.explain(context))
    }
}

/// What every explanation has: the election as counted, the outcome, the project, and the
/// sentences that rules share.
public struct ExplanationContext: Sendable {
    /// The election as the rule counted it (ordinal ballots scored).
    public let election: Election
    /// The count.
    public let outcome: Outcome
    /// The project to explain (index).
    public let project: Int

    /// The project's cost.
    public var cost: Rational { election.projects[project].cost }
    /// The project's id.
    public var id: String { election.projects[project].id }
    /// Whether the count funded it.
    public var funded: Bool { outcome.funded.contains(project) }

    /// Ids of a list of projects.
    public func ids(_ projects: [Int]) -> String {
        projects.map { election.projects[$0].id }.joined(separator: ", ")
    }

    /// `X costs C and has V votes (score S).`
    public func supportSentence() -> String {
        let support = election.support()
        let score = support.score[project] == Int64(support.votes[project]) ? "" : " (score \(support.score[project]))"
        return "\(id) costs \(Self.money(cost)) and has \(support.votes[project]) votes\(score)."
    }

    /// The sentence about each tie that involved the project.
    public func tieSentences() -> [String] {
        outcome.ties.filter { $0.projects.contains(project) }.map { tie in
            let others = tie.projects.filter { $0 != project }
            let winner = tie.winner == project ? "it went first" : "\(election.projects[tie.winner].id) went first"
            return "In the \(tie.context) it was tied with \(ids(others)); the tie chain decided by \(tie.criterion): \(winner)."
        }
    }

    /// A walk down a greedy order: the project's rank in `order` (every eligible project,
    /// best first) and what happened at its turn in `steps` (the walk the count made:
    /// shorter than `order` where it stopped at the first project that did not fit).
    ///
    /// - Parameters:
    ///   - start: The money at the first step.
    ///   - what: Who walks (`Greedy`, `After MES, the greedy completion`).
    ///   - key: What the order is by, in words.
    ///   - stopsAtFirstMiss: Whether the walk ends at the first project that does not fit.
    /// - Complexity: O(steps).
    public func greedyWalk(order: [Int], steps: [(project: Int, funded: Bool)], start: Rational, what: String,
                           key: String, stopsAtFirstMiss: Bool) -> [String] {
        guard let rank = order.firstIndex(of: project) else {
            return ["\(what) did not consider it."]
        }
        var out = ["The budget is \(Self.money(outcome.budget)). \(what) orders the \(order.count) eligible projects by \(key), ties by the chain: \(id) ranks #\(rank + 1) of \(order.count)."]
        var before: [Rational] = []
        var left = start
        for step in steps {
            before.append(left)
            if step.funded { left -= election.projects[step.project].cost }
        }
        if let k = steps.firstIndex(where: { $0.project == project }) {
            let above = steps[..<k].filter(\.funded)
            let aboveCost = above.reduce(Rational.zero) { $0 + election.projects[$1.project].cost }
            out.append("\(k) projects came before it; \(above.count) of them were funded, costing \(Self.money(aboveCost)).")
            if steps[k].funded {
                out.append("When its turn came, \(Self.money(before[k])) was left; it fit, so it was funded, leaving \(Self.money(before[k] - cost)).")
            } else {
                out.append("When its turn came, \(Self.money(before[k])) was left, \(Self.money(cost - before[k])) less than its cost: it did not fit, so it was not funded.")
                if k == steps.count - 1 && stopsAtFirstMiss {
                    out.append("The no-skip variant stops the count at the first project that does not fit: this one.")
                }
            }
        } else if let last = steps.last {
            let j = steps.count - 1
            out.append("The no-skip count stopped at \(election.projects[last.project].id) (#\(j + 1)), the first project that did not fit (\(Self.money(before[j])) left, it costs \(Self.money(election.projects[last.project].cost))): \(id)'s turn never came.")
        }
        return out
    }

    /// An amount of money for people: exact when whole, else two decimals with the exact
    /// value beside (when it is short enough to read; the JSON result has it always).
    public static func money(_ r: Rational) -> String { readable(r, places: 2) }

    /// A ratio such as `rho`: six decimals, with the exact value beside when short.
    public static func ratio(_ r: Rational) -> String { readable(r, places: 6) }

    private static func readable(_ r: Rational, places: Int) -> String {
        if r.isInteger { return r.description }
        let exact = r.description
        return exact.count <= 24 ? "\(r.decimalString(places: places)) (exactly \(exact))" : r.decimalString(places: places)
    }
}
