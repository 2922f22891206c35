/// The changes an EES run made to its budget classes, round by round: what a later run
/// needs to start at any round of this one (``ExactEqualSharesElection/run(share:resuming:callsOff:)``).
///
/// Why an undo log and not a snapshot per round: a snapshot shared the class arrays copy
/// on write, so the first change in every round copied them whole (one retain per class
/// for the lists and the amounts paid, the dictionary of amounts paid rebuilt), and
/// freeing a run released every snapshot; on Lodz 2022 that was a sixth of a run. Now a
/// round only appends the old value of each thing it changes, and a resumed run copies the
/// previous run's final classes once and undoes the rounds it redoes.
///
/// The lists of projects per class come back with the same contents but possibly in
/// another order within a class, which nothing reads (a project's classes are listed in
/// the class order, and each class holds a project once).
struct ClassHistory {
    /// Where each log stood, and how many classes there were, at the start of a round.
    struct Mark {
        var classes: Int
        var voters: Int
        var sizes: Int
        var paids: Int
        var supporters: Int
    }

    private(set) var marks: [Mark] = []
    /// The class order at the start of each round (each round builds a new one anyway).
    private(set) var orders: [[Int32]] = []
    /// Ballot groups that moved, with their class before.
    var voters: [(group: Int32, old: Int32)] = []
    /// Class sizes before a change.
    var sizes: [(k: Int32, old: Int)] = []
    /// Amounts paid before a change, with their keys.
    var paids: [(k: Int32, old: Rational, oldKey: UInt128)] = []
    /// Supporters added to a class's list (negative: removed).
    var supporters: [(k: Int32, project: Int32, delta: Int)] = []

    /// Records the start of a round with `classes` classes and class order `order`.
    mutating func startRound(classes: Int, order: [Int32]) {
        marks.append(Mark(classes: classes, voters: voters.count, sizes: sizes.count, paids: paids.count,
                          supporters: supporters.count))
        orders.append(order)
    }

    /// Undoes `changes` on the project lists of the classes below `kept` (the others are
    /// dropped whole): per class, the net change of each project, applied by
    /// ``ExactEqualSharesElection/changeSupporters(_:by:ofClass:in:position:)``.
    /// The changes are chained per class (no sort: the net change does not depend on the
    /// order, and neither does anything that reads a class's list; sorting them by class and
    /// project was 2% of Lodz 2022's `add-opt` instructions).
    ///
    /// - Complexity: O(C + kept) for C changes, plus the lengths of the lists changed.
    static func undoSupporters(_ changes: ArraySlice<(k: Int32, project: Int32, delta: Int)>, keeping kept: Int,
                               in lists: inout [[(project: Int32, count: Int32)]], projects: Int) {
        // The changes of each class, newest first: `first[k]`, then `next[i]` (-1: none).
        var first = [Int32](repeating: -1, count: kept)
        var next = [Int32](repeating: -1, count: changes.count)
        var classes: [Int32] = []
        for (i, change) in changes.enumerated() where Int(change.k) < kept {
            let k = Int(change.k)
            if first[k] < 0 { classes.append(change.k) }
            next[i] = first[k]
            first[k] = Int32(i)
        }
        guard !classes.isEmpty else { return }
        var position = [Int32](repeating: -1, count: projects)
        // Per class: the projects changed and the net change of each (0 and false outside).
        var changed: [Int] = []
        var net = [Int](repeating: 0, count: projects)
        var isListed = [Bool](repeating: false, count: projects)
        for k in classes {
            var i = Int(first[Int(k)])
            while i >= 0 {
                let change = changes[changes.startIndex + i]
                let r = Int(change.project)
                if !isListed[r] {
                    isListed[r] = true
                    changed.append(r)
                }
                net[r] -= change.delta
                i = Int(next[i])
            }
            ExactEqualSharesElection.changeSupporters(changed, by: net, ofClass: Int(k), in: &lists, position: &position)
            for r in changed {
                net[r] = 0
                isListed[r] = false
            }
            changed.removeAll(keepingCapacity: true)
        }
    }

    /// Undoes, on `state` (the classes at the start of the last round recorded), every
    /// round from `round` on, and forgets them: `state` becomes the classes at the start of
    /// `round`, and the history that of the rounds before it.
    ///
    /// - Parameter projects: the election's number of projects.
    /// - Complexity: O(changes undone + classes kept), plus the copies of `state`'s arrays
    ///   if shared.
    mutating func rollBack(to round: Int, _ state: inout ExactEqualSharesElection.ClassState, projects: Int) {
        let mark = marks[round]
        // On the buffers: a write through `state`'s array checked its uniqueness, once per
        // group that moved in a round undone (0.4% of Warsaw 2026's add-opt instructions).
        state.classOfVoter.withUnsafeMutableBufferPointer { classOfVoter in
            for (group, old) in voters[mark.voters...].reversed() { classOfVoter[Int(group)] = old }
        }
        state.sizeOfClass.withUnsafeMutableBufferPointer { sizeOfClass in
            for (k, old) in sizes[mark.sizes...].reversed() { sizeOfClass[Int(k)] = old }
        }
        for (k, old, oldKey) in paids[mark.paids...].reversed() {
            state.paidByClass[Int(k)] = old
            state.keyOfClass[Int(k)] = oldKey
        }
        Self.undoSupporters(supporters[mark.supporters...], keeping: mark.classes, in: &state.projectsOfClass, projects: projects)
        state.paidByClass.removeSubrange(mark.classes...)
        state.keyOfClass.removeSubrange(mark.classes...)
        state.sizeOfClass.removeSubrange(mark.classes...)
        state.projectsOfClass.removeSubrange(mark.classes...)
        state.order = orders[round]
        voters.removeSubrange(mark.voters...)
        sizes.removeSubrange(mark.sizes...)
        paids.removeSubrange(mark.paids...)
        supporters.removeSubrange(mark.supporters...)
        marks.removeSubrange(round...)
        orders.removeSubrange(round...)
    }
}
