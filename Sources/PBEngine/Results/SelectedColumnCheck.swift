/// Checks a file's own published outcome (its PROJECTS `selected` column) against a rule,
/// as pabulib's checker does.
///
/// `selected` values: `1` funded by the rule, `0` not funded; `3` (funded from reserve
/// money, after the count) is compared as `0`: the rule did not fund it; `2` (a special
/// case that META `comment` explains) is left out of the comparison on both sides and
/// listed in ``special``.
public struct SelectedColumnCheck: Sendable {
    /// The options of the recount.
    public var options: CountOptions
    /// The rule's own options as the recount read them.
    public var ruleOptions: [RecordedOption]
    /// Where the rule came from: `--rule` or META `rule`.
    public var ruleSource: String
    /// Projects marked `1`, in file order.
    public var published: [String]
    /// Projects marked `2` or `3`, with their value, in file order.
    public var special: [(id: String, value: String)]
    /// The recount's funded projects, in funding order.
    public var recounted: [String]
    /// Marked `1` but not funded by the rule.
    public var onlyPublished: [String]
    /// Funded by the rule but marked `0` or `3`.
    public var onlyRecounted: [String]

    /// Whether the column agrees with the rule.
    public var isMatch: Bool { onlyPublished.isEmpty && onlyRecounted.isEmpty }

    /// Counts `election` with `options` (or, when `nil`, the options for its META `rule`)
    /// and compares with its `selected` column.
    ///
    /// - Throws: ``SelectedColumnError`` when the file has no `selected` column, a value
    ///   other than 0-3, or (without options) a META rule that RULES.md does not define;
    ///   ``CountError`` when the count fails.
    /// - Complexity: one count, plus O(projects).
    public static func check(_ election: Election, options given: CountOptions?, base: CountOptions = CountOptions()) throws -> SelectedColumnCheck {
        let options: CountOptions
        let source: String
        if let given {
            options = given
            source = "--rule \(given.rule)"
        } else {
            let metaRule = election.meta("rule") ?? "unknown"
            guard let derived = RuleRegistry.options(forMetaRule: metaRule, base: base) else {
                throw SelectedColumnError.undefinedMetaRule(file: election.source, rule: metaRule)
            }
            options = derived
            source = "META rule '\(metaRule)'"
        }
        guard election.projects.contains(where: { $0.field("selected") != nil }) else {
            throw SelectedColumnError.noSelectedColumn(file: election.source)
        }
        var published: [String] = []
        var special: [(id: String, value: String)] = []
        var excluded = Set<String>()
        for project in election.projects {
            let value = project.field("selected") ?? ""
            switch value {
            case "1": published.append(project.id)
            case "0": break
            case "2":
                special.append((project.id, value))
                excluded.insert(project.id)
            case "3": special.append((project.id, value))
            default:
                throw SelectedColumnError.badSelectedValue(file: election.source, line: project.line, project: project.id, value: value)
            }
        }
        let outcome = try RuleRegistry.count(election, options: options)
        let recounted = outcome.funded.map { election.projects[$0].id }
        let recountedSet = Set(recounted), publishedSet = Set(published)
        return SelectedColumnCheck(
            options: options, ruleOptions: outcome.ruleOptions, ruleSource: source, published: published, special: special, recounted: recounted,
            onlyPublished: published.filter { !recountedSet.contains($0) },
            onlyRecounted: recounted.filter { !publishedSet.contains($0) && !excluded.contains($0) })
    }
}
