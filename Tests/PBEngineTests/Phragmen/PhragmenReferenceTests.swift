import PBEngine
import Testing

/// Sequential Phragmen on the real elections against pabutools' `sequential_phragmen`
/// (`../shared/reference/`), with ties by project id and every ballot counted.
@Suite("Phragmen: reference", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct PhragmenReferenceTests {
    @Test("funded projects equal the reference", arguments: SharedData.pabulibFiles)
    func reference(file: String) throws {
        let reference = try #require(SharedData.reference(for: file), "\(file): no reference outcomes")
        // Ordinal and points elections have no phragmen reference (it counts approval ballots).
        guard let expected = reference.rules["phragmen"] else {
            #expect(!["approval", "choose-1"].contains(reference.vote_type), "\(file): an approval election without a reference")
            return
        }
        let ids = try #require(expected.selected, "\(file): the reference timed out")
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        var options = CountOptions()
        options.rule = "phragmen"
        options.tieChain = [.id]
        options.invalidBallots = .keep
        let outcome = try RuleRegistry.count(election, options: options)
        let ours = outcome.funded.map { election.projects[$0].id }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(ours == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(file)")
        if let cost = expected.cost, let referenceCost = Rational(exactly: cost) ?? Rational(decimal: cost) {
            #expect(outcome.totalCost == referenceCost, "\(file)")
        }
    }
}
