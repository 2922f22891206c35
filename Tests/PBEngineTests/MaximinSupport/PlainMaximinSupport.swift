@testable import PBEngine

/// Maximin support written as plainly as RULES.md states it: `L(W)` as the largest
/// `c(T) / |N(T)|` over every non-empty subset `T` of `W` (brute force, so at most about
/// 12 projects), every fitting project re-evaluated every round. Slow and obviously
/// right; the oracle for ``MaximinSupportCount``.
struct PlainMaximinSupport {
    let election: Election
    let ties: TieBreaking
    /// The set of projects on each ballot.
    let approvals: [Set<Int>]

    init(_ election: Election, chain: [TieCriterion]) {
        self.election = election
        ties = TieBreaking(chain: chain, election: election)
        approvals = (0..<election.ballots.count).map { i in
            Set(election.ballots.range(of: i).map { Int(election.ballots.projects[$0]) })
        }
    }

    /// `L(W)`, or `nil` when infinite (a project of `W` that nobody approves).
    ///
    /// - Complexity: O(2^|W| × voters × |W|).
    func load(_ set: [Int]) -> Rational? {
        precondition(set.count <= 16, "PlainMaximinSupport: brute force over at most 16 projects")
        var best = Rational.zero
        for mask in 1 ..< (1 << set.count) {
            let t = set.indices.filter { mask & (1 << $0) != 0 }.map { set[$0] }
            let cost = t.reduce(Rational.zero) { $0 + election.projects[$1].cost }
            let voters = approvals.filter { a in t.contains { a.contains($0) } }.count
            if voters == 0 { return nil }
            best = max(best, cost / Rational(voters))
        }
        return best
    }

    struct Result {
        var funded: [Int] = []
        var loads: [Rational] = []
        var stop: MaximinSupportTrace.StopReason = .nothingFits
        /// Per round, every fitting project with its load (`nil`: infinite).
        var candidates: [[(project: Int, load: Rational?)]] = []
    }

    func run() throws -> Result {
        var result = Result()
        var left = election.budget
        while true {
            let fitting = election.projects.indices.filter { !result.funded.contains($0) && election.projects[$0].cost <= left }
            if fitting.isEmpty {
                result.stop = result.funded.count == election.projects.count ? .allFunded : .nothingFits
                return result
            }
            let loads = fitting.map { (project: $0, load: load(result.funded + [$0])) }
            let finite = loads.compactMap { c in c.load.map { (c.project, $0) } }
            if finite.isEmpty {
                result.stop = .onlyUnsupportedFit
                return result
            }
            let best = finite.map(\.1).min()!
            let tied = finite.filter { $0.1 == best }.map(\.0)
            let winner = tied.count == 1 ? tied[0] : try ties.breakTie(tied, context: "").winner
            result.candidates.append(loads)
            result.funded.append(winner)
            result.loads.append(best)
            left -= election.projects[winner].cost
        }
    }
}
