import PBEngine

/// The readable result: a summary, the projects table, and the ties.
struct TextReport {
    let document: ResultDocument

    func render() -> String {
        var out = ""
        let d = document
        out += "\(d.input.file): \(d.input.unit) \(d.input.instance) (\(d.input.vote_type), \(d.input.num_projects) projects, \(d.input.num_ballots_counted) ballots counted)\n"
        let shown = Self.relevantOptions(rule: d.rule, options: d.options, voteType: d.input.vote_type)
        out += "rule: \(d.rule)  " + shown.map { "\($0)=\(d.options[$0] ?? "")" }.joined(separator: " ") + "\n"
        out += "sha256: \(d.input_sha256)\n\n"
        // Projects: funded in funding order, then the others in file order.
        let funded = d.projects.filter(\.funded).sorted { ($0.funding_position ?? 0) < ($1.funding_position ?? 0) }
        let unfunded = d.projects.filter { !$0.funded }
        var left = Rational(exactly: d.budget) ?? .zero
        var rows: [[String]] = [["#", "id", "name", "votes", "score", "cost", "funded", "money left"]]
        for p in funded {
            left -= Rational(exactly: p.cost) ?? .zero
            rows.append(["\(p.funding_position ?? 0)", p.id, Self.clip(p.name, 40), "\(p.votes)", "\(p.score)", p.cost, "yes", left.decimalString(places: 2)])
        }
        for p in unfunded {
            rows.append(["", p.id, Self.clip(p.name, 40), "\(p.votes)", "\(p.score)", p.cost, "no", ""])
        }
        out += Self.table(rows, rightAligned: [0, 3, 4, 5, 7])
        out += "\nbudget \(d.budget), funded \(d.selected.count) projects costing \(d.total_cost) (\(d.total_cost_decimal)), money left \(d.money_left) (\(d.money_left_decimal))\n"
        for (key, value) in d.details.sorted(by: { $0.key < $1.key }) where !key.hasSuffix("_decimal") {
            out += "\(key): \(value.text)\n"
        }
        if d.ties.isEmpty {
            out += "ties: none\n"
        } else {
            out += "ties (\(d.ties.count)):\n"
            for t in d.ties {
                out += "  \(t.context): \(t.projects.joined(separator: ", ")) -> \(t.winner) first, by \(t.criterion)\n"
            }
        }
        for w in d.warnings ?? [] {
            out += "warning: \(d.input.file)\(w.line > 0 ? ":\(w.line)" : ""): \(w.message)\n"
        }
        if let m = d.metrics { out += Self.metrics(m) }
        if d.invalid_ballots.count > 0 {
            out += "invalid ballots: \(d.invalid_ballots.count) (\(d.invalid_ballots.policy == "skip" ? "left out" : "counted"))\n"
        }
        return out
    }

    /// The metrics section (Guides/Analysis.md).
    static func metrics(_ m: MetricsDocument) -> String {
        var out = "\nmetrics (\(m.voters) voters):\n"
        out += "  budget spent \(m.budget_spent_decimal) (\(m.budget_spent)), \(m.exhaustive ? "exhaustive" : "not exhaustive")\n"
        out += "  non-empty-handed \(m.non_empty_handed_decimal) (\(m.non_empty_handed))\n"
        for key in ["cost", "cardinality"] {
            guard let s = m.satisfaction[key] else { continue }
            out += "  \(key) satisfaction: average \(s.average_decimal), Gini \(s.gini_decimal) (exactly \(s.gini))\n"
        }
        out += "  voters by funded projects on their ballot: " + m.histogram.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: ", ") + "\n"
        if let c = m.category_proportionality {
            out += "  category proportionality \(c.value) (\(c.categories.count) categories)\n"
        }
        if let ejr = m.ejr_plus_up_to_one {
            for key in ["cost", "cardinality"] {
                guard let e = ejr[key] else { continue }
                if let v = e.violations.first {
                    out += "  EJR+ up to one (\(key)): FAILS for \(e.violations.count) project(s); e.g. \(v.project): \(v.group_size) supporters are due \(v.due_decimal)\n"
                } else {
                    out += "  EJR+ up to one (\(key)): satisfied\n"
                }
            }
        }
        if let projects = m.unfunded_projects, !projects.isEmpty {
            out += "  unfunded projects: effective support, supporters' money lost to funded projects:\n"
            for p in projects {
                out += "    \(p.project): \(p.effective_support)%, lost \(p.total_lost_decimal), held \(p.supporters_budget_decimal) from round \(p.unaffordable_from_round)\n"
            }
        }
        return out
    }

    /// The options that shaped this count, for the summary line: the rule's own in its
    /// order, then the shared ones (scoring only for ordinal ballots).
    static func relevantOptions(rule: String, options: [String: String], voteType: String) -> [String] {
        var keys = RuleRegistry.rule(named: rule)?.optionSpecs.map(\.key) ?? []
        keys.append("tie")
        if voteType == "ordinal" { keys.append("scoring") }
        keys.append("invalid_ballots")
        return keys.filter { options[$0] != nil }
    }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        return rows.map { row in
            row.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return rightAligned.contains(k) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
