extension ExactEqualSharesTrace: ReportSeries {
    /// What each payer paid for each round's winner.
    public var reportSeries: [RoundSeries] {
        guard !steps.isEmpty else { return [] }
        let points = steps.enumerated().map { k, s in RoundSeries.Point(round: k + 1, project: s.project, value: s.payment) }
        return [RoundSeries(title: "Payment of each payer, by round", valueName: "payment",
                            meaning: "Each round the winner's cost is split equally among the supporters who can pay; this is what each of them paid.",
                            places: 2, points: points)]
    }
}
