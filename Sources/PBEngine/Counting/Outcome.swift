/// The result of a count: what was funded, in which order, and why.
public struct Outcome: Sendable {
    /// The rule that produced it (registry name).
    public var rule: String
    /// Funded project indices, in the order they were funded.
    public var funded: [Int]
    /// Total cost of the funded projects.
    public var totalCost: Rational
    /// The budget the count was bound by.
    public var budget: Rational
    /// One entry per funding decision (or step), in order.
    public var rounds: [Round]
    /// Every tie that the chain broke.
    public var ties: [TieRecord]
    /// Rule-specific totals and facts (`add1` share, optimal welfare, ...), in a fixed order.
    public var details: [Detail]

    public init(rule: String, funded: [Int], totalCost: Rational, budget: Rational, rounds: [Round] = [], ties: [TieRecord] = [], details: [Detail] = []) {
        self.rule = rule
        self.funded = funded
        self.totalCost = totalCost
        self.budget = budget
        self.rounds = rounds
        self.ties = ties
        self.details = details
    }

    /// Money not spent.
    public var moneyLeft: Rational { budget - totalCost }
}

/// One step of a count: the project it concerns and the numbers that decided it.
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

extension Outcome {
    /// The value named `name` among ``details``, if recorded.
    public func detail(_ name: String) -> DetailValue? {
        details.first { $0.name == name }?.value
    }
}
