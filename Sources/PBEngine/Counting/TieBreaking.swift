/// A tie-breaking chain bound to one election: decides which of several equally good
/// projects comes first, and records every tie it breaks.
///
/// The default chain is `cost,votes,file` (RULES.md). `lot:SEED` ranks projects by a
/// Fisher–Yates shuffle of the file order driven by ``SplitMix64`` seeded with `SEED`:
/// anyone can redo the draw from the seed.
public struct TieBreaking: Sendable {
    /// The criteria, applied in order.
    public let chain: [TieCriterion]
    /// One sort key per criterion and project: a smaller key comes first.
    private let keys: [[Rational]]
    private let projectIDs: [String]

    /// The chain that RULES.md sets as default.
    public static let defaultChain: [TieCriterion] = [.cost, .votes, .file]

    /// Binds `chain` to `election`.
    ///
    /// - Parameter support: `election.support()` when the caller has it already; otherwise it
    ///   is computed here, and only if the chain uses `votes` or `score`.
    /// - Complexity: O(criteria × projects log projects), plus one pass over the ballots
    ///   when `votes` or `score` is in the chain and `support` is not given.
    public init(chain: [TieCriterion] = TieBreaking.defaultChain, election: Election,
                support given: (votes: [Int], score: [Int64])? = nil) {
        self.chain = chain
        projectIDs = election.projects.map(\.id)
        let n = election.projects.count
        let needsSupport = chain.contains { $0 == .votes || $0 == .score }
        let support = given ?? (needsSupport ? election.support() : ([], []))
        keys = chain.map { criterion in
            switch criterion {
            case .votes: return support.votes.map { Rational(-$0) }
            case .score: return support.score.map { Rational(-Int($0)) }
            case .cost: return election.projects.map(\.cost)
            case .costDescending: return election.projects.map { -$0.cost }
            case .file: return (0..<n).map { Rational($0) }
            case .id:
                let order = (0..<n).sorted { election.projects[$0].id.utf8.lexicographicallyPrecedes(election.projects[$1].id.utf8) }
                var rank = [Rational](repeating: .zero, count: n)
                // Equal ids cannot occur (the reader refuses them), so ranks are distinct.
                for (r, p) in order.enumerated() { rank[p] = Rational(r) }
                return rank
            case let .list(_, ids):
                var position = [String: Int]()
                for (i, id) in ids.enumerated() where position[id] == nil { position[id] = i }
                return election.projects.map { Rational(position[$0.id] ?? ids.count) }
            case let .lot(seed):
                var order = Array(0..<n)
                var generator = SplitMix64(seed: seed)
                if n > 1 {
                    for i in stride(from: n - 1, to: 0, by: -1) {
                        let j = Int(generator.next(upperBound: UInt64(i + 1)))
                        order.swapAt(i, j)
                    }
                }
                var rank = [Rational](repeating: .zero, count: n)
                for (r, p) in order.enumerated() { rank[p] = Rational(r) }
                return rank
            }
        }
    }

    /// Compares two distinct projects by the chain: negative if `a` comes first, positive
    /// if `b` does, 0 if the chain cannot tell them apart.
    public func compare(_ a: Int, _ b: Int) -> Int {
        for key in keys {
            let c = Rational.compare(key[a], key[b])
            if c != 0 { return c }
        }
        return 0
    }

    /// Picks the first of `tied` (two or more projects that the rule itself ranks equal).
    ///
    /// - Returns: the winner and the record of the tie.
    /// - Throws: ``CountError/unresolvedTie(_:_:)`` when the chain leaves two or more tied.
    public func breakTie(_ tied: [Int], context: String) throws -> (winner: Int, record: TieRecord) {
        precondition(tied.count >= 2, "TieBreaking.breakTie: a tie needs two projects")
        var remaining = tied
        for (k, key) in keys.enumerated() {
            let best = remaining.map { key[$0] }.min()!
            remaining = remaining.filter { key[$0] == best }
            if remaining.count == 1 {
                return (remaining[0], TieRecord(context: context, projects: tied, winner: remaining[0], criterion: chain[k].description))
            }
        }
        throw CountError.unresolvedTie(remaining.map { projectIDs[$0] }, chain.map(\.description).joined(separator: ","))
    }

    /// Orders `projects` by `primary` (negative: first argument first), then by the chain,
    /// recording each group of projects that `primary` could not separate.
    ///
    /// - Complexity: O(n log n) comparisons.
    public func sort(_ projects: [Int], context: String, by primary: (Int, Int) -> Int) throws -> (order: [Int], ties: [TieRecord]) {
        var unresolved: [Int]?
        let order = projects.sorted { a, b in
            let p = primary(a, b)
            if p != 0 { return p < 0 }
            let c = compare(a, b)
            if c == 0 && unresolved == nil { unresolved = [a, b] }
            return c < 0
        }
        if let unresolved {
            throw CountError.unresolvedTie(unresolved.map { projectIDs[$0] }.sorted(), chain.map(\.description).joined(separator: ","))
        }
        var ties: [TieRecord] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && primary(order[start], order[end]) == 0 { end += 1 }
            if end - start >= 2 {
                let group = Array(order[start..<end])
                ties.append(TieRecord(context: context, projects: group, winner: group[0], criterion: decidingCriterion(group)))
            }
            start = end
        }
        return (order, ties)
    }

    /// The first criterion that separates the first project of `group` from the second.
    private func decidingCriterion(_ group: [Int]) -> String {
        for (k, key) in keys.enumerated() where key[group[0]] != key[group[1]] {
            return chain[k].description
        }
        return "none"
    }
}

/// A tie that occurred in a count and how it was broken.
public struct TieRecord: Sendable, Hashable {
    /// Where it occurred (`order`, `round 3`, ...).
    public var context: String
    /// The tied projects (indices), in the order the chain put them.
    public var projects: [Int]
    /// The project that went first.
    public var winner: Int
    /// The criterion that decided between the first two.
    public var criterion: String
}
