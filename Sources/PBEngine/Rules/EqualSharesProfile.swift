/// The election as the Method of Equal Shares sees it: identical ballots merged into one
/// with a weight, and each project's supporters with their points.
///
/// Built once per count and shared by every MES run of an `add1` completion. A voter's
/// weight `w_i(p)` is 1 on an approval ballot, or the points it gives `p` (scoring
/// ballots' `default_score` for unlisted projects included); only `w_i(p) > 0` makes a
/// supporter. Voters who support nothing still hold a share of the budget (they count in
/// `n`) but never pay, so they are kept only as a number.
struct EqualSharesProfile: Sendable {
    /// Number of projects.
    let projectCount: Int
    /// `n`: every ballot counted, empty ones included.
    let voterCount: Int
    /// Voters who support no project.
    let idleVoterCount: Int
    /// Exact costs.
    let costs: [Rational]
    /// Multiplicity of each distinct ballot (only ballots that support something).
    let ballotWeight: [Int]
    /// Project `p`'s supporters are `supporterBallot[supporterStart[p] ..< supporterStart[p + 1]]`.
    let supporterStart: [Int]
    /// Distinct ballot index of each supporter entry.
    let supporterBallot: [Int32]
    /// `w_i(p)` of each supporter entry.
    let supporterPoints: [Int64]
    /// Distinct ballot `j` supports `ballotProject[ballotStart[j] ..< ballotStart[j + 1]]`.
    let ballotStart: [Int]
    /// Supported projects of each distinct ballot, ascending.
    let ballotProject: [Int32]
    /// Whether every `w_i(p)` is 1 (approval ballots): payments are then equal within a class.
    let unitPoints: Bool
    /// Per project: `sum_i w_i(p)` over all voters.
    let totalPoints: [Int64]
    /// Per project: the number of voters with `w_i(p) > 0`.
    let supporterCount: [Int]

    /// Merges `election`'s ballots.
    ///
    /// - Complexity: O(E) expected for E ballot entries (hashing each distinct ballot once).
    init(_ election: Election) {
        let m = election.projects.count
        projectCount = m
        voterCount = election.ballots.count
        costs = election.projects.map(\.cost)
        let ballots = election.ballots
        let defaultScore: Int64 = election.voteType == .scoring ? max(0, election.limits.defaultScore ?? 0) : 0

        var index: [[Int64]: Int] = [:]
        var weights: [Int] = []
        var distinct: [[Int64]] = []  // project, points, project, points, ... ascending by project
        var idle = 0
        var pairs: [(project: Int, points: Int64)] = []
        var entry: [Int64] = []
        var listed = [Bool](repeating: false, count: m)
        for b in 0..<ballots.count {
            pairs.removeAll(keepingCapacity: true)
            let r = ballots.range(of: b)
            for k in r {
                let p = Int(ballots.projects[k])
                let w = ballots.points?[k] ?? 1
                if w > 0 { pairs.append((p, w)) }
                if defaultScore > 0 { listed[p] = true }
            }
            if defaultScore > 0 {
                for p in 0..<m where !listed[p] { pairs.append((p, defaultScore)) }
                for k in r { listed[Int(ballots.projects[k])] = false }
            }
            if pairs.isEmpty {
                idle += 1
                continue
            }
            pairs.sort { $0.project < $1.project }
            entry.removeAll(keepingCapacity: true)
            for pair in pairs {
                entry.append(Int64(pair.project))
                entry.append(pair.points)
            }
            if let j = index[entry] {
                weights[j] += 1
            } else {
                index[entry] = distinct.count
                distinct.append(entry)
                weights.append(1)
            }
        }
        idleVoterCount = idle
        ballotWeight = weights

        var counts = [Int](repeating: 0, count: m)
        var ballotStart = [0]
        var ballotProject: [Int32] = []
        ballotStart.reserveCapacity(distinct.count + 1)
        for list in distinct {
            for k in stride(from: 0, to: list.count, by: 2) {
                counts[Int(list[k])] += 1
                ballotProject.append(Int32(list[k]))
            }
            ballotStart.append(ballotProject.count)
        }
        var start = [Int](repeating: 0, count: m + 1)
        for p in 0..<m { start[p + 1] = start[p] + counts[p] }
        var fill = start
        var supporterBallot = [Int32](repeating: 0, count: start[m])
        var supporterPoints = [Int64](repeating: 0, count: start[m])
        var unit = true
        var totalPoints = [Int64](repeating: 0, count: m)
        var supporterCount = [Int](repeating: 0, count: m)
        for (j, list) in distinct.enumerated() {
            for k in stride(from: 0, to: list.count, by: 2) {
                let p = Int(list[k])
                let w = list[k + 1]
                supporterBallot[fill[p]] = Int32(j)
                supporterPoints[fill[p]] = w
                fill[p] += 1
                if w != 1 { unit = false }
                totalPoints[p] += w * Int64(weights[j])
                supporterCount[p] += weights[j]
            }
        }
        self.ballotStart = ballotStart
        self.ballotProject = ballotProject
        supporterStart = start
        self.supporterBallot = supporterBallot
        self.supporterPoints = supporterPoints
        unitPoints = unit
        self.totalPoints = totalPoints
        self.supporterCount = supporterCount
    }

    /// The number of distinct ballots that support something.
    var distinctBallotCount: Int { ballotWeight.count }

    /// The supporter entries of project `p`.
    @inline(__always)
    func supporters(of p: Int) -> Range<Int> {
        supporterStart[p] ..< supporterStart[p + 1]
    }

    /// Whether some voter supports `p`.
    func isSupported(_ p: Int) -> Bool {
        supporterStart[p + 1] > supporterStart[p]
    }
}
