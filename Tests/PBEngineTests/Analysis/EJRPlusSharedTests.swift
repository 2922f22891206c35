import PBEngine
import Testing

/// MES without completion satisfies EJR+ up to one for the satisfaction it counts with
/// (Brill and Peters 2023): on every shared approval file, a violation would be a bug.
@Suite("EJR+ up to one on real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct EJRPlusSharedTests {
    static let approvalFiles: [String] = SharedData.pabulibFiles.filter { file in
        guard let e = try? PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep) else { return false }
        return e.voteType == .approval || e.voteType == .chooseOne
    }

    @Test("MES without completion passes, under its own utility", arguments: approvalFiles)
    func equalShares(file: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        for (utility, measure) in [(Utility.cost, SatisfactionMeasure.cost), (.cardinality, .cardinality)] {
            let outcome = try RuleRegistry.count(election, options: Counting.options("mes", utility: utility))
            let v = EJRPlusCheck.firstViolation(election: election, funded: outcome.funded, measure: measure)
            #expect(v == nil, "\(file) \(measure): \(v.map { "project \(election.projects[$0.project].id), \($0.group.count) voters" } ?? "")")
        }
    }
}
