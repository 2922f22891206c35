/// A proof that Exact Equal Shares funds the same winners, in the same order or with
/// pairs of consecutive winners swapped, at every share of an interval: what lets
/// `add-opt` jump over the changes of a run's path that cannot change the funded set
/// (Guides/ExactEqualShares.md, "Jumping over path changes").
///
/// Hand-written for the walk's sake: nearly every event of `add-opt` (Lodz 2022: 1,127
/// of 1,161) is a change of a run's path that leaves the funded set as it was, mostly a
/// winner gaining payers. The proof follows the rounds of one exact run with an interval
/// per ballot group instead of an amount paid, so it costs about what a run does and can
/// stand for any number of events.
extension ExactEqualSharesElection {
    /// Whether every share in `[run.share, upper]` funds `run`'s winners in `run`'s order
    /// (so the funded set is `run`'s at each of them). `false` means "not proved", not
    /// "differs".
    ///
    /// Each ballot group carries an interval `[lo, hi]` holding what it has paid, after the
    /// rounds so far, at every share `s'` of the interval (at first `[0, 0]`). In round `i`,
    /// with `w` the run's winner and `s = run.share`, `S = upper`:
    /// - a project's payers at `s'` are at least `t_lo = max{t : hi_(t) + c/t <= s}` and at
    ///   most `t_hi = max{t : lo_(t) + c/t <= S}` (`x_(t)`: the `t`-th least among its
    ///   supporters; order statistics are monotone in every element);
    /// - the round is proved when `t_lo(w) >= 1` and `w`'s rank with `t_lo(w)` payers is
    ///   above every other unfunded project's rank with `t_hi`: `w` is then the only best
    ///   at every `s'`, funded by between `t_lo(w)` and `t_hi(w)` payers;
    /// - a supporter of `w` surely pays when `hi + c/t_lo(w) <= s` (its interval becomes
    ///   `[lo + c/t_hi(w), hi + c/t_lo(w)]`), surely does not when `lo + c/t_hi(w) > S`,
    ///   and may otherwise (`[lo, hi + c/t_lo(w)]`): payers are exactly the supporters with
    ///   `paid + c/t <= s'` (the guide, "The peel as a formula").
    /// After the last winner no unfunded project may have `t_hi > 0`. Rounds of `run` whose
    /// events lie above `upper` go as in `run` at every share of the interval: they are
    /// replayed with their exact payers (intervals stay points), with no rival to check.
    ///
    /// Groups in a class share an interval (classes never change their interval; groups
    /// move between them; classes that come to the same interval stay apart). A project's
    /// `t_hi` never rises from round to round (`lo` only grows), so the last one bounds it,
    /// and a rival whose bound already ranks below the winner is not evaluated again.
    ///
    /// - Parameters:
    ///   - run: an exact run (``run(share:resuming:callsOff:)``); a run that broke a tie in a round
    ///     with its event at most `upper` is never proved.
    ///   - upper: the interval's upper end, above `run.share`.
    /// - Complexity: per round, the supporters of the winner and of each rival evaluated
    ///   afresh (a rival is evaluated again only when some supporter of it changed class),
    ///   each with a sort of its classes; plus the ballot lengths of the winner's
    ///   supporters. About one run's work.
    func provesSameWinners(_ run: ExactEqualSharesRun, upTo upper: Rational) -> Bool {
        if case .proved(swaps: 0) = rangeProof(run, upTo: upper) { return true }
        return false
    }

    /// Whether every share in `[run.share, upper]` funds `run`'s funded set, in `run`'s
    /// order or with some pairs of consecutive winners swapped (``rangeProof(_:upTo:)``).
    func provesSameFunded(_ run: ExactEqualSharesRun, upTo upper: Rational) -> Bool {
        if case .proved = rangeProof(run, upTo: upper) { return true }
        return false
    }

    /// What a range proof found: proved, or not, with a share below which the round that
    /// failed would pass.
    enum RangeProof: Equatable {
        /// Every share of the interval funds `run`'s set; `swaps`: how many pairs of
        /// consecutive rounds the proof took as a pair whose winners may come in either
        /// order (0: `run`'s winners in `run`'s order at every share).
        case proved(swaps: Int)
        /// Not proved. `below`: the least share at which the rival that failed the proof
        /// could rank with the winner (or, after the last winner, have a payer), from the
        /// round's intervals; below it that round passes (intervals for a smaller upper end
        /// lie within these), so a proof up to a share below it is worth trying. `nil`: no
        /// such hint (the winner itself could have no payer).
        case failed(below: Rational?)
    }

    /// The range proof of ``provesSameWinners(_:upTo:)``, with a hint when it fails.
    ///
    /// Where a round fails because the rival that could beat its winner `w` is the next
    /// round's winner `p` (the two swap rounds as the share grows, and the set stays), the
    /// two rounds are tried as a pair (``Guides/ExactEqualShares.md``, "Swapped rounds"):
    /// - `A`, `B`: `t_lo` of `w` and of `p` from the intervals as they are, both at least 1;
    /// - `A2`: `t_lo` of `w` with `c(p)/B` added to the `hi` of `p`'s supporters (what `p`,
    ///   funded first by at least `B` payers, can have taken from them); `B2` likewise for
    ///   `p` with `c(w)/A`; both at least 1;
    /// - every other unfunded project, with its `t_hi`, loses to `w` with `A2` and to `p`
    ///   with `B2`; and the chain can tell `w` and `p` apart.
    /// Then at every share the first of the two rounds funds `w` or `p` (each other
    /// project loses to both) and the second the other one (it loses to that one with its
    /// fewest payers after either funding); `w` has between `A2` and `t_hi(w)` payers, `p`
    /// between `B2` and `t_hi(p)`. A supporter of `w` surely pays it when its `hi`, plus
    /// `c(p)/B` if it supports `p`, plus `c(w)/A2`, is at most `s`, surely does not when
    /// `lo + c(w)/t_hi(w) > S`; the same for `p`; the interval grows by the sure payments'
    /// least amounts below and by every possible payment's greatest above.
    ///
    /// The interval may start above `run.share` (`lower`; default `run.share`), so that
    /// proofs over `[s, S1]`, `[S1, S2]`, ... from one run at `s` chain into `[s, Sk]` with
    /// no run at their joints (the walk, ``ExactEqualShares/count(_:options:common:)``).
    /// The argument is the same with `lower` for `s` in every bound: the rounds replayed
    /// (events above `upper`) go as in `run` at every share of `[run.share, upper]`, which
    /// holds `[lower, upper]`, and their payments do not depend on the share; the rounds
    /// after them start from `run`'s classes there, points, and are proved from `lower`
    /// (Guides/ExactEqualShares.md, "Chained intervals").
    ///
    /// - Complexity: as ``provesSameWinners(_:upTo:)``, plus per pair a sort of the two
    ///   projects' classes.
    func rangeProof(_ run: ExactEqualSharesRun, from lower: Rational? = nil, upTo upper: Rational) -> RangeProof {
        let lower = lower ?? run.share
        guard run.share <= lower, lower < upper else { return .failed(below: nil) }
        var bounds = RangeClasses(groups: weight.count, classes: min(weight.count, 1 << 15))
        var open = supporters.map { !$0.isEmpty }
        // A bound on each project's `t_hi`, exact where `known`.
        var bound = supporterCount
        var known = [Bool](repeating: false, count: costs.count)

        /// `t_hi(p)`, from the bound when it is exact.
        func highPayers(_ p: Int) -> Int {
            if !known[p] {
                bound[p] = bounds.payers(of: supporters[p], weight: weight, total: supporterCount[p], cost: costs[p], share: upper, byLow: true,
                                         atMost: bound[p])
                known[p] = true
            }
            return bound[p]
        }

        /// Funds `w` with between `fewest` and `most` payers: its supporters' new intervals,
        /// and the projects of those that changed class to evaluate afresh.
        func fund(_ w: Int, fewest: Int, most: Int) {
            open[w] = false
            forget(bounds.charge(supporters[w], cost: costs[w], fewest: fewest, most: most, lower: lower, upper: upper))
        }
        /// The projects of the groups that `moved` need `t_hi` afresh. On the buffer: a write
        /// through the capture of `known` checked its uniqueness each time.
        func forget(_ moved: [Int32]) {
            known.withUnsafeMutableBufferPointer { known in
                for g in moved {
                    for e in groupStart[Int(g)]..<groupStart[Int(g) + 1] { known[Int(groupProjects[e])] = false }
                }
            }
        }

        // Rounds whose events are above `upper` go as in `run` at every share of the
        // interval (Guides/ExactEqualShares.md, "The next budget, exactly"): replayed with
        // their exact payers, without rivals to check. A round's recorded event is the least
        // of its own and the earlier rounds' ("Recording only new least values"), so the
        // rounds before the first recorded one at most `upper` are such rounds.
        let exact = run.roundEvents.firstIndex { $0.map { $0.value <= upper } ?? false } ?? run.steps.count
        /// Rounds `round` and `round + 1` as a pair whose winners `w` (with `fewest` to
        /// `most` payers alone in the first) and `p` may come in either order (above).
        func provesPair(_ w: Int, _ p: Int, fewest: Int, most: Int) -> Bool {
            guard ties.compare(w, p) != 0 else { return false }
            let fewestP = bounds.payers(of: supporters[p], weight: weight, total: supporterCount[p], cost: costs[p], share: lower, byLow: false,
                                        atMost: bound[p])
            guard fewestP >= 1 else { return false }
            let mostP = highPayers(p)
            let takenByP = costs[p] / Rational(fewestP)
            let takenByW = costs[w] / Rational(fewest)
            let wSecond = bounds.payers(of: supporters[w], weight: weight, total: supporterCount[w], cost: costs[w], share: lower,
                                        adding: takenByP, to: supporters[p], atMost: fewest)
            let pSecond = bounds.payers(of: supporters[p], weight: weight, total: supporterCount[p], cost: costs[p], share: lower,
                                        adding: takenByW, to: supporters[w], atMost: fewestP)
            guard wSecond >= 1, pSecond >= 1 else { return false }
            for q in costs.indices where open[q] && q != w && q != p && bound[q] > 0 {
                func loses(_ t: Int) -> Bool {
                    losesTo(q, payers: t, winner: w, winnerPayers: wSecond) && losesTo(q, payers: t, winner: p, winnerPayers: pSecond)
                }
                if !loses(bound[q]) && !loses(highPayers(q)) { return false }
            }
            open[w] = false
            open[p] = false
            let moved = bounds.chargePair(RangeClasses.Funding(groups: supporters[w], cost: costs[w], fewest: wSecond, most: most, takenByOther: takenByP),
                                          RangeClasses.Funding(groups: supporters[p], cost: costs[p], fewest: pSecond, most: mostP, takenByOther: takenByW),
                                          lower: lower, upper: upper)
            forget(moved)
            return true
        }

        // A tie in a replayed round is broken as in `run` at every share (the same projects
        // tie). In a round to prove, a rival may reach the winner's rank only if the chain
        // puts the winner first (below).
        var round = 0
        var swaps = 0
        while round < run.steps.count {
            let step = run.steps[round]
            let w = step.project
            let cost = costs[w]
            if round < exact {
                fund(w, fewest: step.payers, most: step.payers)
                round += 1
                continue
            }
            let fewest = bounds.payers(of: supporters[w], weight: weight, total: supporterCount[w], cost: cost, share: lower, byLow: false,
                                       atMost: bound[w])
            guard fewest >= 1 else { return .failed(below: nil) }
            let most = highPayers(w)
            // The run's payers lie within the bounds when the interval starts at its share
            // (from a larger lower end the fewest may be more).
            precondition(lower != run.share || (fewest <= step.payers && step.payers <= most),
                         "ExactEqualShares: the run's payers lie within the proof's bounds")
            // Every other unfunded project must lose to `w` with `fewest`: rank below it, or
            // with it and after it in the tie-breaking chain.
            var rival: Int?
            for p in costs.indices where open[p] && p != w && bound[p] > 0 {
                if !losesTo(p, payers: bound[p], winner: w, winnerPayers: fewest) && !losesTo(p, payers: highPayers(p), winner: w, winnerPayers: fewest) {
                    rival = p
                    break
                }
            }
            if let p = rival {
                // The next round's winner catching up with this one: the pair may hold.
                if round + 1 < run.steps.count && run.steps[round + 1].project == p && provesPair(w, p, fewest: fewest, most: most) {
                    swaps += 1
                    round += 2
                    continue
                }
                let needed = payersToBeat(p, winner: w, winnerPayers: fewest)
                return .failed(below: bounds.least(of: supporters[p], weight: weight, total: supporterCount[p], cost: costs[p], from: needed))
            }
            fund(w, fewest: fewest, most: most)
            round += 1
        }
        // Nothing more is funded at any share of the interval.
        for p in costs.indices where open[p] && bound[p] > 0 {
            if highPayers(p) > 0 {
                return .failed(below: bounds.least(of: supporters[p], weight: weight, total: supporterCount[p], cost: costs[p], from: 1))
            }
        }
        return .proved(swaps: swaps)
    }

    /// EES at `share`, where a range proof from `previous` (at a smaller share) held: the
    /// run resumes at the earliest round of `previous` whose event is at most `share`, as
    /// ``run(share:resuming:callsOff:)`` does at `previous`'s next event. The rounds before it have
    /// their events above `share`, so they go as in `previous` and keep their events
    /// (Guides/ExactEqualShares.md, "Resuming": the argument needs only that).
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)``; ``CalledOff`` (see ``run(share:resuming:callsOff:)``).
    func run(share: Rational, after previous: ExactEqualSharesRun, callsOff: (() -> Bool)? = nil) throws -> ExactEqualSharesRun {
        guard let first = previous.roundEvents.firstIndex(where: { $0.map { $0.value <= share } ?? false }) else {
            return try run(share: share, callsOff: callsOff)
        }
        var from = previous
        from.nextShare = share
        from.nextRound = first
        return try run(share: share, resuming: from, callsOff: callsOff)
    }

    /// The least number of payers with which `p` beats `winner` with `winnerPayers`: ranks
    /// above it, or with it when the tie-breaking chain puts `p` first (`Int.max`: none).
    func payersToBeat(_ p: Int, winner: Int, winnerPayers: Int) -> Int {
        let firstInTie = ties.compare(p, winner) < 0
        if utility == .cost { return firstInTie ? winnerPayers : winnerPayers + 1 }
        // Cardinality: `t / c(p)` against `winnerPayers / c(winner)`.
        let even = Rational(winnerPayers) * costs[p] / costs[winner]
        let needed = firstInTie ? even.ceiling : even.floor + Rational.one
        guard let parts = needed.smallParts else { return Int.max }
        return Int(parts.numerator)
    }

    /// Whether `p` with `payers` payers loses a round to `winner` with `winnerPayers`: it
    /// ranks strictly below, or equal and the tie-breaking chain puts `winner` first (the
    /// chain compares projects by fixed keys, so it decides alike at every share; were
    /// more projects tied, `winner` comes before each of them, so first).
    func losesTo(_ p: Int, payers: Int, winner: Int, winnerPayers: Int) -> Bool {
        let order: Int
        switch utility {
        case .cost: order = payers < winnerPayers ? -1 : (payers == winnerPayers ? 0 : 1)
        case .cardinality: order = Rational.compare(Rational(payers) * costs[winner], Rational(winnerPayers) * costs[p])
        }
        return order < 0 || (order == 0 && ties.compare(winner, p) < 0)
    }
}

/// Ballot groups in classes, each of one interval `[lo, hi]` of what they paid: the state of
/// ``ExactEqualSharesElection/provesSameWinners(_:upTo:)``.
///
/// A class's `lo` and `hi` are kept as the class it came from plus a payment
/// (``ChainedAmounts``), with a *lower key* each: `x * 2^64` lies in `[key, key + slack)`,
/// the key being the sum of the `floor(· * 2^64)` of the terms and `slack` their number (1
/// for an amount keyed whole). The tests decide by the keys where they can and sum the
/// amounts only where they cannot (Guides/ExactEqualShares.md, "Amounts summed when asked").
struct RangeClasses {
    /// The class of each ballot group.
    var classOf: [Int32]
    var lows: ChainedAmounts
    var highs: ChainedAmounts
    /// Each class's lower keys of `lo` and `hi`, and their slacks (above).
    var lowKey: [UInt128] = [0]
    var lowSlack: [UInt8] = [1]
    var highKey: [UInt128] = [0]
    var highSlack: [UInt8] = [1]
    /// Scratch: each class's supporters of the project being read (0 outside a read).
    var countOf: [Int] = [0]
    var listed: [Int32] = []
    /// Scratch of `charge`: the new class of each class (-1: it stays, -2: not looked at).
    var targetOf: [Int32] = [-2]
    /// Scratch GMP integers for ``affords(paid:cost:payers:share:using:)``.
    let comparator = SumComparator()
    /// Scratch per ballot group for pairs of rounds (0 outside them).
    var mark: [UInt8]

    /// A slack at which a class's amount is summed and keyed afresh (a proof has a few dozen
    /// rounds, so this is only a guard).
    static let slackLimit: UInt8 = 200

    /// One project of a pair of rounds (``chargePair(_:_:lower:upper:)``): its supporters,
    /// cost, fewest and most payers over both orders, and the most that the other project
    /// of the pair, funded first, can have taken from a supporter of both.
    struct Funding {
        var groups: [Int32]
        var cost: Rational
        var fewest: Int
        var most: Int
        var takenByOther: Rational
        /// The largest and the least payment: `cost / fewest`, `cost / most`, and their keys.
        let large: Rational
        let small: Rational
        let largeKey: UInt128
        let smallKey: UInt128

        init(groups: [Int32], cost: Rational, fewest: Int, most: Int, takenByOther: Rational = .zero) {
            self.groups = groups
            self.cost = cost
            self.fewest = fewest
            self.most = most
            self.takenByOther = takenByOther
            large = cost / Rational(fewest)
            small = cost / Rational(most)
            largeKey = large.fixedPointKey.wide
            smallKey = small.fixedPointKey.wide
        }
    }

    /// - Parameter classes: how many classes the proof is expected to make (room for them
    ///   up front).
    init(groups: Int, classes: Int = 0) {
        classOf = [Int32](repeating: 0, count: groups)
        mark = [UInt8](repeating: 0, count: groups)
        lows = ChainedAmounts(reservingCapacity: classes)
        highs = ChainedAmounts(reservingCapacity: classes)
        lows.append(.zero)
        highs.append(.zero)
        lowKey.reserveCapacity(classes)
        highKey.reserveCapacity(classes)
        lowSlack.reserveCapacity(classes)
        highSlack.reserveCapacity(classes)
    }

    /// Class `k`'s `lo` and `hi`, exactly.
    mutating func low(_ k: Int32) -> Rational { lows.amount(Int(k)) }
    mutating func high(_ k: Int32) -> Rational { highs.amount(Int(k)) }

    /// The classes of `groups` with the voters of `groups` in each (scratch `countOf` is
    /// left at zero).
    mutating func classes(of groups: [Int32], weight: [Int]) -> [(key: Int32, count: Int)] {
        // Written straight into the result, on the buffers: each class where first met, its
        // count summed in `countOf` and read and cleared at the end (through the struct's
        // arrays, a list of the classes met, and a copy of it, each append and each count
        // read checked uniqueness: a thousand classes a peel on Amsterdam 309).
        classOf.withUnsafeBufferPointer { classOf in
            countOf.withUnsafeMutableBufferPointer { countOf in
                weight.withUnsafeBufferPointer { weight in
                    [(key: Int32, count: Int)](unsafeUninitializedCapacity: groups.count) { out, written in
                        var n = 0
                        for g in groups {
                            let k = Int(classOf[Int(g)])
                            if countOf[k] == 0 {
                                out.initializeElement(at: n, to: (Int32(k), 0))
                                n += 1
                            }
                            countOf[k] += weight[Int(g)]
                        }
                        for i in 0..<n {
                            let k = Int(out[i].key)
                            out[i].count = countOf[k]
                            countOf[k] = 0
                        }
                        written = n
                    }
                }
            }
        }
    }

    /// How many times ``payers(of:weight:total:cost:share:byLow:atMost:)`` drops classes by a
    /// bound before its heap, at most (4 passes: Warsaw 2026 0.16% more instructions than 16).
    static let filterPasses = 16

    /// `max{t : x_(t) + cost/t <= share}` over the supporters `groups` (`total` voters),
    /// `x` their `low` bounds (`byLow`) or `high` ones, 0 if none: the peel of a run, the
    /// poorest class first, each class checked at its largest `t`.
    ///
    /// `atMost`: a bound on the result known beforehand (a project's `t_hi` in an earlier
    /// round of the proof: `lo`s only grow). A class that paid more than `share - cost/atMost`
    /// cannot pay at any `t <= atMost`, and every class whose largest `t` is above `atMost`
    /// paid more than that (it cannot pay there: `x > share - cost/t > share - cost/atMost`);
    /// those classes are the poorest, and the peel would drop them first, one by one. They
    /// are dropped before the heap is made, by their lower keys (`key(x) > floor(y * 2^64)`
    /// means `x > y`), so that a peel reads only what lies near its result. The count left
    /// is again a bound, so this repeats (at most ``filterPasses`` times) while it drops
    /// classes: the first peel of a project in a proof, with its supporters' count as the
    /// bound, then skips most of what it would pop (Warsaw 2026: 85% of the peels are first
    /// peels).
    mutating func payers(of groups: [Int32], weight: [Int], total: Int, cost: Rational, share: Rational, byLow: Bool,
                         atMost: Int? = nil) -> Int {
        let keys = byLow ? lowKey : highKey
        var classes = classes(of: groups, weight: weight)
        var t = total
        if let atMost {
            t = Self.dropUnaffordable(&classes, key: { keys[Int($0.key)] }, count: \.count, total: total, atMost: atMost,
                                      cost: cost, share: share)
            guard t > 0 else { return 0 }
        }
        return byLow ? Self.peel(classes, from: t, keys: lowKey, slacks: lowSlack, amounts: &lows, cost: cost, share: share, using: comparator)
            : Self.peel(classes, from: t, keys: highKey, slacks: highSlack, amounts: &highs, cost: cost, share: share, using: comparator)
    }

    /// The heap peel of ``payers(of:weight:total:cost:share:byLow:atMost:)`` over `classes`
    /// (`t` voters), poorest first, each class checked at its largest `t`.
    static func peel(_ classes: [(key: Int32, count: Int)], from t: Int, keys: [UInt128], slacks: [UInt8], amounts: inout ChainedAmounts,
                     cost: Rational, share: Rational, using comparator: SumComparator) -> Int {
        var t = t
        var poorest = PoorestFirst(classes, keys: keys, slacks: slacks, amounts: &amounts)
        let shareKey = share.fixedPointKey.wide
        while let (k, count) = poorest.next(&amounts) {
            if affords(Int(k), of: &amounts, key: keys[Int(k)], slack: slacks[Int(k)], cost: cost, payers: t,
                       partKey: partKey(cost, t)?.wide, share: share, shareKey: shareKey, using: comparator) { break }
            t -= count
        }
        return t
    }

    /// The peel of ``payers(of:weight:total:cost:share:byLow:atMost:)`` on the `high` bounds, with
    /// `extra` added to those of the groups in `others`: a project's fewest payers when the
    /// other project of a pair is funded first, at most `atMost` (its fewest payers alone:
    /// `extra` only raises amounts). The (class, in `others`) parts are dropped by a bound
    /// as in that peel, by their lower keys (a class's, plus `floor(extra * 2^64)` where
    /// `extra` is added, one more term of slack); the parts left are summed and sorted, by
    /// their keys where these settle it, else exactly (the sort of every part with GMP
    /// comparisons was 4% of Amsterdam 309).
    mutating func payers(of groups: [Int32], weight: [Int], total: Int, cost: Rational, share: Rational, adding extra: Rational,
                         to others: [Int32], atMost: Int) -> Int {
        for g in others { mark[Int(g)] = 1 }
        var countOfPart: [Int: Int] = [:]
        for g in groups { countOfPart[2 * Int(classOf[Int(g)]) + Int(mark[Int(g)]), default: 0] += weight[Int(g)] }
        for g in others { mark[Int(g)] = 0 }
        let extraKey = extra.fixedPointKey.wide
        var parts = countOfPart.map { part, count in
            let (own, slack) = (highKey[part / 2], highSlack[part / 2])
            guard part % 2 == 1 else { return (part: part, count: count, key: own, slack: UInt128(slack)) }
            let (sum, overflow) = own.addingReportingOverflow(extraKey)
            // On overflow the class's own key is still below the sum, with no bound above.
            return (part: part, count: count, key: overflow ? own : sum, slack: overflow ? UInt128.max : UInt128(slack) + 1)
        }
        var t = Self.dropUnaffordable(&parts, key: \.key, count: \.count, total: total, atMost: atMost, cost: cost, share: share)
        guard t > 0 else { return 0 }
        let sorted = parts.map { (paid: $0.part % 2 == 1 ? high(Int32($0.part / 2)) + extra : high(Int32($0.part / 2)),
                                  key: $0.key, slack: $0.slack, count: $0.count) }
            .sorted { a, b in
                if let order = Self.keyOrder(a.key, a.slack, b.key, b.slack) { return order > 0 }
                return Rational.compare(a.paid, b.paid) > 0
            }
        for (paid, _, _, count) in sorted {
            if Self.affords(paid: paid, cost: cost, payers: t, share: share, using: comparator) { break }
            t -= count
        }
        return t
    }

    /// The order of `x` and `y` from their lower keys (`x * 2^64` in `[a, a + slackA)`,
    /// `y * 2^64` in `[b, b + slackB)`): 1 when `x > y` surely (`a >= b + slackB`), -1 when
    /// `x < y` surely, `nil` when the keys leave it open (a slack of `UInt128.max`: no bound
    /// above).
    @inline(__always)
    static func keyOrder(_ a: UInt128, _ slackA: UInt128, _ b: UInt128, _ slackB: UInt128) -> Int? {
        if a > b { return slackB != .max && a - b >= slackB ? 1 : nil }
        if b > a { return slackA != .max && b - a >= slackA ? -1 : nil }
        return nil
    }

    /// The peels' drop by a bound (``payers(of:weight:total:cost:share:byLow:atMost:)``):
    /// removes from `items` (`total` voters, `count` each) those whose amount is surely above
    /// `share - cost/b`, by `key`, at most `floor(amount * 2^64)`, for `b = atMost` and then
    /// the count left, while that drops something (at most ``filterPasses`` times).
    /// - Returns: the voters left, a bound on the peel; 0 when no `t <= atMost` can pay
    ///   (`items` then need not be peeled).
    @inline(__always)
    static func dropUnaffordable<Item>(_ items: inout [Item], key: (Item) -> UInt128, count: (Item) -> Int, total: Int, atMost: Int,
                                       cost: Rational, share: Rational) -> Int {
        var t = total
        var cap = atMost
        for _ in 0..<filterPasses {
            guard cap > 0 else { return 0 }
            let part = cost / Rational(cap)
            guard part <= share else { return 0 }
            let limit = (share - part).fixedPointKey.wide
            let before = t
            items.removeAll { item in
                guard key(item) > limit else { return false }
                t -= count(item)
                return true
            }
            guard t < before, t < cap else { break }
            cap = t
        }
        return t
    }

    /// Funds the two projects of a pair of rounds, in either order, at every share of
    /// `[lower, upper]` (``ExactEqualSharesElection/rangeProof(_:upTo:)``): each supporter
    /// surely pays each project it supports, surely does not, or may, and moves to the class
    /// of its new interval. The new classes' amounts are summed here (pairs are few).
    /// - Returns: the groups that moved.
    mutating func chargePair(_ first: Funding, _ second: Funding, lower: Rational, upper: Rational) -> [Int32] {
        for g in first.groups { mark[Int(g)] |= 1 }
        for g in second.groups { mark[Int(g)] |= 2 }
        let (lowerKey, upperKey) = (lower.fixedPointKey.wide, upper.fixedPointKey.wide)
        var targetOfPart: [Int: Int32] = [:]
        var moved: [Int32] = []
        for g in first.groups + second.groups {
            let flags = mark[Int(g)]
            guard flags != 0 else { continue }
            mark[Int(g)] = 0
            let k = Int(classOf[Int(g)])
            let part = 4 * k + Int(flags)
            let target: Int32
            if let known = targetOfPart[part] {
                target = known
            } else {
                let (low, high) = (self.low(Int32(k)), self.high(Int32(k)))
                var lo = low
                var hi = high
                // Each project of the pair the class supports; a supporter of both may have
                // paid the other one first.
                for (f, flag) in [(first, UInt8(1)), (second, UInt8(2))] where flags & flag != 0 {
                    // A supporter of both: `before` is a sum, with no key.
                    let before = flags == 3 ? high + f.takenByOther : high
                    let beforeKey = flags == 3 ? nil : (highKey[k], highSlack[k])
                    if let (l, h) = Self.added(f, low: low, lowKey: (lowKey[k], lowSlack[k]), before: before, beforeKey: beforeKey,
                                               lower: lower, lowerKey: lowerKey, upper: upper, upperKey: upperKey, using: comparator) {
                        lo = lo + l
                        hi = hi + h
                    }
                }
                target = lo == low && hi == high ? Int32(k) : newClass(low: lo, high: hi)
                targetOfPart[part] = target
            }
            if target != Int32(k) {
                classOf[Int(g)] = target
                moved.append(g)
            }
        }
        return moved
    }

    /// `min{lo_(t) + cost/t : t >= needed}` over the supporters `groups` (`total` voters):
    /// the least share up to which the `lo` bounds let the project have `needed` payers or
    /// more (`nil`: never). Per class, the least is at its largest `t`, as for events.
    mutating func least(of groups: [Int32], weight: [Int], total: Int, cost: Rational, from needed: Int) -> Rational? {
        var poorest = PoorestFirst(classes(of: groups, weight: weight), keys: lowKey, slacks: lowSlack, amounts: &lows)
        var t = total
        var least: Rational?
        while t >= needed, needed > 0, let (k, count) = poorest.next(&lows) {
            let value = low(k) + cost / Rational(t)
            if least.map({ value < $0 }) ?? true { least = value }
            t -= count
        }
        return least
    }

    /// A project's classes, poorest (most paid) first, without sorting them all: a binary
    /// max-heap on `paid`. A peel reads only the poorest few classes in most rounds, and
    /// amounts paid can be long fractions (GMP comparisons), so a full sort per project
    /// and round cost more than the rest of a proof (Tenderloin). The heap compares the
    /// amounts' lower keys, and the amounts (summed then if they were not) only where the
    /// keys leave the order open (comparing long fractions in the heap was a fifth of
    /// Amsterdam 309's time). Classes that paid the same may come in any order: the peel and
    /// ``least(of:weight:total:cost:from:)`` give the same for either order (the first of
    /// them, at the larger `t`, decides).
    /// The amounts, which a comparison may sum, are handed in at each call.
    struct PoorestFirst {
        var heap: [(key: Int32, count: Int)]
        let keys: [UInt128]
        let slacks: [UInt8]

        init(_ classes: [(key: Int32, count: Int)], keys: [UInt128], slacks: [UInt8], amounts: inout ChainedAmounts) {
            heap = classes
            self.keys = keys
            self.slacks = slacks
            var i = heap.count / 2
            while i > 0 {
                i -= 1
                siftDown(i, &amounts)
            }
        }

        /// Restores the heap below `start`. On the buffer, with the keys compared inline (a
        /// comparison in ExactArithmetic was a call): with a uniqueness check per swap, the
        /// two cost 3.5% of Amsterdam 309's EES add-opt.
        mutating func siftDown(_ start: Int, _ amounts: inout ChainedAmounts) {
            let (keys, slacks) = (self.keys, self.slacks)
            heap.withUnsafeMutableBufferPointer { heap in
                @inline(__always)
                func poorer(_ i: Int, _ j: Int) -> Bool {
                    let (a, b) = (Int(heap[i].key), Int(heap[j].key))
                    if let order = RangeClasses.keyOrder(keys[a], UInt128(slacks[a]), keys[b], UInt128(slacks[b])) { return order > 0 }
                    return Rational.compare(amounts.amount(a), amounts.amount(b)) > 0
                }
                var i = start
                while true {
                    let left = 2 * i + 1
                    guard left < heap.count else { return }
                    var child = left
                    if left + 1 < heap.count && poorer(left + 1, left) { child = left + 1 }
                    guard poorer(child, i) else { return }
                    heap.swapAt(i, child)
                    i = child
                }
            }
        }

        /// The poorest class left, `nil` when none is.
        mutating func next(_ amounts: inout ChainedAmounts) -> (key: Int32, count: Int)? {
            guard let top = heap.first else { return nil }
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0, &amounts)
            }
            return top
        }
    }

    /// Funds a project of `cost` (supporters `groups`) with between `fewest` and `most`
    /// payers at every share of `[lower, upper]`: each class of its supporters surely pays
    /// (`hi + cost/fewest <= lower`: its interval grows by the least and the largest
    /// payment), surely does not (`lo + cost/most > upper`: it stays), or may (its `hi`
    /// grows by the largest payment), and its groups move to the class of the new interval.
    /// The new classes' amounts are not summed (``ChainedAmounts``): their keys are.
    /// - Returns: the groups that moved.
    mutating func charge(_ groups: [Int32], cost: Rational, fewest: Int, most: Int, lower: Rational, upper: Rational) -> [Int32] {
        let f = Funding(groups: groups, cost: cost, fewest: fewest, most: most)
        let (lowerKey, upperKey) = (lower.fixedPointKey.wide, upper.fixedPointKey.wide)
        let small = (lows.register(f.small), f.smallKey)
        let large = (highs.register(f.large), f.largeKey)
        // The new class of each of the supporters' classes, in `targetOf` (arrays, not a
        // set and a dictionary: this ran once a round and was an eighth of Lodz's time).
        for g in groups {
            let k = Int(classOf[Int(g)])
            guard targetOf[k] == -2 else { continue }
            targetOf[k] = -1
            listed.append(Int32(k))
            if Self.affords(k, of: &highs, key: highKey[k], slack: highSlack[k], cost: cost, payers: fewest, partKey: f.largeKey,
                            share: lower, shareKey: lowerKey, using: comparator) {
                targetOf[k] = newClass(from: Int32(k), addingLow: small, addingHigh: large)
            } else if Self.affords(k, of: &lows, key: lowKey[k], slack: lowSlack[k], cost: cost, payers: most, partKey: f.smallKey,
                                   share: upper, shareKey: upperKey, using: comparator) {
                targetOf[k] = newClass(from: Int32(k), addingLow: nil, addingHigh: large)
            }
        }
        // The groups that move, written straight into the result (an append per group
        // checked its uniqueness), and the marks cleared on the buffer.
        let moved = targetOf.withUnsafeBufferPointer { targetOf in
            classOf.withUnsafeMutableBufferPointer { classOf in
                [Int32](unsafeUninitializedCapacity: groups.count) { out, written in
                    var n = 0
                    for g in groups {
                        let k = targetOf[Int(classOf[Int(g)])]
                        if k >= 0 {
                            classOf[Int(g)] = k
                            out.initializeElement(at: n, to: g)
                            n += 1
                        }
                    }
                    written = n
                }
            }
        }
        targetOf.withUnsafeMutableBufferPointer { targetOf in
            for k in listed { targetOf[Int(k)] = -2 }
        }
        listed.removeAll(keepingCapacity: true)
        return moved
    }

    /// What a supporter adds to its interval when `f` is funded by between `f.fewest` and
    /// `f.most` payers at every share of `[lower, upper]`, `low` being the least it has
    /// paid and `before` the most it can have paid when `f`'s round comes: it surely pays
    /// (`before + cost/fewest <= lower`: between the least and the largest payment), surely
    /// does not (`low + cost/most > upper`: `nil`), or may (nothing to the least). The
    /// lower keys of `low` and `before` (`nil`: none), and the keys of `lower` and `upper`,
    /// let the tests skip GMP (``settles(key:slack:part:share:)``).
    ///
    /// Static, as is ``affords(paid:cost:payers:share:using:)``: called as methods from the
    /// mutating loops of a proof, they made Swift copy the whole `RangeClasses` value (and
    /// retain and release each of its arrays) at every call, with the retains and releases
    /// about 7% of Warsaw 2026's profile.
    static func added(_ f: Funding, low: Rational, lowKey: (UInt128, UInt8)?, before: Rational, beforeKey: (UInt128, UInt8)?,
                      lower: Rational, lowerKey: UInt128, upper: Rational, upperKey: UInt128,
                      using comparator: SumComparator) -> (low: Rational, high: Rational)? {
        func affords(_ paid: Rational, _ key: (UInt128, UInt8)?, payers: Int, part: UInt128, share: Rational, shareKey: UInt128) -> Bool {
            if let key, let settled = settles(key: key.0, slack: key.1, part: part, share: shareKey) { return settled }
            return Self.affords(paid: paid, cost: f.cost, payers: payers, share: share, using: comparator)
        }
        if affords(before, beforeKey, payers: f.fewest, part: f.largeKey, share: lower, shareKey: lowerKey) { return (f.small, f.large) }
        if !affords(low, lowKey, payers: f.most, part: f.smallKey, share: upper, shareKey: upperKey) { return nil }
        return (.zero, f.large)
    }

    /// A new class of the interval `[low, high]`, keyed whole. Classes of equal intervals
    /// are not merged: a peel takes classes that paid the same in either order with the same
    /// result (``PoorestFirst``), and a funding moves them alike, so a class per interval
    /// would change nothing but cost a hash of both amounts per new class (and a dictionary
    /// made for every proof).
    mutating func newClass(low: Rational, high: Rational) -> Int32 {
        let fresh = Int32(lows.count)
        lows.append(low)
        highs.append(high)
        lowKey.append(low.fixedPointKey.wide)
        highKey.append(high.fixedPointKey.wide)
        lowSlack.append(1)
        highSlack.append(1)
        countOf.append(0)
        targetOf.append(-2)
        return fresh
    }

    /// A new class whose `lo` and `hi` are those of class `k` plus the given payments
    /// (`nil`: nothing added; `index` in ``ChainedAmounts``, `key` the payment's
    /// `floor(· * 2^64)`), not summed: each key is `k`'s plus the payment's, one more term
    /// of slack.
    mutating func newClass(from k: Int32, addingLow low: (index: Int32, key: UInt128)?,
                           addingHigh high: (index: Int32, key: UInt128)?) -> Int32 {
        let fresh = Int32(lows.count)
        Self.extend(k, by: low, amounts: &lows, keys: &lowKey, slacks: &lowSlack)
        Self.extend(k, by: high, amounts: &highs, keys: &highKey, slacks: &highSlack)
        countOf.append(0)
        targetOf.append(-2)
        return fresh
    }

    /// Appends to `amounts`, `keys` and `slacks` the amount of class `k` plus `payment`; its
    /// key is summed, and the amount only past ``slackLimit`` terms or on overflow (then
    /// keyed whole).
    @inline(__always)
    static func extend(_ k: Int32, by payment: (index: Int32, key: UInt128)?, amounts: inout ChainedAmounts, keys: inout [UInt128],
                       slacks: inout [UInt8]) {
        amounts.append(from: k, adding: payment?.index ?? -1)
        guard let payment else {
            keys.append(keys[Int(k)])
            slacks.append(slacks[Int(k)])
            return
        }
        let (sum, overflow) = keys[Int(k)].addingReportingOverflow(payment.key)
        if overflow || slacks[Int(k)] >= slackLimit {
            keys.append(amounts.amount(amounts.count - 1).fixedPointKey.wide)
            slacks.append(1)
        } else {
            keys.append(sum)
            slacks.append(slacks[Int(k)] + 1)
        }
    }

    /// Whether `paid + cost/payers <= share`: the run's own ``ExactEqualSharesElection/Threshold``
    /// (128-bit cross-multiplication when small, else unreduced in `comparator`'s reused GMP
    /// integers, no gcd: amounts paid outgrow 64 bits on the large files, Tenderloin first).
    static func affords(paid: Rational, cost: Rational, payers: Int, share: Rational, using comparator: SumComparator) -> Bool {
        ExactEqualSharesElection.Threshold.compare(paid: paid, cost: cost, payers: payers, to: share, in: comparator) <= 0
    }

    /// ``affords(paid:cost:payers:share:using:)`` for class `k` of `amounts`, decided by the
    /// keys where they settle it (``settles(key:slack:part:share:)``; `partKey`: the key of
    /// `cost/payers`, `nil` if none), else exactly, the amount summed if it was not.
    @inline(__always)
    static func affords(_ k: Int, of amounts: inout ChainedAmounts, key: UInt128, slack: UInt8, cost: Rational, payers: Int, partKey: UInt128?,
                        share: Rational, shareKey: UInt128, using comparator: SumComparator) -> Bool {
        if let partKey, let settled = settles(key: key, slack: slack, part: partKey, share: shareKey) { return settled }
        return affords(paid: amounts.amount(k), cost: cost, payers: payers, share: share, using: comparator)
    }

    /// Whether `x + part <= share`, from keys alone where they settle it: `x * 2^64` in
    /// `[key, key + slack)`, `part * 2^64` in `[partKey, partKey + 1)` and `share * 2^64`
    /// in `[shareKey, shareKey + 1)` (a ``FixedPointKey``, all ones from `2^64` on, is
    /// still at most `share * 2^64`). The sum, times `2^64`, lies in `[P, P + slack + 1)`
    /// with `P = key + partKey`: below `share` when `P + slack + 1 <= shareKey`, above it
    /// when `P >= shareKey + 1`. In between (the amounts within about `slack * 2^-64` of each
    /// other), `nil`: the exact test decides. The proofs compare each class they charge or
    /// peel, and past 64 bits the exact test is a GMP cross-multiplication (Amsterdam 309).
    ///
    /// `shareSlack`: where the share's key is a lower key too (`share * 2^64` in
    /// `[shareKey, shareKey + shareSlack)`; a run's event scans, whose bound is a sum), the
    /// sum is above it only from `shareKey + shareSlack` on.
    @inline(__always)
    static func settles(key: UInt128, slack: UInt8, part: UInt128, share: UInt128, shareSlack: UInt8 = 1) -> Bool? {
        let (sum, overflow) = key.addingReportingOverflow(part)
        guard !overflow, sum <= UInt128.max - 256 else { return nil }
        if sum + UInt128(slack) + 1 <= share { return true }
        if sum > share && sum - share >= UInt128(shareSlack) { return false }
        return nil
    }

    /// The ``FixedPointKey`` of `cost / payers` when `cost` is a short fraction and the
    /// division fits (`nil` otherwise), without forming the fraction.
    @inline(__always)
    static func partKey(_ cost: Rational, _ payers: Int) -> FixedPointKey? {
        guard payers > 0, let c = cost.smallParts, c.numerator >= 0 else { return nil }
        let (d, overflow) = c.denominator.multipliedReportingOverflow(by: Int64(payers))
        return overflow ? nil : FixedPointKey(c.numerator, over: d)
    }
}
