/// Every ballot of an election in flat arrays: project indices, not strings.
///
/// Ballot `i` lists `projects[offsets[i] ..< offsets[i + 1]]` (in the order the voter
/// wrote them: the ranking, for ordinal ballots), with `points[k]` beside `projects[k]`
/// for cumulative and scoring ballots. About 2 bytes per listed project and 4 per
/// ballot, whatever the length of the ids in the file.
public struct Ballots: Sendable {
    /// Start of each ballot in `projects`; `count + 1` entries, the last is `projects.count`.
    public private(set) var offsets: [UInt32]
    /// Project indices of every ballot, one after another.
    public private(set) var projects: [UInt16]
    /// Points beside `projects`, or `nil` for approval and ordinal ballots.
    public private(set) var points: [Int64]?

    /// An empty list, with or without points.
    public init(withPoints: Bool = false) {
        offsets = [0]
        projects = []
        points = withPoints ? [] : nil
    }

    /// Builds ballots from index lists (tests and generated elections).
    public init(_ lists: [[Int]], points pointLists: [[Int64]]? = nil) {
        self.init(withPoints: pointLists != nil)
        for (i, list) in lists.enumerated() {
            append(list.map { UInt16($0) }, points: pointLists?[i])
        }
    }

    /// The number of ballots.
    @inlinable
    public var count: Int { offsets.count - 1 }

    /// The range of ballot `i` in ``projects`` and ``points``.
    @inlinable
    public func range(of i: Int) -> Range<Int> {
        Int(offsets[i]) ..< Int(offsets[i + 1])
    }

    /// Appends one ballot.
    ///
    /// - Precondition: `points` is given exactly when the ballots carry points, with one
    ///   entry per project.
    public mutating func append<C: Collection>(_ ballot: C, points ballotPoints: [Int64]? = nil) where C.Element == UInt16 {
        precondition((ballotPoints == nil) == (points == nil), "Ballots: points given for a ballot list without points, or missing")
        projects.append(contentsOf: ballot)
        if let ballotPoints {
            precondition(ballotPoints.count == ballot.count, "Ballots: one point value per project")
            points?.append(contentsOf: ballotPoints)
        }
        precondition(projects.count <= Int(UInt32.max), "Ballots: more than 2^32 ballot entries")
        offsets.append(UInt32(projects.count))
    }

    /// Appends every ballot of `other`, in order.
    public mutating func append(contentsOf other: Ballots) {
        precondition((other.points == nil) == (points == nil), "Ballots: mixing ballots with and without points")
        let base = UInt32(projects.count)
        projects.append(contentsOf: other.projects)
        if let otherPoints = other.points { points?.append(contentsOf: otherPoints) }
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
    }

    /// Reserves room for `ballots` ballots listing `entries` projects in all.
    public mutating func reserveCapacity(ballots: Int, entries: Int) {
        offsets.reserveCapacity(ballots + 1)
        projects.reserveCapacity(entries)
        points?.reserveCapacity(entries)
    }

    /// The ballots at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Ballots {
        var out = Ballots(withPoints: points != nil)
        for i in indices {
            let r = range(of: i)
            out.append(projects[r], points: points.map { Array($0[r]) })
        }
        return out
    }

    /// The same ballots with `points` replaced (ordinal ballots made into points ballots).
    func withPoints(_ newPoints: [Int64]) -> Ballots {
        precondition(newPoints.count == projects.count, "Ballots: one point value per entry")
        var copy = self
        copy.points = newPoints
        return copy
    }
}
