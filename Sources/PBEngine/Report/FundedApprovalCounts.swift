/// How many voters approved how many of the funded projects: the histogram that
/// equalshares.net shows beside a result.
///
/// This is data, not a recount: it reads the ballots and the funded set. A voter
/// approves a project when the ballot lists it (with positive points, on ballots that
/// carry points).
public struct FundedApprovalCounts: Sendable, Equatable {
    /// `voters[k]`: the number of ballots that approve exactly `k` funded projects
    /// (`k` from 0 to the largest number any ballot reaches).
    public var voters: [Int]

    /// Counts the ballots of `election` against `funded`.
    ///
    /// - Parameters:
    ///   - election: The election as counted.
    ///   - funded: Funded project indices.
    /// - Complexity: O(entries of all ballots + projects).
    public init(election: Election, funded: [Int]) {
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let ballots = election.ballots
        var counts = [Int](repeating: 0, count: 1)
        ballots.projects.withUnsafeBufferPointer { projects in
            for i in 0..<ballots.count {
                var k = 0
                for j in ballots.range(of: i) where isFunded[Int(projects[j])] {
                    if let points = ballots.points, points[j] <= 0 { continue }
                    k += 1
                }
                if k >= counts.count { counts += [Int](repeating: 0, count: k - counts.count + 1) }
                counts[k] += 1
            }
        }
        voters = counts
    }

    /// The number of voters counted.
    public var total: Int { voters.reduce(0, +) }
}
