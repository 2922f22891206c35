/// A trace that offers per-round series for the report page: numbers a person would
/// rather see as a chart (MES's `rho` of each round's winner, Phragmén's max load).
///
/// A rule's trace adopts it in the rule's own folder (`<Rule>Trace+Report.swift`); the
/// report asks `outcome.trace as? ReportSeries` and draws what it gets, so that the
/// report names no rule. The values are the trace's own: nothing is recounted.
public protocol ReportSeries: RuleTrace {
    /// The series to chart, in the order the page shows them (may be empty).
    var reportSeries: [RoundSeries] { get }
}

/// One titled series of exact values, one per round, with a text alternative.
public struct RoundSeries: Sendable {
    /// One round's value.
    public struct Point: Sendable {
        /// The round (1-based, as the rule counts its rounds).
        public var round: Int
        /// The project the round is about (index).
        public var project: Int
        /// The exact value.
        public var value: Rational

        public init(round: Int, project: Int, value: Rational) {
            self.round = round
            self.project = project
            self.value = value
        }
    }

    /// The chart's title (`rho of each round's winner`).
    public var title: String
    /// The value's name, as a table column heads it (`rho`).
    public var valueName: String
    /// What the value means and how to read the chart, in a sentence or two.
    public var meaning: String
    /// Decimal places to show beside the exact value.
    public var places: Int
    /// The values, in round order.
    public var points: [Point]

    public init(title: String, valueName: String, meaning: String, places: Int, points: [Point]) {
        self.title = title
        self.valueName = valueName
        self.meaning = meaning
        self.places = places
        self.points = points
    }

    /// The chart in words: where the series starts and ends, its least and greatest
    /// value (the text alternative of the chart; the page's table gives every value).
    ///
    /// - Parameter name: The id of a project, for the sentence.
    /// - Complexity: O(points).
    public func textAlternative(name: (Int) -> String) -> String {
        guard let first = points.first, let last = points.last else { return "\(title): no rounds." }
        var low = first, high = first
        for p in points {
            if p.value < low.value { low = p }
            if p.value > high.value { high = p }
        }
        func at(_ p: Point) -> String { "\(p.value.decimalString(places: places)) in round \(p.round) (\(name(p.project)))" }
        var text = "\(title), \(points.count) rounds: from \(at(first)) to \(at(last))"
        let ends = [first.round, last.round]
        if !ends.contains(low.round) { text += "; least \(at(low))" }
        if !ends.contains(high.round) { text += "; greatest \(at(high))" }
        return text + "."
    }
}
