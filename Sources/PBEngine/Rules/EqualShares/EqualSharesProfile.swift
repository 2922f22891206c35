import Dispatch

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
    /// - Parameters:
    ///   - parallelThreshold: from this many ballots on, the ballots are merged in one part
    ///     per core and the parts joined in order (the same profile either way).
    ///   - parts: a fixed number of parts instead (tests).
    init(_ election: Election, parallelThreshold: Int = 1 << 18, parts: Int? = nil, threads: Int = System.coreCount) {
        let m = election.projects.count
        projectCount = m
        voterCount = election.ballots.count
        costs = election.projects.map(\.cost)
        let ballots = election.ballots
        let defaultScore: Int64 = election.voteType == .scoring ? max(0, election.limits.defaultScore ?? 0) : 0
        // Without points every w_i(p) is 1: no points are stored.
        let hasPoints = ballots.points != nil || defaultScore > 0

        let partCount = max(1, parts ?? (ballots.count >= parallelThreshold ? min(max(threads, 1), 8) : 1))
        var merged: DistinctBallots
        if partCount == 1 {
            merged = DistinctBallots.merging(ballots, 0 ..< ballots.count, projectCount: m, defaultScore: defaultScore, hasPoints: hasPoints)
        } else {
            // Parts keep first-appearance order within themselves; absorbing them in order
            // appends each part's new ballots after the earlier parts' ones, which is the
            // first-appearance order of the whole list.
            var parts = [DistinctBallots](repeating: DistinctBallots(hasPoints: hasPoints), count: partCount)
            let n = ballots.count
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let results = out  // each part writes its own slot
                DispatchQueue.concurrentPerform(iterations: partCount) { k in
                    results[k] = DistinctBallots.merging(ballots, n * k / partCount ..< n * (k + 1) / partCount,
                                                         projectCount: m, defaultScore: defaultScore, hasPoints: hasPoints)
                }
            }
            // Taken out of the array, not copied: `merged` then owns its buffers alone and
            // grows them in place (a copy would duplicate the first part when it grows).
            merged = parts.removeFirst()
            while !parts.isEmpty { merged.absorb(parts.removeFirst()) }
        }
        let start = merged.start
        let entries = merged.entries
        let entryPoints = merged.entryPoints
        let weights = merged.weights
        let idle = merged.idle
        let unit = merged.unit
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

/// Distinct ballots with their multiplicities, in order of first appearance: the merging
/// step of ``EqualSharesProfile``.
///
/// Identical ballots are found with an open-addressing table keyed by the standard
/// library's `Hasher` (seeded per process: slots differ between runs, but nothing
/// downstream depends on the table's layout). Each slot holds
/// `(distinct index + 1) << 32 | high 32 bits of the hash` (0 = empty), so a probe that
/// misses needs no second memory access.
struct DistinctBallots {
    var start: [UInt32] = [0]
    var entries: [UInt16] = []
    var entryPoints: [Int64] = []
    var weights: [UInt32] = []
    var hashes: [UInt64] = []
    var table = [UInt64](repeating: 0, count: 1 << 10)
    /// Ballots that support nothing.
    var idle = 0
    /// Whether every stored weight `w_i(p)` is 1.
    var unit = true
    /// Sum of prefetching loads (see ``touch(_:)``); means nothing.
    private var probeSink: UInt64 = 0
    /// Scratch of ``touch(_:)``: the distinct ballots the slots name.
    private var touched: [Int] = []
    let hasPoints: Bool

    init(hasPoints: Bool) {
        self.hasPoints = hasPoints
    }

    /// Merges `ballots[range]`.
    ///
    /// Ballots are put in canonical form (projects ascending, zero points dropped) and
    /// hashed a batch at a time, and the batch's first table slots are loaded before any
    /// of them is inserted: the table is far larger than the caches, and independent loads
    /// let the processor wait for their misses together instead of one after another.
    /// - Complexity: O(E) expected for E entries in the range.
    static func merging(_ ballots: Ballots, _ range: Range<Int>, projectCount m: Int, defaultScore: Int64, hasPoints: Bool) -> DistinctBallots {
        var out = DistinctBallots(hasPoints: hasPoints)
        var batch = Batch()
        var pairs: [(project: UInt16, points: Int64)] = []
        var listed = [Bool](repeating: false, count: m)
        for b in range {
            let r = ballots.range(of: b)
            if !hasPoints {
                // Approval and ordinal ballots: the projects, sorted, are the whole ballot.
                if r.isEmpty {
                    out.idle += 1
                    continue
                }
                let from = batch.projects.count
                batch.projects.append(contentsOf: ballots.projects[r])
                batch.projects[from...].sort()
                var hasher = Hasher()
                batch.projects[from...].withUnsafeBytes { hasher.combine(bytes: $0) }
                batch.close(hash: UInt64(bitPattern: Int64(hasher.finalize())))
            } else {
                pairs.removeAll(keepingCapacity: true)
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
                    out.idle += 1
                    continue
                }
                pairs.sort { $0.project < $1.project }
                var hasher = Hasher()
                for pair in pairs {
                    hasher.combine(pair.project)
                    hasher.combine(pair.points)
                    batch.projects.append(pair.project)
                    batch.points.append(pair.points)
                }
                batch.close(hash: UInt64(bitPattern: Int64(hasher.finalize())))
            }
            if batch.hashes.count == Batch.size { out.add(&batch) }
        }
        out.add(&batch)
        return out
    }

    /// Canonical ballots waiting to be inserted together.
    struct Batch {
        static let size = 32
        var projects: [UInt16] = []
        /// Beside `projects` when the ballots carry points.
        var points: [Int64] = []
        var start: [Int] = [0]
        var hashes: [UInt64] = []

        /// Ends the ballot whose entries were just appended.
        mutating func close(hash: UInt64) {
            start.append(projects.count)
            hashes.append(hash)
        }
    }

    /// Adds the ballots of `batch` (one copy each) in order, and empties it.
    private mutating func add(_ batch: inout Batch) {
        touch(batch.hashes[...])
        for i in batch.hashes.indices {
            let r = batch.start[i] ..< batch.start[i + 1]
            add(batch.projects[r], hasPoints ? batch.points[r] : batch.points[0..<0], hash: batch.hashes[i], weight: 1)
        }
        batch.projects.removeAll(keepingCapacity: true)
        batch.points.removeAll(keepingCapacity: true)
        batch.start.removeAll(keepingCapacity: true)
        batch.start.append(0)
        batch.hashes.removeAll(keepingCapacity: true)
    }

    /// Loads what the inserts of `hashes` will read, stage by stage so that the cache misses
    /// of each stage overlap: the first table slot of each hash, then for a slot whose tag
    /// matches (nearly always the same ballot) the ballot's start, then its first entry.
    /// The sum only keeps the compiler from dropping the loads.
    @inline(__always)
    private mutating func touch(_ hashes: ArraySlice<UInt64>) {
        var sum: UInt64 = 0
        for h in hashes { sum &+= table[Self.slot(of: h, in: table)] }
        touched.removeAll(keepingCapacity: true)
        for h in hashes {
            let found = table[Self.slot(of: h, in: table)]
            if found != 0 && found & 0xFFFF_FFFF == h >> 32 { touched.append(Int(found >> 32) - 1) }
        }
        for d in touched { sum &+= UInt64(start[d]) }
        for d in touched { sum &+= UInt64(entries[Int(start[d])]) }
        probeSink &+= sum
    }

    /// Adds `weight` copies of the ballot `projects` (ascending) with `points` (empty
    /// unless the ballots carry points).
    @inline(__always)
    mutating func add(_ projects: ArraySlice<UInt16>, _ points: ArraySlice<Int64>, hash: UInt64, weight: UInt32) {
        var i = Self.slot(of: hash, in: table)
        while true {
            let found = table[i]
            if found == 0 {
                table[i] = Self.tag(weights.count, hash)
                weights.append(weight)
                hashes.append(hash)
                entries.append(contentsOf: projects)
                if hasPoints {
                    entryPoints.append(contentsOf: points)
                    for w in points where w != 1 { unit = false }
                }
                precondition(entries.count <= Int(UInt32.max), "EqualShares: more than 2^32 distinct ballot entries")
                start.append(UInt32(entries.count))
                break
            }
            // The tag holds 32 bits of the hash: a match is nearly always the same ballot,
            // which the comparison confirms (no read of the full hash, one cache miss less).
            let d = Int(found >> 32) - 1
            if found & 0xFFFF_FFFF == hash >> 32 && isBallot(d, projects, points) {
                weights[d] += weight
                break
            }
            i = (i + 1) & (table.count - 1)
        }
        if weights.count * 2 > table.count { grow(toHold: weights.count) }
    }

    /// Doubles the table until `n` distinct ballots fill at most half of it.
    private mutating func grow(toHold n: Int) {
        var size = table.count
        while n * 2 > size { size *= 2 }
        if size == table.count { return }
        table = [UInt64](repeating: 0, count: size)
        for (d, h) in hashes.enumerated() {
            var k = Self.slot(of: h, in: table)
            while table[k] != 0 { k = (k + 1) & (table.count - 1) }
            table[k] = Self.tag(d, h)
        }
    }

    /// Adds every distinct ballot of `later` (ballots that come after this one's), in its order.
    ///
    /// - Complexity: O(E) expected for E entries of `later`; the table grows once, first.
    mutating func absorb(_ later: DistinctBallots) {
        grow(toHold: weights.count + later.weights.count)
        var next = 0
        while next < later.weights.count {
            let batch = next ..< min(next + Batch.size, later.weights.count)
            touch(later.hashes[batch])
            for d in batch {
                let r = Int(later.start[d]) ..< Int(later.start[d + 1])
                add(later.entries[r], hasPoints ? later.entryPoints[r] : later.entryPoints[0..<0], hash: later.hashes[d], weight: later.weights[d])
            }
            next = batch.upperBound
        }
        idle += later.idle
    }

    /// Whether distinct ballot `d` is `projects` with `points`.
    @inline(__always)
    private func isBallot(_ d: Int, _ projects: ArraySlice<UInt16>, _ points: ArraySlice<Int64>) -> Bool {
        let from = Int(start[d])
        let to = Int(start[d + 1])
        guard to - from == projects.count else { return false }
        if !entries[from..<to].elementsEqual(projects) { return false }
        return !hasPoints || entryPoints[from..<to].elementsEqual(points)
    }

    @inline(__always)
    private static func slot(of hash: UInt64, in table: [UInt64]) -> Int { Int(truncatingIfNeeded: hash) & (table.count - 1) }

    @inline(__always)
    private static func tag(_ d: Int, _ hash: UInt64) -> UInt64 { UInt64(d + 1) << 32 | hash >> 32 }
}
