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
            // Parts keep first-appearance order within themselves; joining them in order
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
            merged = DistinctBallots.joining(&parts, threads: threads)
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

        // Each project's supporter list, ballots ascending. With several parts, each part
        // (a stretch of distinct ballots) counts its entries per project, then writes its
        // supporters after the earlier parts' ones: the same lists as one pass, and the
        // writes (a random place per entry, a fresh page every thousand) split over the cores.
        let distinct = weights.count
        let bounds = (0 ... partCount).map { distinct * $0 / partCount }
        var partCounts = [[Int]](repeating: [], count: partCount)
        partCounts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let results = out  // each part writes its own slot
            DispatchQueue.concurrentPerform(iterations: partCount) { k in
                var counts = [Int](repeating: 0, count: m)
                start.withUnsafeBufferPointer { start in
                    entries.withUnsafeBufferPointer { entries in
                        for e in Int(start[bounds[k]]) ..< Int(start[bounds[k + 1]]) { counts[Int(entries[e])] += 1 }
                    }
                }
                results[k] = counts
            }
        }
        var supporterStart = [Int](repeating: 0, count: m + 1)
        for p in 0..<m { supporterStart[p + 1] = supporterStart[p] + partCounts.reduce(0) { $0 + $1[p] } }
        // Where each part's first supporter of each project goes.
        var fills = [[Int]](repeating: [], count: partCount)
        var next = Array(supporterStart.dropLast())
        for k in 0..<partCount {
            fills[k] = next
            for p in 0..<m { next[p] += partCounts[k][p] }
        }
        let partFill = fills
        var supporterBallot = [Int32](repeating: 0, count: entries.count)
        var supporterPoints = [Int64](repeating: 0, count: unit ? 0 : entries.count)
        var partTotals = [(points: [Int64], count: [Int])](repeating: ([], []), count: partCount)
        supporterBallot.withUnsafeMutableBufferPointer { ballotsOut in
            supporterPoints.withUnsafeMutableBufferPointer { pointsOut in
                partTotals.withUnsafeMutableBufferPointer { totalsOut in
                    // Each part writes its own slot and its own places of the lists.
                    nonisolated(unsafe) let ballotsOut = ballotsOut
                    nonisolated(unsafe) let pointsOut = pointsOut
                    nonisolated(unsafe) let totalsOut = totalsOut
                    DispatchQueue.concurrentPerform(iterations: partCount) { k in
                        var fill = partFill[k]
                        var totalPoints = [Int64](repeating: 0, count: m)
                        var supporterCount = [Int](repeating: 0, count: m)
                        start.withUnsafeBufferPointer { start in
                            entries.withUnsafeBufferPointer { entries in
                                entryPoints.withUnsafeBufferPointer { entryPoints in
                                    weights.withUnsafeBufferPointer { weights in
                                        for j in bounds[k] ..< bounds[k + 1] {
                                            let weight = Int(weights[j])
                                            for e in Int(start[j]) ..< Int(start[j + 1]) {
                                                let p = Int(entries[e])
                                                ballotsOut[fill[p]] = Int32(j)
                                                let w = hasPoints ? entryPoints[e] : 1
                                                if !unit { pointsOut[fill[p]] = w }
                                                fill[p] += 1
                                                totalPoints[p] += w * Int64(weight)
                                                supporterCount[p] += weight
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        totalsOut[k] = (totalPoints, supporterCount)
                    }
                }
            }
        }
        var totalPoints = [Int64](repeating: 0, count: m)
        var supporterCount = [Int](repeating: 0, count: m)
        for part in partTotals {
            for p in 0..<m {
                totalPoints[p] += part.points[p]
                supporterCount[p] += part.count[p]
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
        // The ballots are read through pointers: a slice of `ballots.projects` retains the
        // array's storage, and with one part per core every part retained and released
        // that same storage for each ballot, so the cores fought over its reference count.
        ballots.offsets.withUnsafeBufferPointer { offsets in
            ballots.projects.withUnsafeBufferPointer { projects in
                (ballots.points ?? []).withUnsafeBufferPointer { points in
                    for b in range {
                        let from = Int(offsets[b])
                        let to = Int(offsets[b + 1])
                        if !hasPoints {
                            // Approval and ordinal ballots: the projects, sorted, are the whole ballot.
                            if from == to {
                                out.idle += 1
                                continue
                            }
                            batch.appendSorted(UnsafeBufferPointer(rebasing: projects[from ..< to]))
                        } else {
                            pairs.removeAll(keepingCapacity: true)
                            for k in from ..< to {
                                let p = projects[k]
                                let w = points.isEmpty ? 1 : points[k]
                                if w > 0 { pairs.append((p, w)) }
                                if defaultScore > 0 { listed[Int(p)] = true }
                            }
                            if defaultScore > 0 {
                                for p in 0..<m where !listed[p] { pairs.append((UInt16(p), defaultScore)) }
                                for k in from ..< to { listed[Int(projects[k])] = false }
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
                }
            }
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

        /// Appends a ballot without points, its projects sorted, and ends it.
        mutating func appendSorted(_ ballot: UnsafeBufferPointer<UInt16>) {
            let from = projects.count
            projects.append(contentsOf: ballot)
            let hash = projects.withUnsafeMutableBufferPointer { all in
                var mine = UnsafeMutableBufferPointer(rebasing: all[from...])
                if mine.count <= 16 {
                    // Insertion sort: ballots are short, and the library's sort costs more
                    // to set up than this does to finish (4.5% of the 10,000,000-voter MES).
                    for i in 1 ..< max(mine.count, 1) {
                        let x = mine[i]
                        var j = i
                        while j > 0 && mine[j - 1] > x {
                            mine[j] = mine[j - 1]
                            j -= 1
                        }
                        mine[j] = x
                    }
                } else {
                    mine.sort()
                }
                var hasher = Hasher()
                hasher.combine(bytes: UnsafeRawBufferPointer(mine))
                return UInt64(bitPattern: Int64(hasher.finalize()))
            }
            close(hash: hash)
        }

        /// Ends the ballot whose entries were just appended.
        mutating func close(hash: UInt64) {
            start.append(projects.count)
            hashes.append(hash)
        }
    }

    /// Adds the ballots of `batch` (one copy each) in order, and empties it.
    private mutating func add(_ batch: inout Batch) {
        touch(batch.hashes[...])
        batch.projects.withUnsafeBufferPointer { projects in
            batch.points.withUnsafeBufferPointer { points in
                for i in batch.hashes.indices {
                    let r = batch.start[i] ..< batch.start[i + 1]
                    add(UnsafeBufferPointer(rebasing: projects[r]), hasPoints ? UnsafeBufferPointer(rebasing: points[r]) : Self.noPoints,
                        hash: batch.hashes[i], weight: 1)
                }
            }
        }
        batch.projects.removeAll(keepingCapacity: true)
        batch.points.removeAll(keepingCapacity: true)
        batch.start.removeAll(keepingCapacity: true)
        batch.start.append(0)
        batch.hashes.removeAll(keepingCapacity: true)
    }

    /// The points of a ballot without points.
    fileprivate static var noPoints: UnsafeBufferPointer<Int64> { UnsafeBufferPointer(start: nil, count: 0) }

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
    mutating func add(_ projects: UnsafeBufferPointer<UInt16>, _ points: UnsafeBufferPointer<Int64>, hash: UInt64, weight: UInt32) {
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

    /// The distinct ballots of `parts`, merged from consecutive stretches of the ballots,
    /// in order of first appearance in the whole list; `parts` is left empty.
    ///
    /// Each part's ballots are looked up in the earlier parts' tables, all parts and
    /// stretches of them at once on `threads` threads (the tables are only read); then one
    /// pass, in order, adds the weight of each ballot found to its first appearance and
    /// appends the others. Absorbing the parts one by one into the first part's table made
    /// that table grow (every ballot placed again) and every probe wait on one core: 0.34 s
    /// of the 10,000,000-voter MES, now 0.25 s. The joined ballots have no table (they take
    /// no more ballots).
    /// - Complexity: O(E P) expected for E entries and P parts (P is at most 8).
    static func joining(_ parts: inout [DistinctBallots], threads: Int) -> DistinctBallots {
        // Per ballot of a later part, its first appearance: `part << 32 | index`, or -1
        // (new). Part k's ballots from `base[k]` on.
        var base = [0]
        for part in parts { base.append(base[base.count - 1] + part.weights.count) }
        var firstSeen = [Int](repeating: -1, count: base[parts.count])
        let stretch = 1 << 16
        let work = (1 ..< parts.count).flatMap { k in
            stride(from: 0, to: parts[k].weights.count, by: stretch).map { (part: k, from: $0) }
        }
        Self.withViews(parts) { views in
            firstSeen.withUnsafeMutableBufferPointer { out in
                // The parts are only read; each work item writes its own stretch of `out`.
                nonisolated(unsafe) let (views, out) = (views, out)
                let offsets = base
                let lanes = max(1, min(threads, work.count))
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    for (k, from) in stride(from: lane, to: work.count, by: lanes).map({ work[$0] }) {
                        let part = views[k]
                        let to = min(from + stretch, part.hashes.count)
                        var next = from
                        while next < to {
                            let batch = next ..< min(next + Batch.size, to)
                            // The batch's first slots in every earlier table, asked for together.
                            for j in 0 ..< k {
                                for d in batch { Prefetch.read(views[j].table.baseAddress! + views[j].slot(of: part.hashes[d])) }
                            }
                            for d in batch {
                                let (ballot, points) = part.ballot(d)
                                for j in 0 ..< k {
                                    if let i = views[j].index(of: ballot, points, hash: part.hashes[d]) {
                                        out[offsets[k] + d] = j << 32 | i
                                        break
                                    }
                                }
                            }
                            next = batch.upperBound
                        }
                    }
                }
            }
        }
        // Taken out of the array, not copied: `joined` then owns its buffers alone and
        // grows them in place (a copy would duplicate the first part when it grows).
        var joined = parts.removeFirst()
        joined.table = []
        joined.hashes = []
        // Where each later part's ballots went (needed only for parts a later one reads).
        var placed: [[Int32]] = [[]]
        for (offset, part) in parts.enumerated() {
            let k = offset + 1
            var place = k < parts.count ? [Int32](repeating: 0, count: part.weights.count) : []
            for d in 0 ..< part.weights.count {
                let seen = firstSeen[base[k] + d]
                let g: Int
                if seen >= 0 {
                    let (j, i) = (seen >> 32, seen & 0xFFFF_FFFF)
                    g = j == 0 ? i : Int(placed[j][i])
                    joined.weights[g] += part.weights[d]
                } else {
                    g = joined.weights.count
                    let r = Int(part.start[d]) ..< Int(part.start[d + 1])
                    joined.entries.append(contentsOf: part.entries[r])
                    if joined.hasPoints { joined.entryPoints.append(contentsOf: part.entryPoints[r]) }
                    precondition(joined.entries.count <= Int(UInt32.max), "EqualShares: more than 2^32 distinct ballot entries")
                    joined.start.append(UInt32(joined.entries.count))
                    joined.weights.append(part.weights[d])
                }
                if !place.isEmpty { place[d] = Int32(g) }
            }
            placed.append(place)
            joined.idle += part.idle
            // A ballot with points other than 1 is in the joined list, here or where it was first seen.
            joined.unit = joined.unit && part.unit
        }
        parts.removeAll()
        return joined
    }

    /// A part's arrays as pointers, for lookups from several threads (an array read from
    /// two threads would have its reference count changed by both at every access).
    struct View {
        let table: UnsafeBufferPointer<UInt64>
        let start: UnsafeBufferPointer<UInt32>
        let entries: UnsafeBufferPointer<UInt16>
        let points: UnsafeBufferPointer<Int64>
        let hashes: UnsafeBufferPointer<UInt64>
        let hasPoints: Bool

        /// Distinct ballot `d`: its projects and points (empty without points).
        @inline(__always)
        func ballot(_ d: Int) -> (UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<Int64>) {
            let r = Int(start[d]) ..< Int(start[d + 1])
            return (UnsafeBufferPointer(rebasing: entries[r]), hasPoints ? UnsafeBufferPointer(rebasing: points[r]) : DistinctBallots.noPoints)
        }

        @inline(__always)
        func slot(of hash: UInt64) -> Int { DistinctBallots.slot(of: hash, size: table.count) }

        /// The index of the distinct ballot `projects` with `points`, if it is one here.
        @inline(__always)
        func index(of projects: UnsafeBufferPointer<UInt16>, _ points: UnsafeBufferPointer<Int64>, hash: UInt64) -> Int? {
            var i = slot(of: hash)
            while true {
                let found = table[i]
                if found == 0 { return nil }
                if found & 0xFFFF_FFFF == hash >> 32 {
                    let d = Int(found >> 32) - 1
                    let (stored, storedPoints) = ballot(d)
                    if DistinctBallots.same(stored, storedPoints, projects, points) { return d }
                }
                i = (i + 1) & (table.count - 1)
            }
        }
    }

    /// Calls `body` with a view of each of `parts`, valid during the call.
    static func withViews<R>(_ parts: [DistinctBallots], from i: Int = 0, _ views: [View] = [], _ body: ([View]) -> R) -> R {
        if i == parts.count { return body(views) }
        let part = parts[i]
        return part.table.withUnsafeBufferPointer { table in
            part.start.withUnsafeBufferPointer { start in
                part.entries.withUnsafeBufferPointer { entries in
                    part.entryPoints.withUnsafeBufferPointer { points in
                        part.hashes.withUnsafeBufferPointer { hashes in
                            withViews(parts, from: i + 1, views + [View(table: table, start: start, entries: entries, points: points,
                                                                        hashes: hashes, hasPoints: part.hasPoints)], body)
                        }
                    }
                }
            }
        }
    }

    /// Whether distinct ballot `d` is `projects` with `points`.
    @inline(__always)
    private func isBallot(_ d: Int, _ projects: UnsafeBufferPointer<UInt16>, _ points: UnsafeBufferPointer<Int64>) -> Bool {
        let from = Int(start[d])
        let to = Int(start[d + 1])
        guard to - from == projects.count else { return false }
        return entries.withUnsafeBufferPointer { entries in
            entryPoints.withUnsafeBufferPointer { entryPoints in
                Self.same(UnsafeBufferPointer(rebasing: entries[from ..< to]),
                          hasPoints ? UnsafeBufferPointer(rebasing: entryPoints[from ..< to]) : Self.noPoints, projects, points)
            }
        }
    }

    /// Whether a stored ballot is `projects` with `points` (both point lists empty for
    /// ballots without points): the one comparison of the merge and of the join's look-ups.
    @inline(__always)
    fileprivate static func same(_ stored: UnsafeBufferPointer<UInt16>, _ storedPoints: UnsafeBufferPointer<Int64>,
                                 _ projects: UnsafeBufferPointer<UInt16>, _ points: UnsafeBufferPointer<Int64>) -> Bool {
        stored.count == projects.count && stored.elementsEqual(projects) && storedPoints.elementsEqual(points)
    }

    @inline(__always)
    private static func slot(of hash: UInt64, in table: [UInt64]) -> Int { slot(of: hash, size: table.count) }

    @inline(__always)
    fileprivate static func slot(of hash: UInt64, size: Int) -> Int { Int(truncatingIfNeeded: hash) & (size - 1) }

    @inline(__always)
    private static func tag(_ d: Int, _ hash: UInt64) -> UInt64 { UInt64(d + 1) << 32 | hash >> 32 }
}
