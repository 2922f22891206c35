extension EqualSharesTrace: ReportSeries {
    /// The MES rounds as the report charts them: the winner's `rho` and its effective
    /// votes (the completion's steps are not MES rounds and are left out).
    public var reportSeries: [RoundSeries] {
        guard !rounds.isEmpty else { return [] }
        let rho = rounds.enumerated().map { k, r in RoundSeries.Point(round: k + 1, project: r.project, value: r.rho) }
        let effective = rounds.enumerated().map { k, r in RoundSeries.Point(round: k + 1, project: r.project, value: r.effectiveVotes) }
        return [
            RoundSeries(title: "rho of each MES round's winner", valueName: "rho",
                        meaning: "rho is what each supporter of the winner paid per unit of utility (or everything they had left). MES funds the project with the lowest rho, so it rises from round to round as supporters' money runs down.",
                        places: 6, points: rho),
            RoundSeries(title: "Effective votes of each MES round's winner", valueName: "effective votes",
                        meaning: "Effective votes are the cost divided by the largest payment a supporter made: how many voters the project was worth when it won, as equalshares.net shows them.",
                        places: 2, points: effective),
        ]
    }
}
