import PBEngine
import Testing

/// Real elections: pabutools' MES outcomes in `../shared/reference/`, and the official
/// results of the cities that counted with MES (their PROJECTS `selected` column).
@Suite("Equal Shares: real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct EqualSharesReferenceTests {
    /// (file, reference key) for every MES outcome the reference holds.
    static var referenceCases: [String] {
        SharedData.pabulibFiles.flatMap { file -> [String] in
            guard let reference = SharedData.reference(for: file) else { return [] }
            return ["mes-cost", "mes-card", "mes-points"]
                .filter { reference.rules[$0]?.selected != nil }
                .map { "\(file) \($0)" }
        }
    }

    @Test(arguments: referenceCases)
    func equalsPabutools(_ testCase: String) throws {
        let parts = testCase.split(separator: " ").map(String.init)
        let (file, key) = (parts[0], parts[1])
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let expected = try #require(SharedData.reference(for: file)?.rules[key])
        var options = CountOptions()
        options.rule = "mes"
        options.utility = key == "mes-cost" ? .cost : .cardinality
        options.completion = .none
        options.tieChain = [.id]
        options.invalidBallots = .keep
        let outcome = try RuleRegistry.count(election, options: options)
        let ids = outcome.funded.map { election.projects[$0].id }
        #expect(Set(ids) == Set(expected.selected ?? []), "\(file) \(key)")
        #expect(ids.count == expected.selected?.count, "\(file) \(key)")
        if let cost = expected.cost {
            #expect(outcome.totalCost == Rational(decimal: cost), "\(file) \(key)")
        }
    }

    /// The official results: add1 (pabulib variant), ties by cost then votes; with the
    /// comparison step where META `rule` says `equalshares/add1-comparison`.
    @Test(arguments: [
        "Poland_Swiecie_2023.pb",
        "Netherlands_Assen_2024.pb",
        "poland_wieliczka_2023_green-budget.pb",
        "Poland_Wieliczka_2023_Green_Budget.pb",
    ])
    func reproducesOfficialResult(_ file: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        var options = CountOptions()
        options.rule = "mes"
        options.utility = .cost
        options.completion = .add1
        options.add1Variant = .pabulib
        options.tieChain = [.cost, .votes]
        options.invalidBallots = .keep
        let rule = election.meta("rule")
        #expect(rule == "equalshares/add1" || rule == "equalshares/add1-comparison")
        if rule == "equalshares/add1-comparison" { options.comparison = .satisfaction }
        let outcome = try RuleRegistry.count(election, options: options)
        let selected = Set(election.projects.filter { $0.field("selected") == "1" }.map(\.id))
        #expect(!selected.isEmpty)
        let ids = Set(outcome.funded.map { election.projects[$0].id })
        #expect(ids == selected, "\(file): extra \(ids.subtracting(selected).sorted()), missing \(selected.subtracting(ids).sorted())")
    }
}
