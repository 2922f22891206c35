extension MaximinSupportTrace {
    public var resultRounds: [PBEngine.Round] {
        rounds.map { r in
            PBEngine.Round(project: r.project, values: [
                Detail("load", .rational(r.load)),
                Detail("supporters", .integer(r.supporters)),
                Detail("money_left", .rational(r.moneyLeft)),
            ])
        }
    }

    public var resultDetails: [Detail] {
        [
            Detail("max_load", .rational(rounds.last?.load ?? .zero)),
            Detail("stop", .text(stop.rawValue)),
        ]
    }
}
