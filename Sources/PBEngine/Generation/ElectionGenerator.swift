import Dispatch

/// Writes seeded, reproducible synthetic elections as pabulib `.pb` text (META
/// `experimental;1`), streamed in chunks so that ten million ballots never sit in memory.
///
/// Every draw comes from ``SplitMix64`` and integer arithmetic, so the same
/// ``GenerationParameters`` give the same bytes on every platform and with any number of
/// threads:
/// - Projects (ids `1 ... n`, in file order) draw from the stream `S(seed, "PROJ", 0)`:
///   for each project a decade `d` uniform in `0 ..< costOrders` and a mantissa `m`
///   uniform in `100 ..< 1000`, cost `minimumCost * m * 10^d / 100` (rounded down); then
///   a Fisher-Yates shuffle gives each project its popularity rank `r`, and its draw
///   weight is `floor(2^40 * q / (q + s * r))` for a skew `s / q` in lowest terms.
/// - Ballot `i` (from 0) draws from its own stream `S(seed, "VOTE", i)`: a length uniform
///   in `minLength ... maxLength`, then projects one at a time in proportion to their
///   weights, without replacement (an exact integer Fenwick tree). Knapsack ballots pass
///   over a drawn project that does not fit in what is left of `max_sum_cost`, and stop
///   early when nothing fits. Cumulative ballots give each listed project one point, draw
///   a total `T` uniform in `length ... max_sum_points`, and give the other `T - length`
///   points one at a time to a uniformly drawn listed project.
///
/// Here `S(seed, tag, i)` is `SplitMix64(seed: f(f(seed ^ tag) &+ i))`, where `f(x)` is the
/// first output of `SplitMix64(seed: x)` and the tags are the ASCII bytes of `PROJ` and
/// `VOTE` read as big-endian integers.
public struct ElectionGenerator: Sendable {
    /// The knobs.
    public let parameters: GenerationParameters
    /// Cost of each project, in file order (project `k` has id `k + 1`).
    public let costs: [Int]
    /// The budget: the total cost times the budget share, rounded down.
    public let budget: Int
    /// META `max_sum_cost` of knapsack ballots.
    public let maxSumCost: Int?
    /// Draw weight of each project.
    let weights: [UInt64]

    /// Ballots formatted per chunk handed to the sink.
    static let blockSize = 1 << 16

    private static let projectsTag: UInt64 = 0x5052_4F4A  // "PROJ"
    private static let votesTag: UInt64 = 0x564F_5445  // "VOTE"

    /// Draws the projects and the budget.
    ///
    /// - Throws: ``GenerationError`` when the parameters do not fit together.
    /// - Complexity: O(projects).
    public init(_ parameters: GenerationParameters) throws(GenerationError) {
        try parameters.validate()
        self.parameters = parameters
        var rng = Self.stream(parameters.seed, Self.projectsTag, 0)
        var costs = [Int]()
        costs.reserveCapacity(parameters.projects)
        for _ in 0..<parameters.projects {
            let decade = Int(rng.next(upperBound: UInt64(parameters.costOrders)))
            let mantissa = 100 + Int(rng.next(upperBound: 900))
            var power = 1
            for _ in 0..<decade { power *= 10 }
            costs.append(parameters.minimumCost * mantissa * power / 100)
        }
        var ranked = Array(0..<parameters.projects)
        if ranked.count > 1 {
            for k in stride(from: ranked.count - 1, to: 0, by: -1) {
                ranked.swapAt(k, Int(rng.next(upperBound: UInt64(k + 1))))
            }
        }
        // Validated: the skew is small (numerator <= 10^7, denominator <= 10^4).
        let skew = parameters.popularitySkew.smallParts ?? (numerator: 0, denominator: 1)
        var weights = [UInt64](repeating: 0, count: parameters.projects)
        for (rank, project) in ranked.enumerated() {
            let q = UInt64(skew.denominator)
            weights[project] = (UInt64(1) << 40) * q / (q + UInt64(skew.numerator) * UInt64(rank))
        }
        let total = costs.reduce(0, +)
        let share = parameters.budgetShare.smallParts ?? (numerator: 1, denominator: 1)
        let budget = Int(Int128(total) * Int128(share.numerator) / Int128(share.denominator))
        guard budget > 0 else { throw GenerationError(message: "the budget share leaves a budget of 0") }
        var maxSumCost: Int?
        if let knapsack = parameters.maxSumCostShare?.smallParts {
            let limit = Int(Int128(budget) * Int128(knapsack.numerator) / Int128(knapsack.denominator))
            guard let cheapest = costs.min(), limit >= cheapest else {
                throw GenerationError(message: "max_sum_cost \(limit) is below the cheapest project: no knapsack ballot fits")
            }
            maxSumCost = limit
        }
        self.costs = costs
        self.weights = weights
        self.budget = budget
        self.maxSumCost = maxSumCost
    }

    /// Writes the whole election to `sink`: META, PROJECTS, then VOTES in chunks of
    /// 65,536 ballots, formatted on `threads` cores (0: one per core) and written in order.
    ///
    /// - Parameters:
    ///   - sink: Where the text goes.
    ///   - threads: Cores that format ballots; the bytes do not depend on it.
    ///   - progress: Called after each group of chunks with the number of ballots written.
    /// - Throws: What the sink throws.
    /// - Complexity: O(voters * maxLength * log(projects)).
    public func write<Sink: TextSink>(to sink: inout Sink, threads: Int = 0, progress: ((Int) -> Void)? = nil) throws {
        try sink.write(header())
        let voters = parameters.voters
        let blockCount = (voters + Self.blockSize - 1) / Self.blockSize
        let group = max(1, threads > 0 ? threads : System.coreCount)
        var block = 0
        while block < blockCount {
            let batch = min(group, blockCount - block)
            let first = block
            var chunks = [[UInt8]](repeating: [], count: batch)
            if batch == 1 {
                chunks[0] = ballots(blockRange(first))
            } else {
                chunks.withUnsafeMutableBufferPointer { out in
                    nonisolated(unsafe) let results = out  // each iteration writes its own slot
                    DispatchQueue.concurrentPerform(iterations: batch) { k in
                        results[k] = ballots(blockRange(first + k))
                    }
                }
            }
            for chunk in chunks { try sink.write(chunk) }
            block += batch
            progress?(min(voters, block * Self.blockSize))
        }
    }

    /// The whole election as bytes (small elections and tests).
    public func text() -> [UInt8] {
        var out = [UInt8]()
        // An array sink never throws.
        try? write(to: &out, threads: 1)
        return out
    }

    private func blockRange(_ block: Int) -> Range<Int> {
        block * Self.blockSize ..< min(parameters.voters, (block + 1) * Self.blockSize)
    }

    /// The stream `S(seed, tag, index)` of the type's documentation.
    static func stream(_ seed: UInt64, _ tag: UInt64, _ index: UInt64) -> SplitMix64 {
        SplitMix64(seed: first(first(seed ^ tag) &+ index))
    }

    private static func first(_ x: UInt64) -> UInt64 {
        var g = SplitMix64(seed: x)
        return g.next()
    }

    // MARK: Text

    /// META, PROJECTS and the VOTES header.
    func header() -> [UInt8] {
        let p = parameters
        var meta: [(String, String)] = [
            ("description", "Synthetic election made by pbcount generate"),
            ("country", "none"),
            ("unit", "synthetic"),
            ("instance", "seed \(p.seed)"),
            ("num_projects", "\(p.projects)"),
            ("num_votes", "\(p.voters)"),
            ("budget", "\(budget)"),
            ("vote_type", p.voteType.rawValue),
            ("rule", "unknown"),
            ("date_begin", "01.01.2026"),
            ("date_end", "01.01.2026"),
            ("min_length", "\(p.minLength)"),
            ("max_length", "\(p.maxLength)"),
        ]
        if let maxSumCost { meta.append(("max_sum_cost", "\(maxSumCost)")) }
        if p.voteType == .cumulative {
            meta.append(("min_points", "1"))
            meta.append(("max_sum_points", "\(p.maxSumPoints)"))
        }
        meta.append(("experimental", "1"))
        meta.append(("generator", commandLine()))
        var text = "META\nkey;value\n"
        for (key, value) in meta { text += "\(key);\(value)\n" }
        text += "PROJECTS\nproject_id;cost;name\n"
        for (k, cost) in costs.enumerated() { text += "\(k + 1);\(cost);Project \(k + 1)\n" }
        text += "VOTES\n"
        text += p.voteType.hasPoints ? "voter_id;vote;points\n" : "voter_id;vote\n"
        return Array(text.utf8)
    }

    /// The `pbcount generate` command that makes this file (META `generator`).
    func commandLine() -> String {
        let p = parameters
        var words = ["pbcount generate", "--seed \(p.seed)", "--voters \(p.voters)", "--projects \(p.projects)",
                     "--vote-type \(p.voteType.rawValue)", "--min-length \(p.minLength)", "--max-length \(p.maxLength)",
                     "--budget-share \(Self.decimal(p.budgetShare))", "--skew \(Self.decimal(p.popularitySkew))",
                     "--min-cost \(p.minimumCost)", "--cost-orders \(p.costOrders)"]
        if let share = p.maxSumCostShare { words.append("--max-sum-cost-share \(Self.decimal(share))") }
        if p.voteType == .cumulative { words.append("--max-sum-points \(p.maxSumPoints)") }
        return words.joined(separator: " ")
    }

    /// A validated share or skew as a plain decimal (`0.3`, `1`, `0.0125`).
    static func decimal(_ value: Rational) -> String {
        var text = value.decimalString(places: 6)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The VOTES rows of the ballots in `range`.
    ///
    /// - Complexity: O(ballots * maxLength * log(projects)).
    func ballots(_ range: Range<Int>) -> [UInt8] {
        let p = parameters
        var out = [UInt8]()
        out.reserveCapacity(range.count * (12 + 6 * p.maxLength))
        var tree = DrawTree(weights: weights)
        var picked = [Int]()
        var removed = [Int]()
        var points = [Int]()
        picked.reserveCapacity(p.maxLength)
        let spread = UInt64(p.maxLength - p.minLength + 1)
        for i in range {
            var rng = Self.stream(p.seed, Self.votesTag, UInt64(i))
            let length = p.minLength + Int(rng.next(upperBound: spread))
            picked.removeAll(keepingCapacity: true)
            removed.removeAll(keepingCapacity: true)
            var room = maxSumCost ?? Int.max
            while picked.count < length && tree.total > 0 {
                let project = tree.draw(rng.next(upperBound: tree.total))
                tree.remove(project)
                removed.append(project)
                if costs[project] <= room {
                    room -= maxSumCost == nil ? 0 : costs[project]
                    picked.append(project)
                }
            }
            for project in removed { tree.restore(project) }
            Self.appendDecimal(i + 1, to: &out)
            out.append(UInt8(ascii: ";"))
            for (k, project) in picked.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendDecimal(project + 1, to: &out)
            }
            if p.voteType == .cumulative {
                points.removeAll(keepingCapacity: true)
                points.append(contentsOf: repeatElement(1, count: picked.count))
                let extra = Int(rng.next(upperBound: UInt64(p.maxSumPoints - picked.count + 1)))
                for _ in 0..<extra { points[Int(rng.next(upperBound: UInt64(picked.count)))] += 1 }
                out.append(UInt8(ascii: ";"))
                for (k, value) in points.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendDecimal(value, to: &out)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Appends the decimal digits of a non-negative integer.
    @inline(__always)
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }
}
