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
    let ballotWeight: [UInt32]
    /// Project `p`'s supporters are `supporterBallot[supporterStart[p] ..< supporterStart[p + 1]]`.
    let supporterStart: [Int]
    /// Distinct ballot index of each supporter entry.
    let supporterBallot: [Int32]
    /// `w_i(p)` of each supporter entry (empty when every `w_i(p)` is 1).
    let supporterPoints: [Int64]
    /// Distinct ballot `j` supports `ballotProject[ballotStart[j] ..< ballotStart[j + 1]]`.
    let ballotStart: [UInt32]
    /// Supported projects of each distinct ballot, ascending.
    let ballotProject: [UInt16]
    /// Whether every `w_i(p)` is 1 (approval ballots): payments are then equal within a class.
    let unitPoints: Bool
    /// Per project: `sum_i w_i(p)` over all voters.
    let totalPoints: [Int64]
    /// Per project: the number of voters with `w_i(p) > 0`.
    let supporterCount: [Int]

    /// Merges `election`'s ballots.
    ///
    /// Identical ballots are found with an open-addressing table (keyed by the standard
    /// library's `Hasher`) over the distinct
    /// ballots' flat arrays (no array per ballot, no `Dictionary`): a few bytes per
    /// distinct entry, whatever the number of ballots. Distinct ballots keep the order of
    /// their first appearance, so everything after is deterministic.
    /// - Complexity: O(E) expected for E ballot entries.
    init(_ election: Election) {
        let m = election.projects.count
        projectCount = m
        voterCount = election.ballots.count
        costs = election.projects.map(\.cost)
        let ballots = election.ballots
        let defaultScore: Int64 = election.voteType == .scoring ? max(0, election.limits.defaultScore ?? 0) : 0
        // Without points every w_i(p) is 1: no points are stored.
        let hasPoints = ballots.points != nil || defaultScore > 0

        var start: [UInt32] = [0]
        var entries: [UInt16] = []
        var entryPoints: [Int64] = []
        var weights: [UInt32] = []
        var hashes: [UInt64] = []
        // Each slot holds `(distinct index + 1) << 32 | high 32 bits of the hash` (0 = empty),
        // so a probe that misses is decided without touching `hashes` (one cache miss less).
        var table = [UInt64](repeating: 0, count: 1 << 10)
        var idle = 0
        var unit = true
        var pairs: [(project: UInt16, points: Int64)] = []
        var listed = [Bool](repeating: false, count: m)
        start.reserveCapacity(min(ballots.count, 1 << 20) + 1)

        func slot(of hash: UInt64, in table: [UInt64]) -> Int { Int(truncatingIfNeeded: hash) & (table.count - 1) }
        func tag(_ d: Int, _ hash: UInt64) -> UInt64 { UInt64(d + 1) << 32 | hash >> 32 }

        for b in 0..<ballots.count {
            pairs.removeAll(keepingCapacity: true)
            let r = ballots.range(of: b)
            for k in r {
                let p = ballots.projects[k]
                let w = ballots.points?[k] ?? 1
                if w > 0 { pairs.append((p, w)) }
                if defaultScore > 0 { listed[Int(p)] = true }
            }
            if defaultScore > 0 {
                for p in 0..<m where !listed[p] { pairs.append((UInt16(p), defaultScore)) }
                for k in r { listed[Int(ballots.projects[k])] = false }
            }
            if pairs.isEmpty {
                idle += 1
                continue
            }
            pairs.sort { $0.project < $1.project }
            // The standard library's Hasher (seeded per process): slots differ between runs,
            // but distinct ballots are numbered by first appearance, so nothing downstream
            // depends on the table's layout.
            var hasher = Hasher()
            for pair in pairs {
                hasher.combine(pair.project)
                hasher.combine(pair.points)
                if pair.points != 1 { unit = false }
            }
            let hash = UInt64(bitPattern: Int64(hasher.finalize()))
            var i = slot(of: hash, in: table)
            while true {
                let found = table[i]
                if found == 0 {
                    table[i] = tag(weights.count, hash)
                    weights.append(1)
                    hashes.append(hash)
                    for pair in pairs {
                        entries.append(pair.project)
                        if hasPoints { entryPoints.append(pair.points) }
                    }
                    precondition(entries.count <= Int(UInt32.max), "EqualShares: more than 2^32 distinct ballot entries")
                    start.append(UInt32(entries.count))
                    break
                }
                let d = Int(found >> 32) - 1
                if found & 0xFFFF_FFFF == hash >> 32 && hashes[d] == hash && Self.equal(pairs, entries, hasPoints ? entryPoints : nil, Int(start[d]), Int(start[d + 1])) {
                    weights[d] += 1
                    break
                }
                i = (i + 1) & (table.count - 1)
            }
            if weights.count * 2 > table.count {
                table = [UInt64](repeating: 0, count: table.count * 2)
                for (d, h) in hashes.enumerated() {
                    var k = slot(of: h, in: table)
                    while table[k] != 0 { k = (k + 1) & (table.count - 1) }
                    table[k] = tag(d, h)
                }
            }
        }
        precondition(weights.count < Int(Int32.max), "EqualShares: more than 2^31 distinct ballots")
        idleVoterCount = idle
        ballotWeight = weights
        ballotStart = start
        ballotProject = entries
        unitPoints = unit

        var counts = [Int](repeating: 0, count: m)
        for p in entries { counts[Int(p)] += 1 }
        var supporterStart = [Int](repeating: 0, count: m + 1)
        for p in 0..<m { supporterStart[p + 1] = supporterStart[p] + counts[p] }
        var fill = supporterStart
        var supporterBallot = [Int32](repeating: 0, count: entries.count)
        var supporterPoints = [Int64](repeating: 0, count: unit ? 0 : entries.count)
        var totalPoints = [Int64](repeating: 0, count: m)
        var supporterCount = [Int](repeating: 0, count: m)
        for j in 0..<weights.count {
            let weight = Int(weights[j])
            for k in Int(start[j]) ..< Int(start[j + 1]) {
                let p = Int(entries[k])
                supporterBallot[fill[p]] = Int32(j)
                let w = hasPoints ? entryPoints[k] : 1
                if !unit { supporterPoints[fill[p]] = w }
                fill[p] += 1
                totalPoints[p] += w * Int64(weight)
                supporterCount[p] += weight
            }
        }
        self.supporterStart = supporterStart
        self.supporterBallot = supporterBallot
        self.supporterPoints = supporterPoints
        self.totalPoints = totalPoints
        self.supporterCount = supporterCount
    }


    /// Whether `pairs` equals the stored ballot `entries[from ..< to]`.
    @inline(__always)
    private static func equal(_ pairs: [(project: UInt16, points: Int64)], _ entries: [UInt16], _ points: [Int64]?, _ from: Int, _ to: Int) -> Bool {
        guard to - from == pairs.count else { return false }
        for (k, pair) in pairs.enumerated() where entries[from + k] != pair.project {
            return false
        }
        if let points {
            for (k, pair) in pairs.enumerated() where points[from + k] != pair.points {
                return false
            }
        }
        return true
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
