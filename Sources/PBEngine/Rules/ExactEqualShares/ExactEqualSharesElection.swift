/// What every run of one election shares: supporters per project, costs, the tie chain.
///
/// Voters with the same ballot (the same set of projects) always hold the same money:
/// they pay for the same projects, so they are in the same budget class after every
/// round. A run therefore moves *ballot groups*, one per distinct ballot, between classes,
/// each weighing its number of voters (Lodz 2022: 23,571 groups for 90,494 voters).
struct ExactEqualSharesElection {
    let costs: [Rational]
    /// The supporting ballot groups of each project, in order of first appearance.
    let supporters: [[Int32]]
    /// Voters who support each project.
    let supporterCount: [Int]
    /// The voters in each ballot group.
    let weight: [Int]
    /// The projects of group `g` (each once): `groupProjects[groupStart[g] ..< groupStart[g + 1]]`.
    let groupStart: [Int]
    let groupProjects: [Int32]
    let utility: Utility
    let ties: TieBreaking
    let voterCount: Int

    /// - Complexity: O(E log L) for E ballot entries and ballots of up to L projects.
    init(_ election: Election, utility: Utility, ties: TieBreaking) {
        costs = election.projects.map(\.cost)
        let ballots = election.ballots
        voterCount = ballots.count
        // A class's supporters of a project are counted in `Int32` in a run's lists (half
        // the memory a list reads: stop 37); ballot groups are `Int32` already.
        precondition(voterCount <= Int(Int32.max), "ExactEqualShares: more than 2^31 - 1 voters")
        self.utility = utility
        self.ties = ties
        var groupOf: [[Int32]: Int] = [:]
        var weight: [Int] = []
        var groupStart = [0]
        var groupProjects: [Int32] = []
        for i in 0..<voterCount {
            let set = Array(Set(ballots.range(of: i).map { Int32(ballots.projects[$0]) })).sorted()
            if let g = groupOf[set] {
                weight[g] += 1
            } else {
                groupOf[set] = weight.count
                weight.append(1)
                groupProjects += set
                groupStart.append(groupProjects.count)
            }
        }
        var lists = [[Int32]](repeating: [], count: costs.count)
        var counts = [Int](repeating: 0, count: costs.count)
        for g in weight.indices {
            for k in groupStart[g]..<groupStart[g + 1] {
                let p = Int(groupProjects[k])
                lists[p].append(Int32(g))
                counts[p] += weight[g]
            }
        }
        supporters = lists
        supporterCount = counts
        self.weight = weight
        self.groupStart = groupStart
        self.groupProjects = groupProjects
    }

    /// Voters' budget classes at the start of a round (all that a run carries from round
    /// to round besides the rounds themselves). A run keeps its last one, and a
    /// ``ClassHistory`` to go back to any earlier round.
    ///
    /// Two classes may hold the same amount, paid in different ways: they sit side by side
    /// in the order, and the peel, the event scans and the funding treat them exactly as
    /// one merged class (Guides/ExactEqualShares.md, "Budget classes"), so they are not
    /// merged (a dictionary from amounts to classes did that, hashing every new amount).
    struct ClassState {
        /// The class of each ballot group.
        var classOfVoter: [Int32]
        var paidByClass: [Rational]
        /// Each class's `floor(paid * 2^64)` (``ExactEqualSharesElection/key(of:)``).
        var keyOfClass: [UInt128]
        var sizeOfClass: [Int]
        var projectsOfClass: [[(project: Int32, count: Int32)]]
        /// The classes with voters, poorest (most paid) first, ties by index.
        var order: [Int32]
    }

    /// Exact Equal Shares with `share` per voter, and the smallest larger share at which the
    /// run would go differently (``ExactEqualSharesRun/nextShare``).
    ///
    /// With `previous`, a run at a smaller share whose ``ExactEqualSharesRun/nextShare`` is
    /// `share`, the run starts at ``ExactEqualSharesRun/nextRound``: every earlier round
    /// funds the same project with the same payers at `share` (no event of those rounds is
    /// at `share` or below), so its classes are `previous`'s last classes with the later
    /// rounds undone (``ClassHistory``), and the earlier rounds' events are taken over too
    /// (they are the same at `share`: Guides/ExactEqualShares.md, "Resuming").
    ///
    /// `callsOff` is asked at the start of every round; `true` stops the run with
    /// ``CalledOff`` (a run made ahead that the walk no longer wants).
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)``; ``CalledOff``.
    /// - Complexity: in the first round, O(S) to list every project's budget classes poorest
    ///   first (S: the (class, project) pairs with a supporter); in the others, O(K) plus
    ///   the changed projects' lists and changed pairs to update them; plus the classes each
    ///   evaluated project drops and each event scan reads, plus the ballot lengths of the
    ///   voters who move to a new class, plus O(K) copying and O(r log(K / r)) comparisons
    ///   for the class order (K classes, r of them new or changed). Resuming first copies the
    ///   previous run's last classes and undoes the rounds it redoes.
    func run(share: Rational, resuming previous: ExactEqualSharesRun? = nil, callsOff: (() -> Bool)? = nil) throws -> ExactEqualSharesRun {
        var result = ExactEqualSharesRun(share: share)
        // Scratch for comparing thresholds whose parts outgrew 64 bits: one with the share
        // pinned (the peel), one with the least event recorded so far pinned (event scans).
        let comparator = SumComparator()
        let shareComparator = SumComparator()
        shareComparator.pin(.value(share))
        let smallShare = share.smallParts.map { ($0.numerator, $0.denominator) }
        let shareKey = (key: Self.key(of: share), slack: UInt8(1))
        let projectCount = costs.count
        var classOfVoter = [Int32](repeating: 0, count: weight.count)
        var paidByClass: [Rational] = [.zero]
        var keyOfClass: [UInt128] = [0]
        // Each class's amount as two `Int64` when it has them (``shortParts(_:)``): the peel
        // and the event scans read these and the key, and the amount itself only when GMP
        // must decide (each read of a long amount from the array was a retain and a release:
        // 2.7% of Amsterdam 309's add-opt instructions).
        var shortOfClass: [(Int64, Int64)] = [(0, 1)]
        var sizeOfClass: [Int] = [voterCount]
        // Supporters of each project in each class (the transpose of a project's classes:
        // listing projects class by class, in the class order, gives every project its
        // classes poorest first without sorting).
        // Flat lists, not hash maps: a class has few projects, and the lists are read far more
        // often than changed.
        var projectsOfClass: [[(project: Int32, count: Int32)]] = [(0..<projectCount).filter { supporterCount[$0] > 0 }.map { (Int32($0), Int32(supporterCount[$0])) }]
        // Scratch per class: the slot of a splitting class in `movingGroups` (-1: none).
        var splitting: [(old: Int32, fresh: Int32)] = []
        var movingGroups: [[Int32]] = []
        var slotOfClass: [Int] = [-1]
        // Unfunded projects with a supporter: the ones evaluated each round.
        var open = supporters.map { !$0.isEmpty }
        var moved = [Int](repeating: 0, count: projectCount)
        var touched: [Int] = []
        // Scratch of `reordered`: the classes being placed anew (false outside it).
        var isRepositioned: [Bool] = []
        // The classes the last funding changed (each once): a class that moved in the order,
        // or whose supporters of some project changed. The projects whose lists that changed
        // are marked in `dirty` as it happens. (Until stop 37 a list of every changed (class,
        // project) pair, appended one by one: 2.5–4% of the add-opt instructions.)
        var changedByFunding: [Int32] = []
        // A project's classes change only when some of its supporters pay (they move to
        // another class, or their whole class pays and moves in the order): `dirty`. The
        // others keep their list, payers and event scan from round to round.
        var dirty = [Bool](repeating: true, count: projectCount)
        // The classes with voters, most paid first, ties by index.
        var order: [Int32] = [0]
        // Each project's classes this round, poorest first, with its supporters in each.
        var entries = [[(key: Int32, count: Int32)]](repeating: [], count: projectCount)
        var total = [Int](repeating: 0, count: projectCount)
        // Each project's payers, exact where `known`, else a bound (budgets only shrink
        // during a run, so payers only leave).
        var payersOf = supporterCount
        var known = [Bool](repeating: false, count: projectCount)

        if let previous, let start = previous.nextRound, let resumeShare = previous.nextShare, share == resumeShare,
           var state = previous.lastClasses {
            result.history = previous.history
            result.history.rollBack(to: start, &state, projects: projectCount)
            classOfVoter = state.classOfVoter
            paidByClass = state.paidByClass
            keyOfClass = state.keyOfClass
            shortOfClass = paidByClass.map(Self.shortParts)
            sizeOfClass = state.sizeOfClass
            projectsOfClass = state.projectsOfClass
            order = state.order
            slotOfClass = [Int](repeating: -1, count: paidByClass.count)
            result.steps = Array(previous.steps[..<start])
            result.totalCost = result.steps.reduce(Rational.zero) { $0 + costs[$1.project] }
            for step in result.steps { open[step.project] = false }
            for (k, tieRound) in previous.tieRounds.enumerated() where tieRound < start {
                result.ties.append(previous.ties[k])
                result.tieRounds.append(tieRound)
            }
            result.roundEvents = Array(previous.roundEvents[..<start])
        }

        // Every change to the classes below keeps the old value in `result.history`, so
        // that a later run can undo this run's rounds (ClassHistory).
        func setSize(_ k: Int32, _ size: Int) {
            result.history.sizes.append((k, sizeOfClass[Int(k)]))
            sizeOfClass[Int(k)] = size
        }

        /// Charges `p`'s payers (the given classes, with its supporters in each) and moves
        /// them to the classes of their new amounts paid.
        func fund(_ p: Int, classes chosen: [(key: Int32, count: Int32)], payers: Int) {
            let payment = costs[p] / Rational(payers)
            open[p] = false
            // Each paying class moves to its new amount paid: the class itself if all of it
            // pays, else a new class. Classes that paid the same in different ways stay apart
            // (see `ClassState`).
            splitting.removeAll(keepingCapacity: true)
            // Classes whose amount paid changed, or that are new: they take new places in
            // `order`. Kept per paying class, in the order of `chosen` (most paid first): all
            // of them add the same payment, so that is nearly always their new order too.
            var placeOf = [Int32](repeating: -1, count: chosen.count)
            for i in chosen.indices.sorted(by: { chosen[$0].key < chosen[$1].key }) {
                let (k, count) = chosen[i]
                let oldPaid = paidByClass[Int(k)]
                let newPaid = oldPaid + payment
                if Int(count) == sizeOfClass[Int(k)] {
                    result.history.paids.append((k, oldPaid, keyOfClass[Int(k)]))
                    paidByClass[Int(k)] = newPaid
                    keyOfClass[Int(k)] = Self.key(of: newPaid)
                    shortOfClass[Int(k)] = Self.shortParts(newPaid)
                    placeOf[i] = k
                    // The whole class moves in the order: every project in it has a new list.
                    changedByFunding.append(k)
                    Self.markDirty(projectsOfClass[Int(k)], in: &dirty)
                } else {
                    let fresh = Int32(paidByClass.count)
                    paidByClass.append(newPaid)
                    keyOfClass.append(Self.key(of: newPaid))
                    shortOfClass.append(Self.shortParts(newPaid))
                    sizeOfClass.append(Int(count))
                    projectsOfClass.append([])
                    slotOfClass.append(-1)
                    setSize(k, sizeOfClass[Int(k)] - Int(count))
                    splitting.append((k, fresh))
                    placeOf[i] = fresh
                }
            }
            if !splitting.isEmpty {
                // Move the payers of each splitting class, counting per project how many of
                // its supporters move, then update the two classes' project counts once.
                while movingGroups.count < splitting.count { movingGroups.append([]) }
                for (slot, (old, _)) in splitting.enumerated() {
                    slotOfClass[Int(old)] = slot
                    movingGroups[slot].removeAll(keepingCapacity: true)
                }
                for v in supporters[p] {
                    let slot = slotOfClass[Int(classOfVoter[Int(v)])]
                    if slot >= 0 { movingGroups[slot].append(v) }
                }
                for (slot, (old, fresh)) in splitting.enumerated() {
                    slotOfClass[Int(old)] = -1
                    for v in movingGroups[slot] { result.history.voters.append((v, old)) }
                    // On the buffers: the arrays are captured by this nested function, and
                    // each write through the capture checked uniqueness (with the other
                    // captured arrays' checks, 8% of Lodz 2022's add-opt).
                    Self.move(movingGroups[slot], to: fresh, classOfVoter: &classOfVoter, weight: weight, groupStart: groupStart,
                              groupProjects: groupProjects, moved: &moved, touched: &touched)
                    changedByFunding.append(old)
                    changedByFunding.append(fresh)
                    Self.markDirty(touched, in: &dirty)
                    for r in touched {
                        result.history.supporters.append((old, Int32(r), -moved[r]))
                        result.history.supporters.append((fresh, Int32(r), moved[r]))
                    }
                    Self.splitSupporters(touched, moved: moved, from: Int(old), to: Int(fresh), in: &projectsOfClass)
                    for r in touched { moved[r] = 0 }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            if isRepositioned.count < paidByClass.count {
                isRepositioned += [Bool](repeating: false, count: paidByClass.count - isRepositioned.count)
            }
            order = Self.reordered(order, repositioned: placeOf.filter { $0 >= 0 }, paid: paidByClass, keys: keyOfClass,
                                   marks: &isRepositioned)
        }

        // How far each project's event scan has read its list: the classes read, the `t` of
        // the next one, and the least `t` it was read for (events, below).
        var scanned = [Int](repeating: 0, count: projectCount)
        var scanT = [Int](repeating: 0, count: projectCount)
        var scanLeast = [Int](repeating: Int.max, count: projectCount)
        var anyDirty = true
        // Whether `entries` holds every open project's classes (from the first round on).
        var listed = false
        // Scratch for `relist`: each class's place in the order (-1 while changed), which
        // classes the last funding changed (marks), and per project the changed classes
        // holding its supporters (with their places).
        var place: [Int32] = []
        var isChanged: [Bool] = []
        var addedOf = [[(key: Int32, place: Int32, count: Int32)]](repeating: [], count: projectCount)

        /// Brings the changed projects' lists (`entries`, `total`) up to date after a
        /// funding from the classes it changed, instead of listing every class again: a
        /// project's classes that did not change keep their count and their relative order
        /// (the class order keeps the classes that did not move in theirs), so its new list
        /// is its old one without the changed classes, merged by place in the order with
        /// the changed ones that still hold supporters of it.
        ///
        /// The changed classes are read in the class order, each handing every changed
        /// project it lists its entry, so each project receives them already in order: no
        /// sort, and no search of a class's list for a project (sorting each project's
        /// changed classes by place was most of this on Amsterdam 309, where a funding
        /// changes most of the (class, project) pairs). A changed class also hands a
        /// changed project the entries that kept their count: the same entry, at the same
        /// place, so the list comes out the same.
        ///
        /// - Complexity: O(K) for the places, plus the changed classes' lists, plus per
        ///   changed project its list's length.
        func relist() {
            let classCount = paidByClass.count
            if place.count < classCount {
                place += [Int32](repeating: 0, count: classCount - place.count)
                isChanged += [Bool](repeating: false, count: classCount - isChanged.count)
            }
            // Each changed class once (one funding since the last relisting), marked on the
            // buffer (a write through the captured array checked its uniqueness: 0.5% of Warsaw
            // 2026's add-opt instructions with the clearing below).
            Self.setMarks(changedByFunding, to: true, in: &isChanged)
            Self.placeClasses(order, changed: isChanged, projectsOfClass: projectsOfClass, dirty: dirty, open: open,
                              place: &place, addedOf: &addedOf)
            for r in 0..<projectCount where open[r] && dirty[r] {
                (entries[r], total[r]) = Self.merged(entries[r], with: addedOf[r], place: place)
                addedOf[r].removeAll(keepingCapacity: true)
            }
            Self.setMarks(changedByFunding, to: false, in: &isChanged)
            changedByFunding.removeAll(keepingCapacity: true)
        }
        var leastSoFar: Threshold?
        for e in result.roundEvents {
            if let e, leastSoFar.map({ e.compare($0, using: comparator) < 0 }) ?? true { leastSoFar = e }
        }
        // The least event's lower key (`value * 2^64` in `[key, key + slack)`), for the event
        // scans' tests of long amounts.
        var leastKey = leastSoFar.map { (key: Self.key(of: $0.value), slack: UInt8(1)) }
        while true {
            if let callsOff, callsOff() { throw CalledOff() }
            let round = result.steps.count
            result.history.startRound(classes: paidByClass.count, order: order)
            // The changed projects' classes, poorest first, from the class order.
            if anyDirty && listed {
                relist()
            } else if anyDirty {
                // The run's first round: every project from the class order.
                for p in 0..<projectCount where open[p] && dirty[p] {
                    entries[p].removeAll(keepingCapacity: true)
                    total[p] = 0
                }
                for k in order {
                    for (r, count) in projectsOfClass[Int(k)] where dirty[Int(r)] && open[Int(r)] {
                        entries[Int(r)].append((k, count))
                        total[Int(r)] += Int(count)
                    }
                }
                changedByFunding.removeAll(keepingCapacity: true)
                listed = true
            }
            if anyDirty {
                for p in 0..<projectCount where open[p] && dirty[p] {
                    // Its payers are no more than before (budgets only shrink): a bound.
                    known[p] = false
                    scanned[p] = 0
                    scanT[p] = total[p]
                    scanLeast[p] = Int.max
                    dirty[p] = false
                }
                anyDirty = false
            }
            // Lazy evaluation: projects in order of their bound, until the next bound ranks
            // below the best rank found (equal ranks are evaluated, so ties are found).
            let candidates = (0..<projectCount).filter { open[$0] && payersOf[$0] > 0 }.sorted { a, b in
                let c = utility == .cost ? (payersOf[a] == payersOf[b] ? 0 : payersOf[a] > payersOf[b] ? 1 : -1)
                    : Rational.compare(Rational(payersOf[a]) / costs[a], Rational(payersOf[b]) / costs[b])
                return c != 0 ? c > 0 : a < b
            }
            var best: Rational?
            var tied: [Int] = []
            for p in candidates {
                if let b = best, Rational.compare(utility == .cost ? Rational(payersOf[p]) : Rational(payersOf[p]) / costs[p], b) < 0 { break }
                if !known[p] {
                    // Peel off the poorest classes while they cannot pay.
                    let cost = costs[p]
                    var m = total[p]
                    for (k, count) in entries[p] {
                        // `share - paid < c/m`, as `paid + c/m > share`: no class's money at
                        // this share is kept (a resumed run would compute it for every class).
                        guard Threshold.compare(short: shortOfClass[Int(k)], paid: paidByClass[Int(k)], key: keyOfClass[Int(k)], cost: cost,
                                                payers: m, pinned: smallShare, pinnedKey: shareKey, in: shareComparator) > 0 else { break }
                        m -= Int(count)
                    }
                    payersOf[p] = m
                    known[p] = true
                }
                let m = payersOf[p]
                guard m > 0 else { continue }
                let score = utility == .cost ? Rational(m) : Rational(m) / costs[p]
                if let b = best {
                    let c = Rational.compare(score, b)
                    if c > 0 {
                        best = score
                        tied = [p]
                    } else if c == 0 {
                        tied.append(p)
                    }
                } else {
                    best = score
                    tied = [p]
                }
            }
            var winner: Int?
            if best != nil {
                winner = tied[0]
                if tied.count > 1 {
                    let (chosen, record) = try ties.breakTie(tied.sorted(), context: "round \(round + 1)")
                    result.ties.append(record)
                    result.tieRounds.append(round)
                    winner = chosen
                }
            }
            // This round's event, as far as it is new: a project whose list is unchanged
            // since its last scan reads on only the classes that its smaller least `t` adds
            // (the least `t` never grows while the list stays: the winner's rank never rises).
            // The least event recorded so far, this round's or an earlier one's: a value
            // not below it cannot be the least, or is one first met in an earlier round (or
            // already in this one), so it need not be recorded (Guides/ExactEqualShares.md,
            // "Events on classes").
            var event: Threshold?
            var bound = leastSoFar
            var boundKey = leastKey
            var smallBound = bound?.pin(in: comparator)
            for p in 0..<projectCount where open[p] {
                // A project left unevaluated ranks below the winner: its payers are below the
                // winner's rank needs, so they do not enter its least `t`.
                let least = leastChange(p, winner: winner, own: known[p] ? payersOf[p] : 0, winnerPayers: winner.map { payersOf[$0] } ?? 0, total: total[p])
                guard least < scanLeast[p] else { continue }
                scanLeast[p] = least
                var j = scanned[p]
                var t = scanT[p]
                let list = entries[p]
                let cost = costs[p]
                // Every class left in the list paid at least what the richest paid and has
                // at most `t` supporters from it on: once the richest's `paid + c/t` reaches
                // the bound, no class left can go below it, now or in a later round (the
                // bound only falls), and the list is done with.
                let richest = list.isEmpty ? 0 : Int(list[list.count - 1].key)
                while j < list.count && t >= least {
                    if (j - scanned[p]) % 16 == 0, bound != nil,
                       Threshold.compare(short: shortOfClass[richest], paid: paidByClass[richest], key: keyOfClass[richest], cost: cost, payers: t,
                                         pinned: smallBound, pinnedKey: boundKey, in: comparator) >= 0 {
                        j = list.count
                        t = 0
                        scanLeast[p] = 1
                        break
                    }
                    let k = Int(list[j].key)
                    let paidKey = keyOfClass[k]
                    if bound == nil || Threshold.compare(short: shortOfClass[k], paid: paidByClass[k], key: paidKey, cost: cost, payers: t,
                                                         pinned: smallBound, pinnedKey: boundKey, in: comparator) < 0 {
                        let e = Threshold(paid: paidByClass[k], cost: cost, payers: t)
                        event = e
                        bound = e
                        smallBound = e.pin(in: comparator)
                        // `paid`'s key plus that of `c/t`: two terms.
                        boundKey = RangeClasses.partKey(cost, t).flatMap { part in
                            let (sum, overflow) = paidKey.addingReportingOverflow(part.wide)
                            return overflow ? nil : (key: sum, slack: UInt8(2))
                        }
                    }
                    t -= Int(list[j].count)
                    j += 1
                }
                scanned[p] = j
                scanT[p] = t
            }
            result.roundEvents.append(event)
            leastSoFar = bound
            leastKey = boundKey
            guard let p = winner, let score = best else { break }
            let m = payersOf[p]
            result.steps.append(ExactEqualSharesRun.Step(project: p, payers: m, payment: costs[p] / Rational(m), score: score))
            result.totalCost += costs[p]
            // The payers: the classes after the dropped ones.
            fund(p, classes: Array(entries[p].suffix(from: entries[p].count - Self.classesHolding(m, of: entries[p]))), payers: m)
            if !changedByFunding.isEmpty { anyDirty = true }
        }
        result.lastClasses = ClassState(classOfVoter: classOfVoter, paidByClass: paidByClass, keyOfClass: keyOfClass, sizeOfClass: sizeOfClass,
                                        projectsOfClass: projectsOfClass, order: order)
        var next: Threshold?
        for (round, event) in result.roundEvents.enumerated() {
            guard let event else { continue }
            // Strictly smaller only: the earliest round with the smallest event is where a
            // run at that share starts.
            if next.map({ event.compare($0, using: comparator) < 0 }) ?? true {
                next = event
                result.nextRound = round
            }
        }
        result.nextShare = next?.value
        return result
    }

    /// The relisting's pass over the class order: each class's place in `place` (-1 for a
    /// changed class), and every changed class's entry for each dirty open project it lists,
    /// with its place, appended to `addedOf` (so each project's come in the class order).
    /// Static, with the arrays as parameters: in a closure inside `run`'s nested function,
    /// each read of a captured array was a dynamic exclusivity check (`swift_beginAccess`,
    /// about 8% of Lodz 2022's `add-opt` instructions).
    static func placeClasses(_ order: [Int32], changed isChanged: [Bool], projectsOfClass: [[(project: Int32, count: Int32)]],
                             dirty: [Bool], open: [Bool], place: inout [Int32],
                             addedOf: inout [[(key: Int32, place: Int32, count: Int32)]]) {
        place.withUnsafeMutableBufferPointer { place in
            addedOf.withUnsafeMutableBufferPointer { addedOf in
                for (i, k) in order.enumerated() {
                    guard isChanged[Int(k)] else {
                        place[Int(k)] = Int32(i)
                        continue
                    }
                    place[Int(k)] = -1
                    for (r, count) in projectsOfClass[Int(k)] where dirty[Int(r)] && open[Int(r)] {
                        addedOf[Int(r)].append((k, Int32(i), count))
                    }
                }
            }
        }
    }

    /// `old` (entries in the class order) without the classes whose `place` is -1 (changed
    /// ones), merged by place with `added` (in the class order too, each with its place);
    /// returns the list and the sum of its counts. One array read per old entry, and the
    /// list written through a buffer (two reads per entry and an append that checked the
    /// array's uniqueness each time were 4% more instructions on Warsaw 2026's `add-opt`).
    static func merged(_ old: [(key: Int32, count: Int32)], with added: [(key: Int32, place: Int32, count: Int32)],
                       place: [Int32]) -> (list: [(key: Int32, count: Int32)], sum: Int) {
        var sum = 0
        let list = [(key: Int32, count: Int32)](unsafeUninitializedCapacity: old.count + added.count) { out, written in
            old.withUnsafeBufferPointer { old in
                added.withUnsafeBufferPointer { added in
                    place.withUnsafeBufferPointer { place in
                        var n = 0
                        var a = 0
                        for entry in old {
                            let at = place[Int(entry.key)]
                            guard at >= 0 else { continue }
                            while a < added.count && added[a].place < at {
                                out.initializeElement(at: n, to: (added[a].key, added[a].count))
                                sum += Int(added[a].count)
                                n += 1
                                a += 1
                            }
                            out.initializeElement(at: n, to: entry)
                            sum += Int(entry.count)
                            n += 1
                        }
                        while a < added.count {
                            out.initializeElement(at: n, to: (added[a].key, added[a].count))
                            sum += Int(added[a].count)
                            n += 1
                            a += 1
                        }
                        written = n
                    }
                }
            }
        }
        return (list, sum)
    }

    /// Moves the ballot groups `voters` to class `fresh` and adds each one's weight to
    /// `moved` for every project on its ballot, listing in `touched` the projects first
    /// reached (the inner loop of a run's funding, on the buffers).
    static func move(_ voters: [Int32], to fresh: Int32, classOfVoter: inout [Int32], weight: [Int], groupStart: [Int],
                     groupProjects: [Int32], moved: inout [Int], touched: inout [Int]) {
        classOfVoter.withUnsafeMutableBufferPointer { classes in
            moved.withUnsafeMutableBufferPointer { moved in
                weight.withUnsafeBufferPointer { weight in
                    groupStart.withUnsafeBufferPointer { start in
                        groupProjects.withUnsafeBufferPointer { projects in
                            for v in voters {
                                classes[Int(v)] = fresh
                                let w = weight[Int(v)]
                                for e in start[Int(v)]..<start[Int(v) + 1] {
                                    let r = Int(projects[e])
                                    if moved[r] == 0 { touched.append(r) }
                                    moved[r] += w
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds `amount[r]` supporters (negative: removes them) of each project `r` of `projects`,
    /// in turn, to class `k` of `lists`: a project left with none leaves the list (swapped with the last), a
    /// new one is appended. Each project is found through `position` (its place in the list, -1 for
    /// none; all -1 before and after, with room for every project), not by a search of the
    /// list: a class that splits early in a run lists most projects, and one search per
    /// change (when a class split, and when a resumed run undoes rounds) was 7% of Warsaw
    /// 2026's EES add-opt. A resumed run's undo uses it; a funding's split has
    /// ``splitSupporters(_:moved:from:to:in:)``.
    ///
    /// - Complexity: O(L + P) for L projects in the class's list and P in `projects`.
    static func changeSupporters(_ projects: [Int], by amount: [Int], ofClass k: Int,
                                 in lists: inout [[(project: Int32, count: Int32)]], position: inout [Int32]) {
        var list: [(project: Int32, count: Int32)] = []
        swap(&list, &lists[k])
        // Room for every project that may join at once: a new class's list grew one
        // reallocation at a time (about 700,000 of them on Lodz 2022's `add-opt`).
        list.reserveCapacity(list.count + projects.count)
        for (i, entry) in list.enumerated() { position[Int(entry.project)] = Int32(i) }
        for r in projects where amount[r] != 0 {
            let delta = amount[r]
            let at = Int(position[r])
            if at < 0 {
                precondition(delta > 0, "ExactEqualShares: a class loses supporters only of projects it has")
                position[r] = Int32(list.count)
                list.append((Int32(r), Int32(delta)))
            } else if Int(list[at].count) + delta == 0 {
                let last = list.count - 1
                if at != last {
                    list[at] = list[last]
                    position[Int(list[at].project)] = Int32(at)
                }
                list.removeLast()
                position[r] = -1
            } else {
                list[at].count += Int32(delta)
            }
        }
        for entry in list { position[Int(entry.project)] = -1 }
        swap(&list, &lists[k])
    }

    /// Moves `moved[r]` supporters of each project `r` of `touched` (each once) from class
    /// `old`'s list to class `fresh`'s, which is new: a funding's split of a paying class.
    /// One pass over the old list, subtracting what moved of each project (0 for the others)
    /// and keeping the entries left with supporters, in their order; the new list is
    /// `touched` itself. ``changeSupporters(_:by:ofClass:in:position:)`` did it with a
    /// place per project, written and cleared for every entry of both lists (3% of
    /// Amsterdam 309's add-opt instructions); nothing reads the order of a class's list.
    ///
    /// - Complexity: O(L + P) for L projects in the old class's list and P in `touched`.
    static func splitSupporters(_ touched: [Int], moved: [Int], from old: Int, to fresh: Int,
                                in lists: inout [[(project: Int32, count: Int32)]]) {
        precondition(lists[fresh].isEmpty, "ExactEqualShares: a split moves supporters to a new class")
        var list: [(project: Int32, count: Int32)] = []
        swap(&list, &lists[old])
        var kept = 0
        var taken = 0
        moved.withUnsafeBufferPointer { moved in
            list.withUnsafeMutableBufferPointer { entries in
                for i in entries.indices {
                    var entry = entries[i]
                    let m = moved[Int(entry.project)]
                    taken += m
                    entry.count -= Int32(m)
                    precondition(entry.count >= 0, "ExactEqualShares: a class loses supporters only of projects it has")
                    if entry.count > 0 {
                        entries[kept] = entry
                        kept += 1
                    }
                }
            }
        }
        list.removeLast(list.count - kept)
        swap(&list, &lists[old])
        var added: [(project: Int32, count: Int32)] = []
        added.reserveCapacity(touched.count)
        var given = 0
        for r in touched {
            added.append((Int32(r), Int32(moved[r])))
            given += moved[r]
        }
        precondition(taken == given, "ExactEqualShares: a class loses supporters only of projects it has")
        lists[fresh] = added
    }

    /// Marks every project of `list` dirty (its list of classes changed), on the buffer.
    static func markDirty(_ list: [(project: Int32, count: Int32)], in dirty: inout [Bool]) {
        dirty.withUnsafeMutableBufferPointer { dirty in
            for (r, _) in list { dirty[Int(r)] = true }
        }
    }

    /// Sets `marks[k]` to `value` for every class `k` of `classes`, on the buffer.
    static func setMarks(_ classes: [Int32], to value: Bool, in marks: inout [Bool]) {
        marks.withUnsafeMutableBufferPointer { marks in
            for k in classes { marks[Int(k)] = value }
        }
    }

    /// Marks every project of `projects` dirty, on the buffer.
    static func markDirty(_ projects: [Int], in dirty: inout [Bool]) {
        dirty.withUnsafeMutableBufferPointer { dirty in
            for r in projects { dirty[r] = true }
        }
    }

    /// How many of `entries` (poorest first) from the end hold exactly `m` supporters.
    static func classesHolding(_ m: Int, of entries: [(key: Int32, count: Int32)]) -> Int {
        var left = m
        var n = 0
        while left > 0 {
            n += 1
            left -= Int(entries[entries.count - n].count)
        }
        precondition(left == 0, "ExactEqualShares: payers are whole classes")
        return n
    }

    /// The least number `t` of supporters with which `p` would change the round that
    /// `winner` wins (`nil`: the last round, which funds nothing): more than its payers, and
    /// for another project than the winner, enough to rank at least with it (`t >= m(w)`
    /// with cost utility, `t / c(p) >= m(w) / c(w)` with cardinality). `Int.max`: none.
    func leastChange(_ p: Int, winner: Int?, own: Int, winnerPayers: Int, total: Int) -> Int {
        guard let w = winner else { return 1 }
        if p == w { return own + 1 }
        let needed = utility == .cost ? Rational(winnerPayers) : (Rational(winnerPayers) * costs[p] / costs[w]).ceiling
        guard let n = needed.smallParts, n.numerator <= Int64(total) else { return Int.max }
        return max(own + 1, Int(n.numerator))
    }

    /// `order` (classes with voters, most paid first, ties by index) after a round:
    /// `repositioned` classes (new, or whose amount paid changed) take their places. The
    /// others keep their relative order, so a merge does it. No class empties: a paying
    /// class moves whole or splits, and classes are never merged (``ClassState``).
    ///
    /// `repositioned` comes in the order of the paying classes before the round, which is
    /// its order after it too unless two of them paid the same (all add the same payment):
    /// one pass checks that, and only then is it sorted. Each repositioned class finds its
    /// place among the others by galloping from the last place found, so that a round
    /// that moves few classes compares few amounts paid (comparisons of amounts past 64
    /// bits go to GMP).
    ///
    /// - Complexity: O(r log(K / r)) comparisons for K classes, r repositioned (O(r log r)
    ///   more if `repositioned` is out of order), and O(K) copying.
    /// - Parameter marks: scratch with room for every class, all `false` (and left so): which
    ///   classes are repositioned (a set looked up once per class was a twentieth of Warsaw
    ///   2026's EES add-opt).
    static func reordered(_ order: [Int32], repositioned: [Int32], paid: [Rational], keys: [UInt128], marks: inout [Bool]) -> [Int32] {
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (keys[Int(a)], keys[Int(b)])
            if x != y { return x > y }
            let c = Rational.compare(paid[Int(a)], paid[Int(b)])
            return c != 0 ? c > 0 : a < b
        }
        for k in repositioned { marks[Int(k)] = true }
        var kept: [Int32] = []
        kept.reserveCapacity(order.count)
        marks.withUnsafeBufferPointer { moved in
            for k in order where !moved[Int(k)] { kept.append(k) }
        }
        for k in repositioned { marks[Int(k)] = false }
        var placed = repositioned
        if placed.indices.dropFirst().contains(where: { !before(placed[$0 - 1], placed[$0]) }) {
            placed.sort(by: before)
        }
        var out: [Int32] = []
        out.reserveCapacity(kept.count + placed.count)
        var i = 0
        for x in placed {
            // The first kept class from `i` on that `x` goes before (the merge's choice):
            // `before(x, kept[j])` is false, then true, as `j` grows.
            var lo = i
            var step = 1
            var hi = i
            while hi < kept.count && !before(x, kept[hi]) {
                lo = hi + 1
                hi += step
                step *= 2
            }
            hi = min(hi, kept.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(x, kept[mid]) { hi = mid } else { lo = mid + 1 }
            }
            out.append(contentsOf: kept[i..<lo])
            out.append(x)
            i = lo
        }
        out.append(contentsOf: kept[i...])
        return out
    }

    /// `floor(x * 2^64)` of an amount paid or a share (`x >= 0`), which a run keeps beside
    /// each class's amount: the class order compares two amounts by their keys and only
    /// equal keys exactly, and the peel and the event scans test an amount past 64 bits by
    /// keys before GMP (``Threshold/compare(short:paid:key:cost:payers:pinned:pinnedKey:in:)``).
    @inline(__always)
    static func key(of x: Rational) -> UInt128 { x.fixedPointKey.wide }

    /// `x`'s numerator and denominator when both fit in `Int64`, else `(0, 0)` (no
    /// denominator is 0): what a run keeps beside each class's amount, so that its tests
    /// read an amount past 64 bits only when GMP decides
    /// (``Threshold/compare(short:paid:key:cost:payers:pinned:pinnedKey:in:)``).
    @inline(__always)
    static func shortParts(_ x: Rational) -> (Int64, Int64) {
        x.smallParts.map { ($0.numerator, $0.denominator) } ?? (0, 0)
    }

    /// A threshold `paid + c/m`, as an unreduced fraction of two `Int64` when it fits (no
    /// gcd: thresholds are only compared, and only the smallest becomes a ``Rational``),
    /// else as its three parts, compared exactly by a ``SumComparator`` (no gcd and no
    /// allocation either: amounts paid outgrow 64 bits after a few rounds on large
    /// elections, and forming each sum in GMP cost more than the rest of a run).
    struct Threshold {
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        /// The parts when the small form would overflow.
        var wide: (paid: Rational, cost: Rational, payers: Int)?

        init(paid: Rational, cost: Rational, payers m: Int) {
            if let (n, d) = Self.smallForm(paid: paid, cost: cost, payers: m) {
                numerator = n
                denominator = d
            } else {
                wide = (paid, cost, m)
            }
        }

        /// `paid + c/m` as `(p.n * m + c * p.d) / (p.d * m)` when that fits in `Int64`
        /// and the cost is an integer.
        @inline(__always)
        static func smallForm(paid: Rational, cost: Rational, payers m: Int) -> (Int64, Int64)? {
            smallForm(short: shortParts(paid), cost: cost, payers: m)
        }

        /// ``smallForm(paid:cost:payers:)`` from the amount's ``ExactEqualSharesElection/shortParts(_:)``
        /// (`nil` for a long amount, whose denominator there is 0).
        @inline(__always)
        static func smallForm(short p: (numerator: Int64, denominator: Int64), cost: Rational, payers m: Int) -> (Int64, Int64)? {
            guard p.denominator != 0, let c = cost.smallParts, c.denominator == 1 else { return nil }
            let (a, o1) = p.numerator.multipliedReportingOverflow(by: Int64(m))
            let (b, o2) = c.numerator.multipliedReportingOverflow(by: p.denominator)
            let (n, o3) = a.addingReportingOverflow(b)
            let (d, o4) = p.denominator.multipliedReportingOverflow(by: Int64(m))
            return o1 || o2 || o3 || o4 ? nil : (n, d)
        }

        /// -1, 0 or 1 as `paid + c/m` is below, equal to or above the value pinned in
        /// `comparator` (``SumComparator/pin(_:)``), whose small form is `pinned` if it has
        /// one. Builds no `Threshold`: the peel and the event scans call this for every
        /// class they read. Decided by keys wherever the exact test would go to GMP: where
        /// `paid` is past 64 bits (Amsterdam 309's runs), where the pinned value is (a run at
        /// an event has a long share, and the least event recorded so far is mostly long), or
        /// where the small form overflows. Both short, it is the 128-bit cross-multiplication. `key` is `floor(paid * 2^64)`, and the
        /// pinned value times `2^64` lies in `[pinnedKey.key, pinnedKey.key + pinnedKey.slack)`
        /// (``RangeClasses/settles(key:slack:part:share:shareSlack:)``; never 0, which only the
        /// exact test can say). `short` is `paid`'s ``ExactEqualSharesElection/shortParts(_:)``,
        /// and `paid` is read only when GMP decides.
        @inline(__always)
        static func compare(short: (Int64, Int64), paid: @autoclosure () -> Rational, key: UInt128, cost: Rational, payers m: Int,
                            pinned: (Int64, Int64)?, pinnedKey: (key: UInt128, slack: UInt8)?, in comparator: SumComparator) -> Int {
            let small = smallForm(short: short, cost: cost, payers: m)
            if let (n, d) = small, let pinned { return compare(n, d, pinned.0, pinned.1) }
            if let pinnedKey, let part = RangeClasses.partKey(cost, m),
               let settled = RangeClasses.settles(key: key, slack: 1, part: part.wide, share: pinnedKey.key, shareSlack: pinnedKey.slack) {
                return settled ? -1 : 1
            }
            if let (n, d) = small { return comparator.compareToPinned(.fraction(n, d)) }
            return comparator.compareToPinned(.sum(paid(), cost, m))
        }

        /// -1, 0 or 1 as `paid + c/m` is below, equal to or above `r`, without building a
        /// `Threshold` (the range proofs' test of a share; a `Threshold` built and copied per
        /// call, its fractions retained, was 3% of Warsaw 2026's EES add-opt).
        @inline(__always)
        static func compare(paid: Rational, cost: Rational, payers m: Int, to r: Rational, in comparator: SumComparator) -> Int {
            if let (n, d) = smallForm(paid: paid, cost: cost, payers: m) {
                if let q = r.smallParts { return compare(n, d, q.numerator, q.denominator) }
                return comparator.compare(.fraction(n, d), .value(r))
            }
            return comparator.compare(.sum(paid, cost, m), .value(r))
        }

        /// The small form, if any, and pins the value in `comparator`, for
        /// ``compare(short:paid:key:cost:payers:pinned:pinnedKey:in:)``.
        func pin(in comparator: SumComparator) -> (Int64, Int64)? {
            comparator.pin(operand)
            return wide == nil ? (numerator, denominator) : nil
        }

        var value: Rational {
            if let wide { return wide.paid + wide.cost / Rational(wide.payers) }
            return Rational(Int(numerator), Int(denominator))
        }

        /// The threshold as an operand of `comparator`.
        var operand: SumComparator.Operand {
            if let wide { return .sum(wide.paid, wide.cost, wide.payers) }
            return .fraction(numerator, denominator)
        }

        /// -1, 0 or 1 as `self` is below, equal to or above `other`.
        func compare(_ other: Threshold, using comparator: SumComparator) -> Int {
            if wide == nil && other.wide == nil {
                return Self.compare(numerator, denominator, other.numerator, other.denominator)
            }
            return comparator.compare(operand, other.operand)
        }

    /// `a/b` against `c/d` (`b, d > 0`) by cross-multiplication in 128 bits.
        @inline(__always)
        static func compare(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
            let x = a.multipliedFullWidth(by: d)
            let y = c.multipliedFullWidth(by: b)
            if x.high != y.high { return x.high < y.high ? -1 : 1 }
            if x.low != y.low { return x.low < y.low ? -1 : 1 }
            return 0
        }
    }

}
