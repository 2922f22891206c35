extension PhragmenTrace: ReportSeries {
    /// The largest voter load after each funded project.
    public var reportSeries: [RoundSeries] {
        let points = steps.enumerated().filter { $0.element.funded }
            .map { k, s in RoundSeries.Point(round: k + 1, project: s.project, value: s.maxLoad) }
        guard !points.isEmpty else { return [] }
        return [RoundSeries(title: "Max load after each round", valueName: "max load",
                            meaning: "Each round funds the project that keeps the largest load any voter carries smallest; a voter's load is the money they are counted as having paid.",
                            places: 6, points: points)]
    }
}
