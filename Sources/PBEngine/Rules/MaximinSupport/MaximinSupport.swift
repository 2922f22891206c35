/// Maximin support (RULES.md, "Maximin support"; pabutools 1.2.3 `maximin_support`;
/// Aziz, Lee, Talmon 2018, "generalised sequential Phragmén"), counted exactly by
/// ``MaximinSupportCount``. Approval ballots.
public enum MaximinSupport: CountingRule {
    public static let name = "maximin-support"
    public static let summary = "Maximin support (generalised sequential Phragmen): fund the project that keeps the largest voter load smallest, exact (approval ballots)."

    /// Maximin support takes no options of its own (approval ballots; loads are money).
    public struct Options: Sendable, Equatable {}

    public static let optionSpecs: [RuleOptionSpec] = []

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options { Options() }

    public static func recorded(_ options: Options) -> [RecordedOption] { [] }

    /// - Complexity: see ``MaximinSupportCount/run(_:ties:)``.
    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<MaximinSupportTrace> {
        let trace = try MaximinSupportCount.run(election, ties: TieBreaking(chain: common.tieChain, election: election))
        return RuleCount(funded: trace.funded, totalCost: trace.totalCost, ties: trace.ties, trace: trace)
    }
}
