/// The research metrics of a result, as the result file writes them (the `metrics` key,
/// only with `count --metrics`; `Guides/Analysis.md`, `Guides/ResultFormat.md`).
///
/// Exact rationals are strings (`"7/16"`) with a decimal to 6 places beside them.
public struct MetricsDocument: Codable, Sendable, Equatable {
    public struct Summary: Codable, Sendable, Equatable {
        public var average: String
        public var average_decimal: String
        public var gini: String
        public var gini_decimal: String
    }

    public struct Categories: Codable, Sendable, Equatable {
        public var categories: [String]
        /// Exact, or absent for an empty funded set.
        public var mean_square_difference: String?
        public var mean_square_difference_decimal: String?
        /// `exp(-mean_square_difference)` to 15 places.
        public var value: String
    }

    public struct Violation: Codable, Sendable, Equatable {
        public var project: String
        public var group_size: Int
        /// Ballot indices (0-based, in counted order).
        public var group: [Int]
        public var due: String
        public var due_decimal: String
    }

    public struct EJRPlus: Codable, Sendable, Equatable {
        public var satisfied: Bool
        /// One witness per violating project, in file order.
        public var violations: [Violation]
    }

    public struct UnfundedProject: Codable, Sendable, Equatable {
        public var project: String
        public var effective_support: Int
        public var unaffordable_from_round: Int
        public var supporters_budget: String
        public var supporters_budget_decimal: String
        /// Funded project id → what the supporters paid for it (exact).
        public var lost_to: [String: String]
        public var total_lost: String
        public var total_lost_decimal: String
    }

    public struct FundedProject: Codable, Sendable, Equatable {
        public var project: String
        public var effective_support: Int
    }

    public var voters: Int
    public var budget_spent: String
    public var budget_spent_decimal: String
    public var exhaustive: Bool
    public var non_empty_handed: String
    public var non_empty_handed_decimal: String
    /// `cost` and `cardinality`.
    public var satisfaction: [String: Summary]
    public var histogram: [Int]
    /// Absent when the file has no categories (or an empty ballot).
    public var category_proportionality: Categories?
    /// `cost` and `cardinality`; absent for ballots other than approval.
    public var ejr_plus_up_to_one: [String: EJRPlus]?
    /// Absent when the rule's trace does not offer them.
    public var unfunded_projects: [UnfundedProject]?
    /// Absent when the rule's trace does not offer them.
    public var funded_projects: [FundedProject]?

    /// The document view of `metrics`, with project ids from `election`.
    ///
    /// - Complexity: O(projects + witness groups).
    public init(_ metrics: OutcomeMetrics, election: Election) {
        let ids = election.projects.map(\.id)
        func d(_ r: Rational) -> String { r.decimalString(places: 6) }
        voters = metrics.voters
        budget_spent = metrics.budgetSpent.description
        budget_spent_decimal = d(metrics.budgetSpent)
        exhaustive = metrics.exhaustive
        non_empty_handed = metrics.nonEmptyHanded.description
        non_empty_handed_decimal = d(metrics.nonEmptyHanded)
        satisfaction = Dictionary(uniqueKeysWithValues: [metrics.cost, metrics.cardinality].map { s in
            (s.measure.rawValue, Summary(average: s.average.description, average_decimal: d(s.average),
                                         gini: s.gini.description, gini_decimal: d(s.gini)))
        })
        histogram = metrics.histogram.voters
        if case let .success(c) = metrics.categories {
            category_proportionality = Categories(categories: c.categories, mean_square_difference: c.meanSquareDifference?.description,
                                                  mean_square_difference_decimal: c.meanSquareDifference.map(d), value: c.value)
        }
        if let cost = metrics.ejrPlusCost, let card = metrics.ejrPlusCardinality {
            func view(_ vs: [EJRPlusViolation]) -> EJRPlus {
                EJRPlus(satisfied: vs.isEmpty, violations: vs.map {
                    Violation(project: ids[$0.project], group_size: $0.group.count, group: $0.group,
                              due: $0.due.description, due_decimal: d($0.due))
                })
            }
            ejr_plus_up_to_one = ["cost": view(cost), "cardinality": view(card)]
        }
        funded_projects = metrics.fundedProjects?.map { FundedProject(project: ids[$0.project], effective_support: $0.effectiveSupport) }
        unfunded_projects = metrics.unfundedProjects?.map { u in
            UnfundedProject(project: ids[u.project], effective_support: u.effectiveSupport, unaffordable_from_round: u.unaffordableFrom,
                            supporters_budget: u.supportersBudget.description, supporters_budget_decimal: d(u.supportersBudget),
                            lost_to: Dictionary(uniqueKeysWithValues: u.lostTo.map { (ids[$0.project], $0.amount.description) }),
                            total_lost: u.totalLost.description, total_lost_decimal: d(u.totalLost))
        }
    }

    /// The scalar metrics as named cells, in a fixed order: what `compare` and `batch`
    /// put in a row (witness groups and per-project values are left out).
    public var cells: [(name: String, value: String)] {
        var out: [(String, String)] = [
            ("budget_spent", budget_spent_decimal), ("exhaustive", exhaustive ? "1" : "0"),
            ("non_empty_handed", non_empty_handed_decimal),
        ]
        for key in ["cost", "cardinality"] {
            out.append(("avg_satisfaction_\(key)", satisfaction[key]?.average_decimal ?? ""))
            out.append(("gini_\(key)", satisfaction[key]?.gini_decimal ?? ""))
        }
        out.append(("histogram", histogram.map(String.init).joined(separator: " ")))
        out.append(("category_proportionality", category_proportionality?.value ?? ""))
        for key in ["cost", "cardinality"] {
            let e = ejr_plus_up_to_one?[key]
            out.append(("ejr_plus_\(key)", e.map { $0.satisfied ? "pass" : "fail" } ?? ""))
            out.append(("ejr_plus_\(key)_witness", e?.violations.first.map { "\($0.project) (\($0.group_size) voters)" } ?? ""))
        }
        return out
    }

    /// The names of ``cells``, in order.
    public static let cellNames: [String] = [
        "budget_spent", "exhaustive", "non_empty_handed", "avg_satisfaction_cost", "gini_cost",
        "avg_satisfaction_cardinality", "gini_cardinality", "histogram", "category_proportionality",
        "ejr_plus_cost", "ejr_plus_cost_witness", "ejr_plus_cardinality", "ejr_plus_cardinality_witness",
    ]
}
