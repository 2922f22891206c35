/// The result of a count: what was funded, in which order, and the rule's trace of why.
public struct Outcome: Sendable {
    /// The rule that produced it (registry name).
    public var rule: String
    /// Funded project indices, in the order they were funded.
    public var funded: [Int]
    /// Total cost of the funded projects.
    public var totalCost: Rational
    /// The budget the count was bound by.
    public var budget: Rational
    /// Every tie that the chain broke.
    public var ties: [TieRecord]
    /// The rule's typed record of the count.
    public var trace: any RuleTrace
    /// The rule's options as it read them, defaults filled in, in the rule's order.
    public var ruleOptions: [RecordedOption]

    public init(rule: String, funded: [Int], totalCost: Rational, budget: Rational, ties: [TieRecord],
                trace: any RuleTrace, ruleOptions: [RecordedOption]) {
        self.rule = rule
        self.funded = funded
        self.totalCost = totalCost
        self.budget = budget
        self.ties = ties
        self.trace = trace
        self.ruleOptions = ruleOptions
    }

    /// Money not spent.
    public var moneyLeft: Rational { budget - totalCost }

    /// The steps as the result file lists them (a view of ``trace``).
    public var rounds: [Round] { trace.resultRounds }

    /// The rule's totals and facts as the result file lists them (a view of ``trace``).
    public var details: [Detail] { trace.resultDetails }

    /// The value named `name` among ``details``, if recorded (for tests and tools that
    /// read results; the program itself reads the typed trace).
    public func detail(_ name: String) -> DetailValue? {
        details.first { $0.name == name }?.value
    }
}

/// One step of a count as a result lists it: the project and the numbers that decided it.
public struct Round: Sendable {
    /// The project (index).
    public var project: Int
    /// Whether the project was funded in this step (greedy also records passed-over projects).
    public var funded: Bool
    /// Named values (`votes`, `rho`, `money_left`, ...), in a fixed order.
    public var values: [Detail]

    public init(project: Int, funded: Bool = true, values: [Detail] = []) {
        self.project = project
        self.funded = funded
        self.values = values
    }

    /// The value named `name`, if recorded.
    public func value(_ name: String) -> DetailValue? {
        values.first { $0.name == name }?.value
    }
}

/// A named number or text in a result.
public struct Detail: Sendable {
    public var name: String
    public var value: DetailValue

    public init(_ name: String, _ value: DetailValue) {
        self.name = name
        self.value = value
    }
}

/// A value in a result.
public enum DetailValue: Sendable, Equatable {
    case rational(Rational)
    case integer(Int)
    case text(String)
    case flag(Bool)
    /// Project indices.
    case projects([Int])
    /// A list of numbers (per-voter totals, ...).
    case rationals([Rational])
}
