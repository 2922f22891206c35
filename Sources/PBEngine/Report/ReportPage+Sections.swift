extension ReportPage {
    /// The page's heading, the outcome in one sentence, and the contents.
    func header(_ page: inout PageWriter) {
        let d = document
        page.raw("<header>\n<p class=\"kicker\">Participatory budget · result</p>\n")
        let name = [d.input.unit, d.input.instance].filter { !$0.isEmpty }
        page.raw("<h1>\(name.isEmpty ? HTMLText.escape(d.input.file) : name.map { page.own($0) }.joined(separator: " "))</h1>\n")
        if !d.input.description.isEmpty { page.raw("<p class=\"description\">\(page.own(d.input.description))</p>\n") }
        page.raw("<p class=\"lead\">\(Self.count(d.selected.count)) of \(Self.count(d.projects.count)) projects funded, costing \(money(outcome.totalCost)) of the budget of \(money(outcome.budget)) (\(Self.percent(outcome.totalCost, of: outcome.budget))); \(money(outcome.moneyLeft)) left. Counted with \(HTMLText.escape(d.rule)) from \(Self.count(d.input.num_ballots_counted)) ballots.</p>\n")
        var links = [("election-h", "The election"), ("outcome-h", "The outcome")]
        if !comparisons.isEmpty { links.append(("compare-h", "Rules side by side")) }
        if !series.isEmpty { links.append(("rounds-h", "Round by round")) }
        links += [("voters-h", "Voters"), ("why-h", "Why each project"), ("ties-h", "Ties"), ("check-h", "Check this result")]
        page.raw("<nav aria-label=\"Contents\"><ul>")
        for (id, text) in links { page.raw("<li><a href=\"#\(id)\">\(text)</a></li>") }
        page.raw("</ul></nav>\n</header>\n")
    }

    /// Place, instance, budget, voters, ballots, vote type; the rule and every option in
    /// words; warnings.
    func electionSection(_ page: inout PageWriter) {
        let d = document
        page.raw("<section aria-labelledby=\"election-h\">\n<h2 id=\"election-h\">The election</h2>\n<dl class=\"facts\">\n")
        func fact(_ term: String, _ markup: String) { page.raw("<div><dt>\(term)</dt><dd>\(markup)</dd></div>\n") }
        let place = ["subunit", "district", "unit", "country"].compactMap { election.meta($0) }.filter { !$0.isEmpty }
        if !place.isEmpty { fact("Place", place.map { page.own($0) }.joined(separator: ", ")) }
        if !d.input.instance.isEmpty { fact("Instance", page.own(d.input.instance)) }
        if let begin = election.meta("date_begin"), let end = election.meta("date_end") {
            fact("Voting", "\(HTMLText.escape(begin)) to \(HTMLText.escape(end))")
        }
        fact("Budget", money(outcome.budget))
        if !currency.isEmpty { fact("Currency", HTMLText.escape(currency)) }
        fact("Projects", Self.count(d.projects.count))
        if let stated = election.meta("num_votes").flatMap({ Int($0) }) { fact("Voters (as the file states)", Self.count(stated)) }
        fact("Ballots counted", Self.count(d.input.num_ballots_counted))
        let invalid = d.invalid_ballots
        fact("Invalid ballots", invalid.count == 0 ? "none"
             : "\(Self.count(invalid.count)) (\(invalid.policy == "skip" ? "left out of the count" : "counted as they are"))")
        fact("Vote type", HTMLText.escape(Self.voteTypeWords(election.voteType)))
        fact("Input file", "<code>\(HTMLText.escape(d.input.file))</code>")
        page.raw("</dl>\n")

        page.raw("<h3>How it was counted</h3>\n")
        let rule = RuleRegistry.rule(named: d.rule)
        page.raw("<p>Rule <strong>\(HTMLText.escape(d.rule))</strong>\(rule.map { ": " + HTMLText.escape($0.summary) } ?? "")</p>\n")
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"options-caption\" tabindex=\"0\">\n<table>\n<caption id=\"options-caption\">Every option of the count, defaults filled in</caption>\n")
        page.raw("<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Value</th><th scope=\"col\">What it means</th></tr></thead>\n<tbody>\n")
        func row(_ key: String, _ value: String, _ meaning: String) {
            page.raw("<tr><th scope=\"row\">\(HTMLText.escape(key))</th><td><code>\(HTMLText.escape(value))</code></td><td>\(HTMLText.escape(meaning))</td></tr>\n")
        }
        for option in outcome.ruleOptions {
            row(option.key, option.value, rule?.optionSpecs.first { $0.key == option.key }?.help ?? "")
        }
        row("tie", d.options["tie"] ?? "", "Ties are broken by, in turn: " + options.tieChain.map(Self.tieWords).joined(separator: "; then ") + ".")
        if election.voteType == .ordinal {
            row("scoring", d.options["scoring"] ?? "", "How a ranking becomes points.")
        }
        row("invalid_ballots", d.options["invalid_ballots"] ?? "", Self.policyWords(options.invalidBallots))
        page.raw("</tbody>\n</table>\n</div>\n")

        if let warnings = d.warnings, !warnings.isEmpty {
            page.raw("<h3>Warnings about the input</h3>\n<p>What was off in the file but did not stop the count:</p>\n<ul>\n")
            for w in warnings {
                page.raw("<li>\(w.line > 0 ? "line \(w.line): " : "")\(HTMLText.escape(w.message))</li>\n")
            }
            page.raw("</ul>\n")
        }
        page.raw("</section>\n")
    }

    /// The funded projects in funding order with the money left after each, the budget
    /// bar, the unfunded projects, totals.
    func outcomeSection(_ page: inout PageWriter) {
        let d = document
        let showScore = d.projects.contains { $0.score != $0.votes }
        page.raw("<section aria-labelledby=\"outcome-h\">\n<h2 id=\"outcome-h\">The outcome</h2>\n")
        budgetBar(&page)
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"funded-caption\" tabindex=\"0\">\n<table class=\"projects\">\n")
        page.raw("<caption id=\"funded-caption\">Funded projects, in the order they were funded</caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">\(moneyHeading("Cost"))</th><th scope=\"col\" class=\"num\">Votes</th>\(showScore ? "<th scope=\"col\" class=\"num\">Score</th>" : "")<th scope=\"col\" class=\"num\">\(moneyHeading("Money left after"))</th></tr></thead>\n<tbody>\n")
        var left = outcome.budget
        for (k, p) in outcome.funded.enumerated() {
            let line = d.projects[p]
            left -= election.projects[p].cost
            page.raw("<tr><td class=\"rank\"><span class=\"swatch c\(k % Self.paletteSize)\" aria-hidden=\"true\"></span>\(k + 1)</td><td>\(projectCell(p, page: page))</td><td class=\"num\">\(amount(election.projects[p].cost))</td><td class=\"num\">\(Self.count(line.votes))</td>\(showScore ? "<td class=\"num\">\(Self.count(line.score))</td>" : "")<td class=\"num\">\(amount(left))</td></tr>\n")
        }
        page.raw("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"2\">\(Self.count(outcome.funded.count)) funded</th><td class=\"num\">\(amount(outcome.totalCost))</td><td></td>\(showScore ? "<td></td>" : "")<td class=\"num\">\(amount(outcome.moneyLeft))</td></tr></tfoot>\n</table>\n</div>\n")

        let unfunded = unfundedOrder
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"unfunded-caption\" tabindex=\"0\">\n<table class=\"projects\">\n")
        page.raw("<caption id=\"unfunded-caption\">Not funded, by votes</caption>\n<thead><tr><th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">\(moneyHeading("Cost"))</th><th scope=\"col\" class=\"num\">Votes</th>\(showScore ? "<th scope=\"col\" class=\"num\">Score</th>" : "")</tr></thead>\n<tbody>\n")
        var unfundedCost = Rational.zero
        for p in unfunded {
            let line = d.projects[p]
            unfundedCost += election.projects[p].cost
            page.raw("<tr><td>\(projectCell(p, page: page))</td><td class=\"num\">\(amount(election.projects[p].cost))</td><td class=\"num\">\(Self.count(line.votes))</td>\(showScore ? "<td class=\"num\">\(Self.count(line.score))</td>" : "")</tr>\n")
        }
        page.raw("</tbody>\n<tfoot><tr><th scope=\"row\">\(Self.count(unfunded.count)) not funded</th><td class=\"num\">\(amount(unfundedCost))</td><td></td>\(showScore ? "<td></td>" : "")</tr></tfoot>\n</table>\n</div>\n</section>\n")
    }

    /// Every tie the chain broke, and how.
    func tiesSection(_ page: inout PageWriter) {
        page.raw("<section aria-labelledby=\"ties-h\">\n<h2 id=\"ties-h\">Ties</h2>\n")
        if outcome.ties.isEmpty {
            page.raw("<p>No tie had to be broken: the rule never had to choose between projects it ranked equal. The chain it would have used: \(HTMLText.escape(options.tieChain.map(Self.tieWords).joined(separator: "; then "))).</p>\n</section>\n")
            return
        }
        page.raw("<p>\(Self.count(outcome.ties.count)) times the rule ranked projects equal; the tie-breaking chain (\(HTMLText.escape(options.tieChain.map(Self.tieWords).joined(separator: "; then ")))) decided.</p>\n")
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"ties-caption\" tabindex=\"0\">\n<table>\n<caption id=\"ties-caption\">Every tie and how it was broken</caption>\n<thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Tied projects, in the chain's order</th><th scope=\"col\">Went first</th><th scope=\"col\">Decided by</th></tr></thead>\n<tbody>\n")
        for tie in outcome.ties {
            let tied = tie.projects.map { projectLink($0, page: page) }.joined(separator: ", ")
            page.raw("<tr><td>\(HTMLText.escape(tie.context))</td><td>\(tied)</td><td>\(projectLink(tie.winner, page: page))</td><td>\(HTMLText.escape(tie.criterion))</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</div>\n</section>\n")
    }

    /// For every project, on demand, the trace's explanation.
    func explanationSection(_ page: inout PageWriter) {
        page.raw("<section aria-labelledby=\"why-h\">\n<h2 id=\"why-h\">Why each project was or was not funded</h2>\n")
        page.raw("<p>Open a project to read why, in the rule's own terms, from the record of the count (the same words as <code>pbcount explain</code>).</p>\n")
        let scored = election.scored(by: options.effectiveScoring)
        for p in outcome.funded + unfundedOrder {
            let funded = document.projects[p].funded
            let sentences = outcome.trace.explain(ExplanationContext(election: scored, outcome: outcome, project: p))
            page.raw("<details id=\"p\(p)\"><summary><span class=\"badge \(funded ? "yes" : "no")\">\(funded ? "Funded" : "Not funded")</span> \(projectCell(p, page: page))</summary>\n<ul>\n")
            for sentence in sentences { page.raw("<li>\(HTMLText.escape(sentence))</li>\n") }
            page.raw("</ul>\n</details>\n")
        }
        page.raw("</section>\n")
    }

    /// The input's SHA-256, the commands that reproduce and verify the count.
    func checkSection(_ page: inout PageWriter) {
        let d = document
        page.raw("<section aria-labelledby=\"check-h\">\n<h2 id=\"check-h\">Check this result</h2>\n")
        page.raw("<p>Anyone can redo this count from the published ballot file. The file counted had this SHA-256:</p>\n<p><code class=\"hash\">\(HTMLText.escape(d.input_sha256))</code></p>\n")
        page.raw("<p>This command counts it again with every option recorded here:</p>\n<pre><code>\(HTMLText.escape(commands.count))</code></pre>\n")
        page.raw("<p>This one checks this page itself: it reads the result embedded in the page, recounts the file with its options and prints <code>match</code> or every difference.</p>\n<pre><code>\(HTMLText.escape(commands.verify))</code></pre>\n")
        page.raw("<p>And this one writes this page again, byte for byte (so that its visible text can be compared too):</p>\n<pre><code>\(HTMLText.escape(commands.report))</code></pre>\n")
        page.raw("<p>The embedded result is the canonical JSON result (format \(HTMLText.escape(d.format)) version \(d.format_version)), the same bytes as <code>pbcount count --format json</code> writes, in the page's <code>script</code> element <code>#\(ResultDocument.pageScriptID)</code>.</p>\n</section>\n")
    }

    /// A project as a table cell: its id and name.
    func projectCell(_ p: Int, page: PageWriter) -> String {
        let project = election.projects[p]
        let name = project.name.isEmpty ? "" : " " + page.own(project.name)
        return "<span class=\"pid\">\(HTMLText.escape(project.id))</span>\(name)"
    }

    /// A project's id, linked to its explanation.
    func projectLink(_ p: Int, page: PageWriter) -> String {
        "<a href=\"#p\(p)\">\(HTMLText.escape(election.projects[p].id))</a>"
    }

    /// The unfunded projects, most votes first (then score, then file order).
    var unfundedOrder: [Int] {
        let lines = document.projects
        return lines.indices.filter { !lines[$0].funded }.sorted { a, b in
            (lines[a].votes, lines[a].score, b) > (lines[b].votes, lines[b].score, a)
        }
    }

    static func voteTypeWords(_ type: VoteType) -> String {
        switch type {
        case .approval: return "approval: each voter marks the projects they approve"
        case .chooseOne: return "choose one: each voter marks one project"
        case .cumulative: return "cumulative: each voter spreads points over projects"
        case .scoring: return "scoring: each voter gives projects points"
        case .ordinal: return "ordinal: each voter ranks projects"
        }
    }

    static func tieWords(_ criterion: TieCriterion) -> String {
        switch criterion {
        case .votes: return "more votes first"
        case .score: return "higher score first"
        case .cost: return "cheaper first"
        case .costDescending: return "dearer first"
        case .id: return "project id in byte order"
        case .file: return "order in the file's project list"
        case let .list(path, _): return "the priority list \(path)"
        case let .lot(seed): return "a lot drawn with seed \(seed), which anyone can redraw"
        }
    }

    static func policyWords(_ policy: InvalidBallotPolicy) -> String {
        switch policy {
        case .fail: return "A ballot that breaks the file's limits stops the count (none did)."
        case .skip: return "Ballots that break the file's limits are left out."
        case .keep: return "Ballots that break the file's limits count for what is valid in them."
        }
    }
}
