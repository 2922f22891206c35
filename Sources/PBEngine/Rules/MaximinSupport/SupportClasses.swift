/// The voters of an election, merged by ballot, and grouped into *classes* by the funded
/// projects they approve: everything maximin support needs to state the load problem of
/// `W + p` for each candidate `p`.
///
/// Identical ballots (as sets) are merged once into *groups* with a weight. A class is
/// the set of groups whose ballots meet the funded set `W` in the same projects; groups
/// that approve nothing in `W` belong to no class. Funding a project splits each class
/// in two (approves it or not), so classes are kept up to date incrementally and the
/// problem for `W + p` is built from the classes and `p`'s supporters alone.
struct SupportClasses {
    /// The weight (number of ballots) of each group of identical ballots.
    private(set) var groupWeight: [Int] = []
    /// For each project, the groups that approve it, in increasing order.
    private(set) var supporters: [[Int32]]
    /// For each project, the number of voters who approve it.
    private(set) var votes: [Int]
    /// The funded set `W`, in funding order; a project's position here is its local index.
    private(set) var funded: [Int] = []
    /// The class of each group, or -1 when it approves nothing in `W`.
    private var classOf: [Int32] = []
    private var classWeight: [Int] = []
    /// Local indices (positions in ``funded``) of the projects each class approves.
    private var classProjects: [[Int32]] = []

    /// Merges the ballots of `election` (approval, as sets) into weighted groups.
    ///
    /// - Complexity: O(total ballot entries × log ballot length), plus hashing each
    ///   distinct ballot once.
    init(_ election: Election) {
        let ballots = election.ballots
        let projectCount = election.projects.count
        var groupOf: [[UInt16]: Int] = [:]
        var lists: [[UInt16]] = []
        for i in 0..<ballots.count {
            var set = Array(ballots.projects[ballots.range(of: i)])
            if set.isEmpty { continue }
            set.sort()
            var unique: [UInt16] = []
            unique.reserveCapacity(set.count)
            for p in set where unique.last != p { unique.append(p) }
            if let g = groupOf[unique] {
                groupWeight[g] += 1
            } else {
                groupOf[unique] = lists.count
                lists.append(unique)
                groupWeight.append(1)
            }
        }
        supporters = [[Int32]](repeating: [], count: projectCount)
        votes = [Int](repeating: 0, count: projectCount)
        for (g, list) in lists.enumerated() {
            for p in list {
                supporters[Int(p)].append(Int32(g))
                votes[Int(p)] += groupWeight[g]
            }
        }
        classOf = [Int32](repeating: -1, count: lists.count)
    }

    /// The number of classes of the funded set.
    var classCount: Int { classWeight.count }

    /// Adds `project` to the funded set: every class splits by whether its voters approve it.
    ///
    /// - Complexity: O(groups approving `project` + classes).
    mutating func fund(_ project: Int) {
        let local = Int32(funded.count)
        funded.append(project)
        var splitTo = [Int32](repeating: -1, count: classWeight.count)
        var onlyThis: Int32 = -1
        for g in supporters[project] {
            let group = Int(g)
            let old = classOf[group]
            let new: Int32
            if old < 0 {
                if onlyThis < 0 {
                    onlyThis = Int32(classWeight.count)
                    classWeight.append(0)
                    classProjects.append([local])
                }
                new = onlyThis
            } else {
                if splitTo[Int(old)] < 0 {
                    splitTo[Int(old)] = Int32(classWeight.count)
                    classWeight.append(0)
                    classProjects.append(classProjects[Int(old)] + [local])
                }
                new = splitTo[Int(old)]
                classWeight[Int(old)] -= groupWeight[group]
            }
            classOf[group] = new
            classWeight[Int(new)] += groupWeight[group]
        }
        // Drop classes emptied by the split, keeping the others in order.
        var renumber = [Int32](repeating: -1, count: classWeight.count)
        var keptWeight: [Int] = []
        var keptProjects: [[Int32]] = []
        for k in classWeight.indices where classWeight[k] > 0 {
            renumber[k] = Int32(keptWeight.count)
            keptWeight.append(classWeight[k])
            keptProjects.append(classProjects[k])
        }
        if keptWeight.count != classWeight.count {
            for g in classOf.indices where classOf[g] >= 0 { classOf[g] = renumber[Int(classOf[g])] }
            classWeight = keptWeight
            classProjects = keptProjects
        }
    }

    /// The load problem of `W + project`, for an unfunded project with supporters.
    ///
    /// - Parameters:
    ///   - costs: every project's cost; `scaledCosts` the same times `scale`, if all fit.
    /// - Complexity: O(groups approving `project` + class entries).
    func problem(adding project: Int, costs: [Rational], scaledCosts: [Int64]?, scale: Int64) -> SupportProblem {
        let k = funded.count
        var approving = [Int](repeating: 0, count: classWeight.count)
        var outside = 0
        for g in supporters[project] {
            let c = classOf[Int(g)]
            if c < 0 { outside += groupWeight[Int(g)] } else { approving[Int(c)] += groupWeight[Int(g)] }
        }
        var weights: [Int] = []
        weights.reserveCapacity(classWeight.count + 1)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(classWeight.count + 2)
        var entries: [Int32] = []
        for c in classWeight.indices {
            let rest = classWeight[c] - approving[c]
            if rest > 0 {
                entries.append(contentsOf: classProjects[c])
                offsets.append(Int32(entries.count))
                weights.append(rest)
            }
            if approving[c] > 0 {
                entries.append(contentsOf: classProjects[c])
                entries.append(Int32(k))
                offsets.append(Int32(entries.count))
                weights.append(approving[c])
            }
        }
        if outside > 0 {
            entries.append(Int32(k))
            offsets.append(Int32(entries.count))
            weights.append(outside)
        }
        let members = funded + [project]
        return SupportProblem(costs: members.map { costs[$0] }, scaledCosts: scaledCosts.map { s in members.map { s[$0] } },
                              scale: scale, classWeights: weights, classOffsets: offsets, classProjects: entries)
    }
}
