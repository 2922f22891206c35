import PBEngine
import Testing

/// Maximum welfare on the real elections against pabutools' `max_additive_utilitarian_welfare`
/// (`../shared/reference/`): the optimal welfare must be equal on every file; the sets
/// must be equal where pbcount proves the optimum unique, and otherwise the reference's set
/// must be an optimum too.
@Suite("Knapsack: reference", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct KnapsackReferenceTests {
    @Test("optimal welfare equals the reference", arguments: SharedData.pabulibFiles)
    func welfare(file: String) throws {
        let reference = try #require(SharedData.reference(for: file), "\(file): no reference outcomes")
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        var compared = 0
        for (key, utility) in [("maxwelfare-cost", Utility.cost), ("maxwelfare-card", Utility.cardinality)] {
            guard let expected = reference.rules[key], let welfareText = expected.welfare, let ids = expected.selected else { continue }
            var options = CountOptions()
            options.rule = "knapsack"
            options.utility = utility
            options.tieChain = [.id]
            let outcome = try RuleRegistry.count(election, options: options)
            compared += 1
            let referenceWelfare = try #require(Rational(exactly: welfareText) ?? Rational(decimal: welfareText))
            #expect(outcome.detail("welfare") == .rational(referenceWelfare), "\(file) \(key)")

            let support = election.support()
            let referenceSet = try ids.map { id in try #require(election.projectIndex(id: id), "\(file): unknown id \(id)") }
            let referenceCost = referenceSet.reduce(Rational.zero) { $0 + election.projects[$1].cost }
            let referenceValue = referenceSet.reduce(Rational.zero) { total, p in
                let score = Rational(Int(support.score[p]))
                return total + (utility == .cost ? score * election.projects[p].cost : score)
            }
            #expect(referenceCost <= election.budget, "\(file) \(key): the reference set overspends")
            #expect(referenceValue == referenceWelfare, "\(file) \(key): the reference set's welfare")
            let ours = outcome.funded.map { election.projects[$0].id }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if outcome.detail("unique") == .flag(true) {
                #expect(ours == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(file) \(key): unique optimum differs")
            } else {
                #expect(!outcome.ties.isEmpty, "\(file) \(key): several optima must be reported as ties")
            }
        }
        // Every approval election has both references (points and ordinal ones have none).
        #expect(compared == 2 || !["approval", "choose-1"].contains(reference.vote_type), "\(file): references missing")
    }
}
