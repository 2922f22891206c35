/// The changes an EES run made to its budget classes, round by round: what a later run
/// needs to start at any round of this one (``ExactEqualSharesElection/run(share:resuming:)``).
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
        var keys: Int
        var supporters: Int
    }

    private(set) var marks: [Mark] = []
    /// The class order at the start of each round (each round builds a new one anyway).
    private(set) var orders: [[Int32]] = []
    /// Ballot groups that moved, with their class before.
    var voters: [(group: Int32, old: Int32)] = []
    /// Class sizes before a change.
    var sizes: [(k: Int32, old: Int)] = []
    /// Amounts paid before a change.
    var paids: [(k: Int32, old: Rational)] = []
    /// Entries of `classOfPaid` before a change (-1: absent).
    var keys: [(key: Rational, old: Int32)] = []
    /// Supporters added to a class's list (negative: removed).
    var supporters: [(k: Int32, project: Int32, delta: Int)] = []

    /// Records the start of a round with `classes` classes and class order `order`.
    mutating func startRound(classes: Int, order: [Int32]) {
        marks.append(Mark(classes: classes, voters: voters.count, sizes: sizes.count, paids: paids.count,
                          keys: keys.count, supporters: supporters.count))
        orders.append(order)
    }

    /// Undoes `changes` on the project lists of the classes below `kept` (the others are
    /// dropped whole): per class, the net change of each project, found through a table of
    /// places in the class's list rather than a search of the list per change (the early
    /// classes hold most projects; one search per change was 4% of Warsaw 2026's
    /// EES add-opt).
    ///
    /// - Complexity: O(C log C) for C changes, plus the lengths of the lists changed.
    static func undoSupporters(_ changes: ArraySlice<(k: Int32, project: Int32, delta: Int)>, keeping kept: Int,
                               in lists: inout [[(project: Int32, count: Int)]]) {
        var undone = changes.filter { Int($0.k) < kept }
        guard !undone.isEmpty else { return }
        undone.sort { $0.k != $1.k ? $0.k < $1.k : $0.project < $1.project }
        var place: [Int32] = []
        var i = 0
        while i < undone.count {
            let k = Int(undone[i].k)
            var list: [(project: Int32, count: Int)] = []
            swap(&list, &lists[k])
            let widest = max(list.map { Int($0.project) }.max() ?? 0, undone[i...].prefix { Int($0.k) == k }.map { Int($0.project) }.max() ?? 0)
            if place.count <= widest { place += [Int32](repeating: -1, count: widest + 1 - place.count) }
            for (at, entry) in list.enumerated() { place[Int(entry.project)] = Int32(at) }
            while i < undone.count && Int(undone[i].k) == k {
                let project = undone[i].project
                var net = 0
                while i < undone.count && Int(undone[i].k) == k && undone[i].project == project {
                    net -= undone[i].delta
                    i += 1
                }
                if net == 0 { continue }
                let at = Int(place[Int(project)])
                if at < 0 {
                    precondition(net > 0, "ClassHistory: a class gets back only supporters it had")
                    place[Int(project)] = Int32(list.count)
                    list.append((project, net))
                } else if list[at].count + net == 0 {
                    let last = list.count - 1
                    if at != last {
                        list[at] = list[last]
                        place[Int(list[at].project)] = Int32(at)
                    }
                    list.removeLast()
                    place[Int(project)] = -1
                } else {
                    list[at].count += net
                }
            }
            for entry in list { place[Int(entry.project)] = -1 }
            swap(&list, &lists[k])
        }
    }

    /// Undoes, on `state` (the classes at the start of the last round recorded), every
    /// round from `round` on, and forgets them: `state` becomes the classes at the start of
    /// `round`, and the history that of the rounds before it.
    ///
    /// - Complexity: O(changes undone), plus the copies of `state`'s arrays if shared.
    mutating func rollBack(to round: Int, _ state: inout ExactEqualSharesElection.ClassState) {
        let mark = marks[round]
        for (group, old) in voters[mark.voters...].reversed() { state.classOfVoter[Int(group)] = old }
        for (k, old) in sizes[mark.sizes...].reversed() { state.sizeOfClass[Int(k)] = old }
        for (k, old) in paids[mark.paids...].reversed() { state.paidByClass[Int(k)] = old }
        for (key, old) in keys[mark.keys...].reversed() { state.classOfPaid[key] = old < 0 ? nil : old }
        Self.undoSupporters(supporters[mark.supporters...], keeping: mark.classes, in: &state.projectsOfClass)
        state.paidByClass.removeSubrange(mark.classes...)
        state.sizeOfClass.removeSubrange(mark.classes...)
        state.projectsOfClass.removeSubrange(mark.classes...)
        state.order = orders[round]
        voters.removeSubrange(mark.voters...)
        sizes.removeSubrange(mark.sizes...)
        paids.removeSubrange(mark.paids...)
        keys.removeSubrange(mark.keys...)
        supporters.removeSubrange(mark.supporters...)
        marks.removeSubrange(round...)
        orders.removeSubrange(round...)
    }
}
