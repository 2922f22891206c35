extension MaximinSupportTrace: ReportSeries {
    /// The funded set's load after each round.
    public var reportSeries: [RoundSeries] {
        guard !rounds.isEmpty else { return [] }
        let points = rounds.enumerated().map { k, r in RoundSeries.Point(round: k + 1, project: r.project, value: r.load) }
        return [RoundSeries(title: "Load after each round", valueName: "load",
                            meaning: "The load of the funded set is the largest amount any voter must carry when its supporters share the costs as evenly as possible; each round funds the project that keeps it smallest.",
                            places: 6, points: points)]
    }
}
