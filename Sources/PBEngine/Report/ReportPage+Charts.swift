extension ReportPage {
    /// Colours of the budget bar's segments (and the swatches beside the funded projects).
    static let paletteSize = 6

    /// The per-round series the trace offers, if any.
    var series: [RoundSeries] { (outcome.trace as? ReportSeries)?.reportSeries ?? [] }

    /// The budget as one bar split by funded project, in funding order, then what is left.
    ///
    /// - Complexity: O(funded projects).
    func budgetBar(_ page: inout PageWriter) {
        let budget = outcome.budget
        let words = "The budget of \(money(outcome.budget)) as one bar: \(outcome.funded.count) funded projects take \(Self.percent(outcome.totalCost, of: budget)) of it, in funding order from the left; \(Self.percent(outcome.moneyLeft, of: budget)) is left (the last, pale part)."
        page.raw("<figure class=\"budget\">\n<svg viewBox=\"0 0 1000 40\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"budget-caption\">\n")
        var x = Rational.zero
        for (k, p) in outcome.funded.enumerated() {
            let cost = election.projects[p].cost
            page.raw("<rect class=\"c\(k % Self.paletteSize)\" x=\"\(Self.coordinate(x, of: budget, length: 1000))\" y=\"0\" width=\"\(Self.coordinate(cost, of: budget, length: 1000))\" height=\"40\"><title>\(HTMLText.escape(election.projects[p].id)) \(HTMLText.escape(election.projects[p].name)): \(HTMLText.escape(cost.decimalString(places: 2)))</title></rect>\n")
            x += cost
        }
        if outcome.moneyLeft.signum > 0 {
            page.raw("<rect class=\"left\" x=\"\(Self.coordinate(x, of: budget, length: 1000))\" y=\"0\" width=\"\(Self.coordinate(outcome.moneyLeft, of: budget, length: 1000))\" height=\"40\"><title>left: \(HTMLText.escape(outcome.moneyLeft.decimalString(places: 2)))</title></rect>\n")
        }
        page.raw("</svg>\n<figcaption id=\"budget-caption\">\(words) The table below gives every amount; its colour swatches match the bar.</figcaption>\n</figure>\n")
    }

    /// Each series the trace offers, as a column chart with its values in a table.
    ///
    /// - Complexity: O(rounds) per series.
    func roundsSection(_ page: inout PageWriter) {
        let all = series
        guard !all.isEmpty else { return }
        page.raw("<section aria-labelledby=\"rounds-h\">\n<h2 id=\"rounds-h\">Round by round</h2>\n")
        for (s, one) in all.enumerated() {
            let id = "series\(s)"
            let top = one.points.map(\.value).reduce(Rational.zero) { max($0, $1) }
            let n = one.points.count
            let alternative = one.textAlternative { election.projects[$0].id }
            page.raw("<figure>\n<h3 id=\"\(id)-h\">\(HTMLText.escape(one.title))</h3>\n<p>\(HTMLText.escape(one.meaning))</p>\n")
            page.raw("<svg class=\"columns\" viewBox=\"0 0 \(n * 10) 100\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"\(id)-h \(id)-alt\">\n")
            for (k, point) in one.points.enumerated() {
                let h = top.isZero ? Rational.zero : point.value * Rational(96) / top
                page.raw("<rect x=\"\(k * 10 + 1)\" y=\"\((Rational(100) - h).decimalString(places: 2))\" width=\"8\" height=\"\(h.decimalString(places: 2))\"><title>round \(point.round): \(HTMLText.escape(election.projects[point.project].id)), \(HTMLText.escape(point.value.decimalString(places: one.places)))</title></rect>\n")
            }
            page.raw("</svg>\n<figcaption id=\"\(id)-alt\">\(HTMLText.escape(alternative)) Rounds run left to right; the tallest column is \(HTMLText.escape(top.decimalString(places: one.places))).</figcaption>\n")
            page.raw("<details><summary>Every value of the chart</summary>\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">\n<table>\n<caption id=\"\(id)-caption\">\(HTMLText.escape(one.title))</caption>\n")
            page.raw("<thead><tr><th scope=\"col\">Round</th><th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">\(HTMLText.escape(one.valueName))</th></tr></thead>\n<tbody>\n")
            for point in one.points {
                page.raw("<tr><td>\(point.round)</td><td>\(projectCell(point.project, page: page))</td><td class=\"num\">\(Self.number(point.value, places: one.places))</td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n</div>\n</details>\n</figure>\n")
        }
        page.raw("</section>\n")
    }

    /// Voters by the number of funded projects they approved: a table with a bar per row.
    ///
    /// - Complexity: O(ballot entries).
    func distributionSection(_ page: inout PageWriter) {
        let counts = FundedApprovalCounts(election: election, funded: outcome.funded)
        let total = counts.total
        page.raw("<section aria-labelledby=\"voters-h\">\n<h2 id=\"voters-h\">Voters by the number of funded projects they approved</h2>\n")
        guard total > 0 else {
            page.raw("<p>No ballots were counted.</p>\n</section>\n")
            return
        }
        let some = total - counts.voters[0]
        let top = counts.voters.max() ?? 0
        page.raw("<p>Read from the ballots and the funded projects (data, not a recount): \(Self.count(some)) of \(Self.count(total)) voters (\(Self.percent(Rational(some), of: Rational(total)))) approved at least one funded project; \(Self.count(counts.voters[0])) approved none.</p>\n")
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"voters-caption\" tabindex=\"0\">\n<table class=\"bars\">\n<caption id=\"voters-caption\">Voters by how many funded projects their ballot approved</caption>\n")
        page.raw("<thead><tr><th scope=\"col\" class=\"num\">Funded projects approved</th><th scope=\"col\" class=\"num\">Voters</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"bar\"><span class=\"visually-hidden\">Bar</span></th></tr></thead>\n<tbody>\n")
        for (k, n) in counts.voters.enumerated() {
            let width = Self.coordinate(Rational(n), of: Rational(top), length: 100)
            page.raw("<tr><th scope=\"row\" class=\"num\">\(k)</th><td class=\"num\">\(Self.count(n))</td><td class=\"num\">\(Self.percent(Rational(n), of: Rational(total)))</td><td class=\"bar\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"\(width)\" height=\"10\"/></svg></td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</div>\n</section>\n")
    }

    /// Other counts of the same election beside this one: what each funds.
    ///
    /// - Complexity: O(projects × counts).
    func comparisonSection(_ page: inout PageWriter) {
        guard !comparisons.isEmpty else { return }
        let counts = [(spec: "this count (\(document.rule))", outcome: outcome)] + comparisons.map { (spec: $0.spec, outcome: $0.outcome) }
        page.raw("<section aria-labelledby=\"compare-h\">\n<h2 id=\"compare-h\">Rules side by side</h2>\n")
        page.raw("<p>The same ballots counted with other rules. Only the count above is embedded and checked by <code>verify</code>; these are shown for comparison. A project has the same colour in every bar; projects that only another rule funds are grey.</p>\n")
        var mainPosition = [Int: Int]()
        for (k, p) in outcome.funded.enumerated() { mainPosition[p] = k }
        for (k, count) in counts.enumerated() {
            page.raw("<figure class=\"budget compare\">\n<figcaption id=\"cmp\(k)\"><strong>\(HTMLText.escape(count.spec))</strong>: \(count.outcome.funded.count) projects, \(money(count.outcome.totalCost)) (\(Self.percent(count.outcome.totalCost, of: count.outcome.budget)))</figcaption>\n")
            page.raw("<svg viewBox=\"0 0 1000 24\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"cmp\(k)\">\n")
            var x = Rational.zero
            for p in count.outcome.funded {
                let cost = election.projects[p].cost
                let colour = mainPosition[p].map { "c\($0 % Self.paletteSize)" } ?? "other"
                page.raw("<rect class=\"\(colour)\" x=\"\(Self.coordinate(x, of: count.outcome.budget, length: 1000))\" y=\"0\" width=\"\(Self.coordinate(cost, of: count.outcome.budget, length: 1000))\" height=\"24\"><title>\(HTMLText.escape(election.projects[p].id))</title></rect>\n")
                x += cost
            }
            page.raw("</svg>\n</figure>\n")
        }
        var position = [[Int: Int]](repeating: [:], count: counts.count)
        for (k, count) in counts.enumerated() {
            for (j, p) in count.outcome.funded.enumerated() { position[k][p] = j + 1 }
        }
        let projects = election.projects.indices.filter { p in position.contains { $0[p] != nil } }
            .sorted { a, b in
                let sa = position.map { $0[a] ?? Int.max }, sb = position.map { $0[b] ?? Int.max }
                return sa.lexicographicallyPrecedes(sb) || (sa == sb && a < b)
            }
        page.raw("<div class=\"scroll\" role=\"region\" aria-labelledby=\"compare-caption\" tabindex=\"0\">\n<table class=\"compare\">\n<caption id=\"compare-caption\">Projects funded by any of the counts: the position in each count's funding order, or — when not funded</caption>\n<thead><tr><th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">\(moneyHeading("Cost"))</th><th scope=\"col\" class=\"num\">Votes</th>")
        for count in counts { page.raw("<th scope=\"col\" class=\"num\">\(HTMLText.escape(count.spec))</th>") }
        page.raw("</tr></thead>\n<tbody>\n")
        for p in projects {
            page.raw("<tr><td>\(projectCell(p, page: page))</td><td class=\"num\">\(amount(election.projects[p].cost))</td><td class=\"num\">\(Self.count(document.projects[p].votes))</td>")
            for k in counts.indices { page.raw("<td class=\"num\">\(position[k][p].map(String.init) ?? "—")</td>") }
            page.raw("</tr>\n")
        }
        page.raw("</tbody>\n<tfoot><tr><th scope=\"row\">Funded / total cost</th><td></td><td></td>")
        for count in counts { page.raw("<td class=\"num\">\(count.outcome.funded.count) / \(amount(count.outcome.totalCost))</td>") }
        page.raw("</tr></tfoot>\n</table>\n</div>\n</section>\n")
    }
}
