import CGMP
import Dispatch

/// One run of the Method of Equal Shares at a fixed per-voter share (RULES.md, "Method of
/// Equal Shares", steps 1–3), in exact arithmetic, fast.
///
/// Where the speed comes from (DESIGN.md, "MES in practice"):
/// - *Merged ballots*: identical ballots are one entry with a weight
///   (``EqualSharesProfile``); they always hold equal budgets.
/// - *Budget classes*: voters who paid for the same funded projects (with the same points)
///   hold the same budget, so a budget is stored once per class and each distinct ballot
///   points to its class. Funding a project splits each class of its supporters into a
///   new class; the poor (who paid everything) go to class 0, which holds nothing and is
///   never looked at again. Finding `rho(p)` then works on a short list of
///   (budget, points, weight) groups, not on voters.
/// - *Lazy re-evaluation*: `rho(p)` never decreases (budgets only shrink), so each round
///   re-evaluates projects in the order of their last known `rho` and stops as soon as
///   that last value exceeds the best fresh value of the round: same result, a few
///   evaluations per round instead of all projects.
/// - `rho` is found by the poor/rich iteration (a few linear passes: the usual case has
///   no poor supporter at all), falling back to sort-and-peel when supporters keep
///   turning out poor, so the worst case stays O(k log k) for k groups.
/// - *Budgets read where they lie*: class budgets sit side by side in one buffer
///   (``GMPIntegerList``), and each group carries its budget's length and leading word,
///   noted once per evaluation; passes and sorts compare those and read the budget only
///   on a tie (late in a run on 10 M varied ballots a project has tens of thousands of
///   groups, whose budgets lie at random places in memory).
/// - *Funding sets and keys* (approval ballots on one lane, every add1 run): a class is
///   the set of fundings it paid in and a 63-bit key of its budget; comparisons go by keys
///   and sums by counts of weight per funding, and a budget is formed exactly only when two
///   keys are too close to decide (the last section of this class).
/// - *Two lanes* (``lanes``, a single run on several threads): the long passes over a
///   project's supporters and groups are split in two halves.
/// - *One growing denominator*: every amount is an integer count of a money unit `1 / D`
///   (``GMPInteger``, GMP integers changed in place). `D` starts as the least common
///   denominator of the share and the costs and is multiplied, when a project is funded,
///   by the divisor of its payment (the rich supporters' points). A class's budget is kept
///   over the `D` of the round it was made in and brought up to date only when it is
///   used. No gcd, no allocation in the hot loops; exact all the same.
///
/// Payments for a funded project are checked to sum exactly to its cost, and leftover
/// budgets plus spending exactly to the shares handed out.
///
/// With ``findsRunnerUp`` (the `add1` completion), each round also records the least `rho`
/// of any other project still affordable (``RoundRecord/runnerUp``): two runs at shares
/// `a < b` that fund the same projects in the same order then tell whether every share in
/// between does too (Guides/EqualShares.md, "add1 by jumps"). It also records the rich
/// points of each winner and of the few rivals nearest it (``RoundRecord/rivals``), for the
/// affine form of that proof.
///
/// Internally the rule works with `tau`, the payment per point: a rich supporter pays
/// `tau * w_i(p)`, `tau = X / (D * U)` with `U` the rich supporters' points. With
/// `cardinality` utility `rho = tau`; with `cost` utility (`u_i(p) = w_i(p) * c(p)`)
/// `rho = tau / c(p)`.
///
/// A class, not a struct: a run owns mutable GMP scratch (``GMPInteger`` values), and
/// copies of a struct would share it. Each parallel add1 lane is an instance of its own.
///
/// Its private stored properties are `@exclusivity(unchecked)`: an instance is used by one
/// thread at a time (its own two lanes write disjoint parts through pointers), and no
/// access to one of them overlaps another access to it. The run-time checks the compiler
/// otherwise puts on each access to a class's stored property (a call and a look-up in a
/// thread-local set) were 3 to 4% of an add1 run's instructions on the generated corpus.
final class EqualSharesRun {
    let profile: EqualSharesProfile
    let utility: Utility
    let ties: TieBreaking
    /// Whether each round records every unfunded project's supporters' money and `rho`
    /// (what `explain` reads; one evaluation of every project per round).
    var recordsCandidates = false
    /// Where a long run reports its round.
    var progress = CountProgress()
    /// How many threads one run may use for the long passes over a project's supporters
    /// (1 when runs themselves go in parallel, as add1's lanes do). Only speed depends on it.
    var lanes = 1
    /// With several lanes: from this many supporter entries on, a pass over a project's
    /// supporters is split in two (smaller in tests, to run the split paths).
    var parallelEntries = 1 << 17
    /// With several lanes: from this many groups on, bringing their classes up to date is split in two.
    var parallelGroups = 1 << 13

    /// One (class, points) group of a project's supporters.
    struct Group {
        var cls: Int32
        var points: Int
        var weight: Int
        var newClass: Int32 = 0
        /// The leading digits of the class's budget (``GMPIntegerList/Lead``), noted when
        /// the groups are collected: most comparisons of budgets are decided by them
        /// without reading the budget itself, at a random place in memory.
        var lead = GMPIntegerList.Lead()
    }

    struct GroupKey: Hashable {
        var cls: Int32
        var points: Int64
    }

    /// An unfunded project at the start of a round: what its supporters held, and the
    /// `rho` it would have needed (`nil` when they could not pay for it).
    struct Candidate: Sendable, Equatable {
        var project: Int
        var held: Rational
        var rho: Rational?
    }

    /// What one funded project cost its supporters.
    struct RoundRecord: Sendable {
        var project: Int
        var rho: Rational
        /// `c(p) / max payment`: computed when read (only a result's rounds are), not for
        /// every round of every add1 run.
        var effectiveVotes: Rational {
            if let maxPayment { return paid / maxPayment }
            return costUtility ? rho.reciprocal : paid * rho.reciprocal
        }
        /// The largest payment, when the funding computed it; `nil` when someone paid `tau`
        /// in full, which is then the largest: `rho` (cardinality) or `rho * c(p)` (cost).
        var maxPayment: Rational?
        /// Whether `rho` is per unit of cost (cost utility).
        var costUtility: Bool
        /// What the supporters paid in total (equals the cost).
        var paid: Rational
        /// Supporters who paid everything they still had.
        var paidAll: Int
        /// Every unfunded supported project at the start of the round (only when the run
        /// records candidates).
        var candidates: [Candidate] = []
        /// With ``findsRunnerUp``: the least `rho` of the other projects the round evaluated
        /// (equal to `rho` when the round was a tie); `nil` when none is affordable. It is
        /// the least `rho` of every other affordable project, unless ``rivalFloor`` is lower
        /// or equal (a run along a kept run stops evaluating early, ``run(share:along:)``).
        var runnerUp: Rational? = nil
        /// With ``findsRunnerUp``: the other projects the round evaluated whose `rho` is ``runnerUp``.
        var runnerUps: [Int] = []
        /// With ``findsRunnerUp``: the winner's rich points `U` (the points of the supporters
        /// who can pay `tau * w` in full, `b_i >= tau w_i`), which tells two runs with the same
        /// poor set apart from two runs with different ones.
        var richPoints: Int = 0
        /// With ``findsRunnerUp``: the other affordable projects nearest the winner, by `rho`
        /// (at most ``EqualSharesRun/rivalCount``), each with its exact `rho` and rich points.
        var rivals: [Rival] = []
        /// With ``findsRunnerUp``: every affordable project other than the winner and
        /// ``rivals`` has `rho` at least this (`nil`: there is none).
        var rivalFloor: Rational? = nil
        /// The lesser of ``runnerUp`` and ``rivalFloor`` (`nil` if both are): no other
        /// affordable project needs less. The add1 proofs compare it with other runs' `rho`.
        var nearest: Rational? = nil
        /// `floor(x * 2^64)` of ``rho`` and ``nearest``, so that comparisons of them with
        /// other values, made many times over by the add1 proofs, seldom compare the
        /// fractions themselves (``order(_:_:_:_:)``).
        var rhoKey = FixedPointKey(high: 0, low: 0)
        var nearestKey = FixedPointKey(high: 0, low: 0)
    }

    /// An affordable project that did not win a round: its `rho` and rich points `U`.
    struct Rival: Sendable, Equatable {
        var project: Int
        var rho: Rational
        var richPoints: Int
    }

    /// How many rivals each round records (``RoundRecord/rivals``).
    static let rivalCount = 4

    /// Up to this many supporter entries, a run of approval ballots on one lane keeps each
    /// project's supporters who still hold money in a list of its own (``liveBallot``), 4
    /// bytes an entry per engine (at most 16 MB). The spent supporters (a quarter of the
    /// entries an add1 run on Budapest 2024 reads) are then read once, not at every
    /// evaluation. Larger profiles are counted once, on two lanes, where the copy would cost
    /// more memory than it saves time. (0 in tests: never.)
    var compactedEntries = 1 << 22
    /// Called after every round with the engine (tests check its inner state there).
    var afterRound: ((EqualSharesRun) -> Void)?
    /// Asked at the start of every round: `true` stops the run with ``CalledOff`` (a run made
    /// ahead that its loop no longer wants).
    var callsOff: (() -> Bool)?

    /// The result of one run.
    struct Record: Sendable {
        /// The per-voter share the run started from.
        var share: Rational
        var funded: [Int] = []
        var cost: Rational = .zero
        var rounds: [RoundRecord] = []
        var ties: [TieRecord] = []
        /// Sum of every voter's leftover budget.
        var leftoverTotal: Rational = .zero
        /// The largest leftover budget of a voter.
        var leftoverMax: Rational = .zero
        /// Voters left with nothing.
        var votersSpentOut: Int = 0
        /// Every unfunded supported project when the run ended (only when the run records
        /// candidates).
        var finalCandidates: [Candidate] = []
    }

    /// Whether each round finds ``RoundRecord/runnerUp`` (a few more evaluations a round).
    var findsRunnerUp = false

    // Costs as integer numerator and denominator, and the least common denominator of all.
    private let costNumerator: [GMPInteger]
    private let costDenominator: [GMPInteger]
    private let costUnit: GMPInteger

    // Per run: class budgets (pool reused from run to run), the round each is expressed in,
    // the divisor of each round, the current unit denominator D.
    private let classMoney = GMPIntegerList()
    @exclusivity(unchecked) private var classRound: [Int] = []
    @exclusivity(unchecked) private var classCount = 0
    @exclusivity(unchecked) private var roundFactor: [Int] = []
    private let unit = GMPInteger()
    @exclusivity(unchecked) private var classOf: [Int32] = []

    // Per run, approval ballots on one lane (``compactsSupporters``): each project's
    // supporters that still held money when it was last collected, in the profile's order
    // (ascending ballots: the reads of their classes and weights go forward in memory),
    // `liveBallot[supporterStart[p] ..< liveEnd[p]]`; the others have paid everything
    // (class 0, for good in a run). Valid once the project was collected in this run
    // (`listedRun[p] == runNumber`); before, its list is the profile's.
    /// Whether this run keeps ``liveBallot``; decided at the start of each run.
    @exclusivity(unchecked) private var compactsSupporters = false
    /// Counts the runs of this engine.
    @exclusivity(unchecked) private var runNumber = 0
    /// Per project: the run in which its ``liveBallot`` list was last written.
    @exclusivity(unchecked) private var listedRun: [Int] = []
    /// Each project's supporters still holding money, at the start of its range in the
    /// profile's `supporterBallot` (what lies behind ``liveEnd`` is stale).
    @exclusivity(unchecked) private var liveBallot: [Int32] = []
    /// Per project: the end of its supporters that may still hold money.
    @exclusivity(unchecked) private var liveEnd: [Int] = []

    // Per project: the numerator X and rich points U of its last evaluation.
    private let freshExcess: [GMPInteger]
    @exclusivity(unchecked) private var freshPoints: [Int]
    /// Per project: whether its last evaluation had `X = c * D`, no money of poor
    /// supporters counted (then `rho` is `1 / U` or `c / U`, ``rho(_:)``).
    @exclusivity(unchecked) private var freshAllRich: [Bool]

    // Scratch.
    @exclusivity(unchecked) private var accumulator: [Int] = []
    /// The second lane's sums per class (all zero between uses).
    @exclusivity(unchecked) private var laneAccumulator: [Int] = []
    @exclusivity(unchecked) private var touched: [Int32] = []
    @exclusivity(unchecked) private var groups: [Group] = []
    /// The groups of the round's best project so far, as its evaluation left them (the
    /// same groups, in another order), so that funding it need not collect them again:
    /// nothing changes a class between a project's evaluation and the end of its round.
    /// Only on one lane with funding sets and keys (``fundMasked(_:)``).
    @exclusivity(unchecked) private var keptGroups = MaskedGroupBuffer()
    /// The groups of a run on funding sets and keys (``masked``), as ``groups`` of the
    /// others (``MaskedGroupBuffer`` says why not an array of ``Group``).
    @exclusivity(unchecked) private var maskedGroups = MaskedGroupBuffer()
    /// The total weight of the groups collected last on funding sets and keys.
    @exclusivity(unchecked) private var collectedWeight = 0
    /// The project whose groups ``keptGroups`` holds, or -1.
    @exclusivity(unchecked) private var keptGroupsOf = -1
    @exclusivity(unchecked) private var groupIndex: [GroupKey: Int] = [:]
    private let costNow = GMPInteger()
    private let poorMoney = GMPInteger()
    private let excess = GMPInteger()
    private let threshold = GMPInteger()
    @exclusivity(unchecked) private var thresholdLead = GMPIntegerList.Lead()
    /// Each lane's sum of poor budgets in ``passInTwoLanes(live:richPoints:)``.
    private let lanePoorMoney = [GMPInteger(), GMPInteger()]
    private let scratch1 = GMPInteger()
    private let scratch2 = GMPInteger()
    private let largestPayment = GMPInteger()
    private let paidMoney = GMPInteger()

    init(profile: EqualSharesProfile, utility: Utility, ties: TieBreaking) {
        self.profile = profile
        self.utility = utility
        self.ties = ties
        costNumerator = profile.costs.map { GMPInteger(decimal: $0.numeratorString) }
        costDenominator = profile.costs.map { GMPInteger(decimal: $0.denominatorString) }
        costUnit = GMPInteger(decimal: "1")
        for d in costDenominator { costUnit.formLCM(with: d) }
        freshExcess = profile.costs.map { _ in GMPInteger() }
        freshPoints = [Int](repeating: 0, count: profile.projectCount)
        freshAllRich = [Bool](repeating: false, count: profile.projectCount)
        poorCount = .allocate(capacity: profile.projectCount + 1)
        poorCount.initialize(repeating: 0, count: profile.projectCount + 1)
        aliveCount = .allocate(capacity: profile.projectCount + 1)
        aliveCount.initialize(repeating: 0, count: profile.projectCount + 1)
        ballotWeightTotal = profile.ballotWeight.reduce(0) { $0 + Int($1) }
        payNow.reserve(profile.projectCount + 1)
    }

    deinit {
        maskedGroups.free()
        keptGroups.free()
        data.deallocate()
        poorCount.deallocate()
        aliveCount.deallocate()
    }

    /// Runs MES with every voter starting from `share`.
    ///
    /// With ``findsRunnerUp`` and `left` (a run at a smaller share that the add1 loop keeps),
    /// a round evaluates the other projects, beyond the winner, only up to `left`'s winner's
    /// `rho` in the same round, and none once this run's winners differ from `left`'s: a
    /// project whose lower bound exceeds that `rho` can only pass the proof from `left`
    /// (``EqualShares/holds(from:to:ties:affine:)``), and the proof fails anyway once the
    /// winners differ. The round then records ``RoundRecord/runnerUp`` as the least `rho` of
    /// those it evaluated and ``RoundRecord/rivalFloor`` as a lower bound of the rest, which
    /// may be below it; the outcome is the same as without `left`. Those evaluations were
    /// about half the supporter entries an add1 run read.
    ///
    /// - Throws: ``CountError/unresolvedTie(_:_:)`` when the chain cannot separate projects
    ///   with equal `rho`.
    /// - Complexity: per round, the projects re-evaluated times their supporter entries,
    ///   plus the groups' poor/rich passes; O(E) for E ballot entries to fund a project.
    func run(share: Rational, along left: Record? = nil) throws -> Record {
        precondition(share.signum >= 0, "EqualShares: a share is not negative")
        let m = profile.projectCount
        startRun(share: share)
        var record = Record(share: share)
        // Lower bound of rho: every supporter rich, `tau = c / sum of points`.
        var stale = [Rational](repeating: .zero, count: m)
        // Each stale value's `floor(rho * 2^64)`, noted when the value is: the round's sort
        // compares these words and the values themselves only when they are equal (a
        // smaller key means a smaller value), where comparing the values (long fractions,
        // a GMP cross-multiplication each) was about 3% of a Budapest add1 run.
        var staleKey = [FixedPointKey](repeating: FixedPointKey(high: 0, low: 0), count: m)
        var active: [Int] = []
        if !share.isZero { (stale, staleKey, active) = firstBounds }
        var removed = [Bool](repeating: false, count: m)
        // With `left`: whether every round so far funded what `left` funded in it.
        var alongLeft = left != nil
        // add1 runs (findsRunnerUp) are reported by their loop, and may run on two threads.
        var ticker: ProgressTicker? = findsRunnerUp ? nil : ProgressTicker(progress)
        while !active.isEmpty {
            if let callsOff, callsOff() { throw CalledOff() }
            ticker?.tick("mes round \(record.rounds.count + 1), share \(share.decimalString(places: 0))")
            Self.insertionSort(&active, by: stale, staleKey)
            var best: Rational?
            // The fixed-point keys of `best`, `second` and `limit`: comparisons with them go
            // by the keys and compare the values (long fractions) only when the keys are equal.
            var bestKey = FixedPointKey(high: 0, low: 0)
            var secondKey = FixedPointKey(high: 0, low: 0)
            var tied: [Int] = []
            // The least fresh rho after best's (equal to it on a tie): with findsRunnerUp, the
            // loop goes on until the next stale value exceeds it, so it is the runner-up.
            var second: Rational?
            // With findsRunnerUp: every project evaluated fresh this round, and its rho.
            var fresh: [(project: Int, rho: Rational)] = []
            // With findsRunnerUp: rich points of each fresh evaluation; the lower bound of rho
            // (its stale value) of every project the round did not evaluate.
            var freshRich: [Int] = []
            var unevaluatedFloor: Rational?
            var dropped = false
            // With `left`, a proof from it needs this round's other projects only up to its
            // winner's rho there, and none once a winner differs (``run(share:along:)``).
            let round = record.rounds.count
            let limitRound = alongLeft && round < left!.rounds.count ? left!.rounds[round] : nil
            let (limit, limitKey) = (limitRound?.rho, limitRound?.rhoKey ?? FixedPointKey(high: 0, low: 0))
            for p in active {
                if let b = best, Self.order(stale[p], staleKey[p], b, bestKey) > 0 {
                    if !findsRunnerUp { break }
                    if let s = second, Self.order(stale[p], staleKey[p], s, secondKey) > 0 {
                        unevaluatedFloor = stale[p]
                        break
                    }
                    if left != nil && !(limit.map { Self.order(stale[p], staleKey[p], $0, limitKey) <= 0 } ?? false) {
                        unevaluatedFloor = stale[p]
                        break
                    }
                }
                guard masked ? evaluateMasked(p) : evaluate(p) else {
                    removed[p] = true
                    dropped = true
                    continue
                }
                let r = rho(p)
                let rKey = r.fixedPointKey
                stale[p] = r
                staleKey[p] = rKey
                if findsRunnerUp {
                    fresh.append((p, r))
                    freshRich.append(freshPoints[p])
                }
                if let b = best {
                    let c = Self.order(r, rKey, b, bestKey)
                    if c < 0 {
                        (second, secondKey) = (b, bestKey)
                        (best, bestKey) = (r, rKey)
                        tied = [p]
                        keepGroups(of: p)
                    } else if c == 0 {
                        (second, secondKey) = (r, rKey)
                        tied.append(p)
                    } else if second.map({ Self.order(r, rKey, $0, secondKey) < 0 }) ?? true {
                        (second, secondKey) = (r, rKey)
                    }
                } else {
                    (best, bestKey) = (r, rKey)
                    tied = [p]
                    keepGroups(of: p)
                }
            }
            if dropped { active.removeAll { removed[$0] } }
            guard let bestRho = best else { break }
            var winner = tied[0]
            if tied.count > 1 {
                tied.sort()
                let (w, tie) = try ties.breakTie(tied, context: "mes round \(record.rounds.count + 1)")
                winner = w
                record.ties.append(tie)
            }
            var runnerUps: [Int] = []
            if let second {
                // Every project whose rho is `second` was evaluated: its stale value was at most that.
                runnerUps = fresh.filter { $0.project != winner && Rational.compare($0.rho, second) == 0 }.map(\.project)
            }
            // The rivals nearest the winner, exact; everyone else from the next fresh value or
            // the unevaluated projects' stale lower bounds (rho never decreases in a run).
            var rivals: [Rival] = []
            var rivalFloor: Rational?
            var winnerRich = 0
            if findsRunnerUp {
                winnerRich = freshPoints[winner]
                var others = zip(fresh, freshRich).filter { $0.0.project != winner }
                    .map { Rival(project: $0.0.project, rho: $0.0.rho, richPoints: $0.1) }
                others.sort { Rational.compare($0.rho, $1.rho) < 0 }
                // Projects tied with the last one kept are kept too, so the floor is strictly
                // above every recorded rival.
                var kept = min(others.count, Self.rivalCount)
                while kept > 0 && kept < others.count && Rational.compare(others[kept].rho, others[kept - 1].rho) == 0 {
                    kept += 1
                }
                rivals = Array(others.prefix(kept))
                rivalFloor = unevaluatedFloor
                if others.count > kept {
                    let next = others[kept].rho
                    if rivalFloor.map({ next < $0 }) ?? true { rivalFloor = next }
                }
            }
            let candidates = recordsCandidates ? allCandidates(funded: record.funded) : []
            let (paidAll, maxPayment): (Int, Rational?) = masked ? fundMasked(winner) : fund(winner)
            let cost = profile.costs[winner]
            record.funded.append(winner)
            record.cost += cost
            let runnerUp = findsRunnerUp ? second : nil
            let nearest = EqualShares.least(runnerUp, rivalFloor)
            record.rounds.append(RoundRecord(project: winner, rho: bestRho, maxPayment: maxPayment, costUtility: utility == .cost,
                                             paid: cost, paidAll: paidAll, candidates: candidates,
                                             runnerUp: runnerUp, runnerUps: runnerUps,
                                             richPoints: winnerRich, rivals: rivals, rivalFloor: rivalFloor,
                                             nearest: nearest, rhoKey: bestKey,
                                             nearestKey: nearest?.fixedPointKey ?? FixedPointKey(high: 0, low: 0)))
            alongLeft = alongLeft && round < left!.rounds.count && left!.rounds[round].project == winner
            removed[winner] = true
            if let i = active.firstIndex(of: winner) { active.remove(at: i) }
            afterRound?(self)
        }
        if recordsCandidates { record.finalCandidates = allCandidates(funded: record.funded) }
        if masked { summarizeLeftoversMasked(&record) } else { summarizeLeftovers(&record) }
        return record
    }

    /// Every supported project's first lower bound of `rho` (every supporter rich: `tau = c
    /// / sum of points`), its key, and the supported projects sorted by it, stably (ties
    /// in project order): the same for every share, so computed once per engine, not once
    /// per add1 run.
    private lazy var firstBounds: (stale: [Rational], keys: [FixedPointKey], active: [Int]) = {
        let m = profile.projectCount
        var stale = [Rational](repeating: .zero, count: m)
        var keys = [FixedPointKey](repeating: FixedPointKey(high: 0, low: 0), count: m)
        var active: [Int] = []
        for p in 0..<m where profile.isSupported(p) {
            let tau = profile.costs[p] / Rational(Int(profile.totalPoints[p]))
            stale[p] = utility == .cost ? tau / profile.costs[p] : tau
            keys[p] = stale[p].fixedPointKey
            active.append(p)
        }
        // Once per engine: the round's own sort, so that both orders are one definition.
        Self.insertionSort(&active, by: stale, keys)
        return (stale, keys, active)
    }()

    /// Sorts `active` by stale value, stably (the order of the round before is kept among
    /// equal values). Each round's order is the round before's but for the few projects
    /// evaluated since, whose values only grew, and the first round's is sorted already
    /// (``firstBounds``): an insertion sort moves just those. The library's sort, with a
    /// closure call per comparison, was 5% of an add1 count on the generated `corpus_0005`
    /// (about 40 projects, most of it in each run's first round).
    /// - Complexity: O(m) plus, per project out of place, the places it moves (O(m^2) at
    ///   most, for ``firstBounds`` once per engine).
    private static func insertionSort(_ active: inout [Int], by stale: [Rational], _ staleKey: [FixedPointKey]) {
        guard active.count > 1 else { return }
        active.withUnsafeMutableBufferPointer { a in
            staleKey.withUnsafeBufferPointer { keys in
                for i in 1 ..< a.count {
                    let x = a[i]
                    var j = i
                    while j > 0 {
                        let y = a[j - 1]
                        // The values (retained when read) only when the keys are equal.
                        let order = FixedPointKey.order(keys[x], keys[y])
                        guard order != 0 ? order < 0 : stale[x] < stale[y] else { break }
                        a[j] = y
                        j -= 1
                    }
                    a[j] = x
                }
            }
        }
    }

    /// The order of two values (-1, 0, 1) by their fixed-point keys (`floor(x * 2^64)`: a
    /// smaller key means a smaller value), and by the values only when the keys are equal.
    static func order(_ a: Rational, _ aKey: FixedPointKey, _ b: Rational, _ bKey: FixedPointKey) -> Int {
        let byKeys = FixedPointKey.order(aKey, bKey)
        return byKeys != 0 ? byKeys : Rational.compare(a, b)
    }

    /// Every supported project not in `funded`: its supporters' money now and its `rho`.
    ///
    /// - Complexity: one evaluation of every such project.
    private func allCandidates(funded: [Int]) -> [Candidate] {
        var isFunded = [Bool](repeating: false, count: profile.projectCount)
        for p in funded { isFunded[p] = true }
        var out: [Candidate] = []
        let held = GMPInteger()
        for p in 0..<profile.projectCount where !isFunded[p] && profile.isSupported(p) {
            collectGroups(p)
            held.setZero()
            if masked {
                for g in maskedGroups.all {
                    exactBudget(Int(g.cls), into: scratch1)
                    held.add(scratch1, times: g.weight)
                }
            } else {
                for g in groups { held.add(classMoney, Int(g.cls), times: g.weight) }
            }
            let money = GMPInteger.rational(held, over: unit)
            out.append(Candidate(project: p, held: money, rho: (masked ? evaluateMasked(p) : evaluate(p)) ? rho(p) : nil))
        }
        return out
    }

    /// Resets the classes: everyone in class 1 with `share`, `D` = lcd(share, costs).
    private func startRun(share: Rational) {
        let shareNumerator = GMPInteger(), shareDenominator = GMPInteger()
        GMPInteger.set(shareNumerator, shareDenominator, to: share)
        unit.set(costUnit)
        unit.formLCM(with: shareDenominator)
        classMoney.reserve(2)
        classMoney.setZero(0)
        scratch1.set(unit)
        scratch1.divideExactly(by: shareDenominator)
        classMoney.setProduct(1, scratch1, shareNumerator)
        classCount = 2
        classRound = [0, 0]
        keptGroupsOf = -1
        masked = profile.unitPoints && lanes == 1
        if masked {
            maskWords = (profile.projectCount + 64) / 64
            reserveData(2 * (1 + maskWords), keeping: 0)
            data.update(repeating: 0, count: 2 * (1 + maskWords))
            data[1 + maskWords] = 1 << 63
            shareNow.set(classMoney, 1)
            classWeight.removeAll(keepingCapacity: true)
            classWeight.append(contentsOf: [0, share.isZero ? 0 : ballotWeightTotal])
            spentWeight = share.isZero ? ballotWeightTotal : 0
        }
        roundFactor.removeAll(keepingCapacity: true)
        // All zero between uses (each use clears what it wrote), so kept from run to run:
        // filling it anew was a pass over every class of the largest run before.
        if accumulator.count < 2 { accumulator = [0, 0] }
        let startClass: Int32 = share.isZero ? 0 : 1
        classOf = [Int32](repeating: startClass, count: profile.distinctBallotCount)
        compactsSupporters = profile.unitPoints && lanes == 1 && !profile.supporterBallot.isEmpty
            && profile.supporterBallot.count <= compactedEntries
        runNumber += 1
        if compactsSupporters && liveBallot.isEmpty {
            liveBallot = [Int32](repeating: 0, count: profile.supporterBallot.count)
            liveEnd = [Int](repeating: 0, count: profile.projectCount)
            listedRun = [Int](repeating: 0, count: profile.projectCount)
        }
    }

    /// Brings class `c`'s budget to the current round's unit.
    @inline(__always)
    private func bringUpToDate(_ c: Int) {
        let money = classMoney
        roundFactor.withUnsafeBufferPointer { factors in
            classRound.withUnsafeMutableBufferPointer { rounds in
                Self.bringUpToDate(c, money, rounds, factors)
            }
        }
    }

    /// Multiplies class `c`'s budget by the factors of the rounds since `rounds[c]`.
    @inline(__always)
    private static func bringUpToDate(_ c: Int, _ money: GMPIntegerList, _ rounds: UnsafeMutableBufferPointer<Int>,
                                      _ factors: UnsafeBufferPointer<Int>) {
        var r = rounds[c]
        let now = factors.count
        while r < now {
            // Several rounds' factors at once while their product fits in a machine word.
            var factor = factors[r]
            r += 1
            while r < now {
                let (product, overflow) = factor.multipliedReportingOverflow(by: factors[r])
                if overflow { break }
                factor = product
                r += 1
            }
            money.multiply(c, by: factor)
        }
        rounds[c] = now
    }

    /// From how many classes the passes ask for what they will read (``prefetchBudgets(_:_:far:near:)``):
    /// with fewer, everything is in the cache and the hints only cost instructions.
    static let hintedClasses = 1 << 15
    /// ``hintedClasses`` for runs on funding sets and keys, whose sums per class (a word
    /// each) and keys leave the first-level cache from a few thousand classes.
    static let hintedMaskedClasses = 1 << 12

    /// Cache hints for a loop that brings classes' budgets up to date in an order it knows
    /// ahead (classes at random places): the `mpz` header and round of the class `far`
    /// steps ahead, the digits of the one `near` steps ahead (its header has arrived by
    /// then). On random elections nearly every voter is a class of its own, and the loop
    /// waited on each budget in turn (`corpus_1534` add1: `mpn_mul_1` 29% of the time
    /// before, 13% after; the hints change no value).
    @inline(__always)
    private static func prefetchBudgets(_ money: GMPIntegerList, _ rounds: UnsafeMutableBufferPointer<Int>, far: Int?, near: Int?) {
        if let far {
            money.prefetchHeader(far)
            Prefetch.read(UnsafePointer(rounds.baseAddress! + far))
        }
        if let near { money.prefetchForRead(near) }
    }

    /// `c(p) * D` for the current `D`, into ``costNow``.
    private func setCostNow(_ p: Int) {
        scratch1.set(unit)
        scratch1.divideExactly(by: costDenominator[p])
        costNow.setProduct(scratch1, costNumerator[p])
    }

    /// `rho(p)` from its last evaluation: `X / (D * U)`, divided by `c(p)` for cost utility.
    private func rho(_ p: Int) -> Rational {
        if freshAllRich[p] {
            // X = c D: tau = c / U, so rho is 1 / U (cost) or c / U, in lowest terms at once,
            // where the general case reduces a fraction over D (numbers as long as D, and a
            // gcd of them for a value that is most often this small one).
            let u = Rational(freshPoints[p])
            return utility == .cost ? u.reciprocal : profile.costs[p] / u
        }
        let x = freshExcess[p]
        scratch1.setProduct(unit, freshPoints[p])
        if utility == .cost {
            scratch2.setProduct(x, costDenominator[p])
            scratch1.setProduct(scratch1, costNumerator[p])
            return GMPInteger.rational(scratch2, over: scratch1)
        }
        return GMPInteger.rational(x, over: scratch1)
    }

    /// Fills ``groups`` with the supporters of `p` who still hold money, one group per
    /// (class, points), every class brought up to date and its budget's leading digits noted.
    ///
    /// - Complexity: O(S) for the S supporter entries of `p` (only those still holding money
    ///   and the ones found spent since the last call, with ``compactsSupporters``), plus the
    ///   classes brought up to date.
    private func collectGroups(_ p: Int) {
        groups.removeAll(keepingCapacity: true)
        let range = profile.supporters(of: p)
        if profile.unitPoints && lanes > 1 && range.count >= parallelEntries {
            collectGroupsInTwoLanes(range)
        } else if profile.unitPoints {
            collectApprovalGroups(p)
            return
        } else {
            groupIndex.removeAll(keepingCapacity: true)
            for k in range {
                let j = Int(profile.supporterBallot[k])
                let c = classOf[j]
                if c == 0 { continue }
                let key = GroupKey(cls: c, points: profile.supporterPoints[k])
                if let g = groupIndex[key] {
                    groups[g].weight += Int(profile.ballotWeight[j])
                } else {
                    groupIndex[key] = groups.count
                    groups.append(Group(cls: c, points: Int(key.points), weight: Int(profile.ballotWeight[j])))
                }
            }
        }
        prepareGroups()
    }

    /// ``collectGroups(_:)`` for approval ballots on one lane: sums the weights per class,
    /// then brings each class found up to date and notes its leading digits in the same
    /// loop. With ``compactsSupporters``, the supporters still holding money are written to
    /// `p`'s own list (from the profile's at its first collection in a run, then in place),
    /// so a spent one (class 0) is not read again in this run.
    ///
    /// The hottest loop of a count, so hand-written: plain pointers, no bounds checks,
    /// reference counting or exclusivity checks (the scratch arrays are moved into locals
    /// meanwhile).
    private func collectApprovalGroups(_ p: Int) {
        let range = profile.supporters(of: p)
        let compacts = compactsSupporters
        // From the profile's list at p's first collection in this run, else from its own.
        let first = compacts && listedRun[p] != runNumber
        let end = compacts && !first ? liveEnd[p] : range.upperBound
        var kept = range.lowerBound
        // Each class is found at most once: `touched` has room for every class, so the
        // loop writes through a pointer (an append would check uniqueness every time).
        if touched.count < classCount { touched = [Int32](repeating: 0, count: max(classCount, 2 * touched.count)) }
        var found: [Int32] = []
        swap(&found, &touched)
        var collected: [Group] = []
        swap(&collected, &groups)
        var own: [Int32] = []
        swap(&own, &liveBallot)
        let money = classMoney
        let now = roundFactor.count
        let hints = classCount >= (masked ? Self.hintedMaskedClasses : Self.hintedClasses)
        profile.supporterBallot.withUnsafeBufferPointer { shared in
            own.withUnsafeMutableBufferPointer { own in
                found.withUnsafeMutableBufferPointer { found in
                    profile.ballotWeight.withUnsafeBufferPointer { weights in
                        classOf.withUnsafeBufferPointer { classes in
                            accumulator.withUnsafeMutableBufferPointer { sums in
                                var n = 0
                                // Writes at `kept <= k`: reading and writing the same list is safe.
                                let source = compacts && !first ? UnsafePointer(own.baseAddress!) : shared.baseAddress!
                                let lists = (source, own.baseAddress, classes.baseAddress!, weights.baseAddress!, sums.baseAddress!, found.baseAddress!)
                                // A copy of the loop for each pair of flags: with a test of `hints` per
                                // entry, the count of classes found was kept on the stack (no free register).
                                switch (compacts, hints) {
                                case (true, true): (kept, n) = Self.sumByClass(range.lowerBound ..< end, lists, hints: true, compacts: true)
                                case (true, false): (kept, n) = Self.sumByClass(range.lowerBound ..< end, lists, hints: false, compacts: true)
                                case (false, true): (kept, n) = Self.sumByClass(range.lowerBound ..< end, lists, hints: true, compacts: false)
                                case (false, false): (kept, n) = Self.sumByClass(range.lowerBound ..< end, lists, hints: false, compacts: false)
                                }
                                // No group: the empty array itself. Asked for zero capacity, the
                                // initializer hands out the shared empty array's storage and writes
                                // its count there, a write that ThreadSanitizer reports as a race
                                // between two runs on two threads (the same 0 each time, but a
                                // write to shared memory all the same).
                                if masked {
                                    let stride = 1 + maskWords
                                    maskedGroups.makeRoom(n)
                                    let out = maskedGroups.base
                                    let data = UnsafePointer(self.data)
                                    var total = 0
                                    for g in 0 ..< n {
                                        if hints && g + 8 < n { Prefetch.read(data + Int(found[g + 8]) * stride) }
                                        let i = Int(found[g])
                                        total &+= sums[i]
                                        (out + g).initialize(to: MaskedGroupBuffer.Group(key: data[i * stride], weight: sums[i], cls: found[g]))
                                        sums[i] = 0
                                    }
                                    maskedGroups.count = n
                                    collectedWeight = total
                                    return
                                }
                                collected = n == 0 ? [] : [Group](unsafeUninitializedCapacity: n) { out, count in
                                    roundFactor.withUnsafeBufferPointer { factors in
                                        classRound.withUnsafeMutableBufferPointer { rounds in
                                            for g in 0 ..< n {
                                                if hints {
                                                    Self.prefetchBudgets(money, rounds, far: g + 16 < n ? Int(found[g + 16]) : nil,
                                                                         near: g + 8 < n ? Int(found[g + 8]) : nil)
                                                }
                                                let i = Int(found[g])
                                                if rounds[i] < now { Self.bringUpToDate(i, money, rounds, factors) }
                                                (out.baseAddress! + g).initialize(to: Group(cls: found[g], points: 1, weight: sums[i], lead: money.lead(i)))
                                                sums[i] = 0
                                            }
                                        }
                                    }
                                    count = n
                                }
                            }
                        }
                    }
                }
            }
        }
        if compacts {
            liveEnd[p] = kept
            listedRun[p] = runNumber
        }
        swap(&found, &touched)
        swap(&collected, &groups)
        swap(&own, &liveBallot)
    }

    /// The loop of ``collectApprovalGroups(_:)``: for the entries `range` of `source`, adds
    /// each ballot's weight to its class's sum and lists each class found once; with
    /// `compacts`, also writes the ballots still holding money to `own` from
    /// `range.lowerBound` on (`own` is then not `nil`).
    ///
    /// - Returns: the end of the ballots written, and the number of classes found.
    @inline(__always)
    private static func sumByClass(
        _ range: Range<Int>,
        _ lists: (source: UnsafePointer<Int32>, own: UnsafeMutablePointer<Int32>?, classes: UnsafePointer<Int32>,
                  weights: UnsafePointer<UInt32>, sums: UnsafeMutablePointer<Int>, found: UnsafeMutablePointer<Int32>),
        hints: Bool, compacts: Bool
    ) -> (kept: Int, found: Int) {
        let (source, own, classes, weights, sums, found) = lists
        // Pointers that advance rather than bases and counts: the loop then fits in the
        // registers (with a count of classes found and one of ballots kept, the first was
        // stored and loaded again at every entry, a chain the loop waited on).
        var next = source + range.lowerBound
        let end = source + range.upperBound
        var write = own.map { $0 + range.lowerBound }
        var out = found
        while next < end {
            // The running sum of the class 8 entries ahead, at a random place.
            if hints && next + 8 < end { Prefetch.write(sums + Int(classes[Int(next[8])])) }
            let j = Int(next.pointee)
            next += 1
            let c = Int(classes[j])
            if c == 0 { continue }
            if compacts {
                write.unsafelyUnwrapped.pointee = Int32(truncatingIfNeeded: j)
                write = write.unsafelyUnwrapped + 1
            }
            // No branch on whether the class is new (about one entry in six starts a class,
            // unpredictably): a mispredicted branch costs more than the store.
            let sum = sums[c]
            out.pointee = Int32(truncatingIfNeeded: c)
            out += sum == 0 ? 1 : 0
            sums[c] = sum &+ Int(weights[j])
        }
        let kept = compacts ? write.unsafelyUnwrapped - own.unsafelyUnwrapped : range.lowerBound
        return (kept, out - found)
    }

    /// Brings every group's class to the current unit and notes its budget's leading digits.
    private func prepareGroups() {
        let lanes = self.lanes > 1 && groups.count >= parallelGroups ? 2 : 1
        roundFactor.withUnsafeBufferPointer { factors in
            classRound.withUnsafeMutableBufferPointer { rounds in
                groups.withUnsafeMutableBufferPointer { all in
                    // No two groups share a class: the lanes update disjoint budgets.
                    nonisolated(unsafe) let (money, factors, rounds, all) = (classMoney, factors, rounds, all)
                    let now = factors.count
                    let hints = classCount >= Self.hintedClasses
                    Self.inLanes(lanes) { lane in
                        let half = all.count / 2
                        let part = lanes == 1 ? 0 ..< all.count : (lane == 0 ? 0 ..< half : half ..< all.count)
                        for i in part {
                            if hints {
                                Self.prefetchBudgets(money, rounds, far: i + 16 < part.upperBound ? Int(all[i + 16].cls) : nil,
                                                     near: i + 8 < part.upperBound ? Int(all[i + 8].cls) : nil)
                            }
                            let c = Int(all[i].cls)
                            if rounds[c] < now { Self.bringUpToDate(c, money, rounds, factors) }
                            all[i].lead = money.lead(c)
                        }
                    }
                }
            }
        }
    }

    /// One poor/rich pass over `groups[0 ..< live]` (unit points) split in two halves: each
    /// lane moves its half's poor groups to the end of the half and sums their budgets;
    /// then the rich groups are gathered at the front (their order does not matter: which
    /// groups are poor at a given `tau` does not depend on it). Adds to ``poorMoney``.
    ///
    /// - Returns: the number of rich groups, and whether any group turned out poor.
    private func passInTwoLanes(live: Int, richPoints: inout Int) -> (live: Int, moved: Bool) {
        let half = live / 2
        var kept = (0, 0)
        var dropped = (0, 0)
        lanePoorMoney[0].setZero()
        lanePoorMoney[1].setZero()
        groups.withUnsafeMutableBufferPointer { all in
            withUnsafeMutablePointer(to: &kept) { kept in
                withUnsafeMutablePointer(to: &dropped) { dropped in
                    // Each lane reorders only its own half and writes only its own sums.
                    nonisolated(unsafe) let (all, kept, dropped) = (all, kept, dropped)
                    nonisolated(unsafe) let (money, threshold, sums) = (classMoney, threshold, lanePoorMoney)
                    let thresholdLead = self.thresholdLead
                    Self.inLanes(2) { lane in
                        let from = lane == 0 ? 0 : half
                        var end = lane == 0 ? half : live
                        var points = 0
                        var i = from
                        while i < end {
                            let g = all[i]
                            let order = GMPIntegerList.Lead.compare(g.lead, thresholdLead)
                            if order != 0 ? order < 0 : money.compare(Int(g.cls), threshold) <= 0 {
                                sums[lane].add(money, Int(g.cls), times: g.weight)
                                points += g.weight
                                end -= 1
                                all.swapAt(i, end)
                            } else {
                                i += 1
                            }
                        }
                        if lane == 0 {
                            kept.pointee.0 = end
                            dropped.pointee.0 = points
                        } else {
                            kept.pointee.1 = end - half
                            dropped.pointee.1 = points
                        }
                    }
                    // Rich groups are all[0 ..< kept.0] and all[half ..< half + kept.1]: fill
                    // the gap after the first with the last of the second.
                    let gap = half - kept.pointee.0
                    let moving = min(gap, kept.pointee.1)
                    for k in 0 ..< moving {
                        all.swapAt(kept.pointee.0 + k, half + kept.pointee.1 - moving + k)
                    }
                }
            }
        }
        poorMoney.add(lanePoorMoney[0], times: 1)
        poorMoney.add(lanePoorMoney[1], times: 1)
        richPoints -= dropped.0 + dropped.1
        return (kept.0 + kept.1, dropped.0 + dropped.1 > 0)
    }

    /// Runs `body(0)`, or `body(0)` and `body(1)` on two threads.
    @inline(__always)
    private static func inLanes(_ lanes: Int, _ body: @Sendable (Int) -> Void) {
        if lanes == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: lanes, execute: body) }
    }


    /// ``collectGroups(_:)`` for unit points with the entries split in two halves, each
    /// summed per class by its own lane; the groups come out in the order one pass finds
    /// them (classes of the first half in order of appearance, then the second half's new ones).
    private func collectGroupsInTwoLanes(_ range: Range<Int>) {
        let mid = range.lowerBound + range.count / 2
        if laneAccumulator.count < accumulator.count {
            laneAccumulator = [Int](repeating: 0, count: max(accumulator.count, 2 * laneAccumulator.count))
        }
        // A lane finds each class at most once.
        let capacity = min(classCount, mid - range.lowerBound + 1)
        let found = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * capacity)
        defer { found.deallocate() }
        var foundCount = (0, 0)
        groups.removeAll(keepingCapacity: true)
        var collected: [Group] = []
        swap(&collected, &groups)
        profile.supporterBallot.withUnsafeBufferPointer { ballots in
            profile.ballotWeight.withUnsafeBufferPointer { weights in
                classOf.withUnsafeBufferPointer { classes in
                    accumulator.withUnsafeMutableBufferPointer { first in
                        laneAccumulator.withUnsafeMutableBufferPointer { second in
                            withUnsafeMutablePointer(to: &foundCount) { counts in
                                // Each lane writes only its own sums, its own half of `found` and its own count.
                                nonisolated(unsafe) let (ballots, weights, classes) = (ballots, weights, classes)
                                nonisolated(unsafe) let (first, second, found, counts) = (first, second, found, counts)
                                DispatchQueue.concurrentPerform(iterations: 2) { lane in
                                    let sums = lane == 0 ? first : second
                                    let part = lane == 0 ? range.lowerBound ..< mid : mid ..< range.upperBound
                                    let out = found.baseAddress! + lane * capacity
                                    var n = 0
                                    for k in part {
                                        if k + 8 < part.upperBound { Prefetch.write(sums.baseAddress! + Int(classes[Int(ballots[k + 8])])) }
                                        let j = Int(ballots[k])
                                        let c = Int(classes[j])
                                        if c == 0 { continue }
                                        if sums[c] == 0 {
                                            out[n] = Int32(c)
                                            n += 1
                                        }
                                        sums[c] += Int(weights[j])
                                    }
                                    if lane == 0 { counts.pointee.0 = n } else { counts.pointee.1 = n }
                                }
                                for c in found[0 ..< counts.pointee.0] {
                                    collected.append(Group(cls: c, points: 1, weight: first[Int(c)] + second[Int(c)]))
                                    first[Int(c)] = 0
                                    second[Int(c)] = 0
                                }
                                for c in found[capacity ..< capacity + counts.pointee.1] where second[Int(c)] != 0 {
                                    collected.append(Group(cls: c, points: 1, weight: second[Int(c)]))
                                    second[Int(c)] = 0
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&collected, &groups)
    }

    /// Whether a group holding `money` (over `D`) cannot pay `X * w / (D * U)` in full:
    /// `money * U < X * w`. With unit points, after ``setThreshold(richPoints:)`` for the
    /// same `X` and `U`: `money <= floor((X - 1) / U)`.
    @inline(__always)
    private func isPoor(_ g: Group, richPoints u: Int, thresholdLead: GMPIntegerList.Lead) -> Bool {
        let c = Int(g.cls)
        let w = g.points
        if profile.unitPoints {
            let order = GMPIntegerList.Lead.compare(g.lead, thresholdLead)
            return order != 0 ? order < 0 : classMoney.compare(c, threshold) <= 0
        }
        scratch1.setProduct(classMoney, c, u)
        if w == 1 { return GMPInteger.compare(scratch1, excess) < 0 }
        scratch2.setProduct(excess, w)
        return GMPInteger.compare(scratch1, scratch2) < 0
    }

    /// `floor((X - 1) / U)` into ``threshold`` (unit points only).
    @inline(__always)
    private func setThreshold(richPoints u: Int) {
        if profile.unitPoints {
            threshold.setLargestBelow(excess, dividedBy: u)
            thresholdLead = threshold.lead
        }
    }

    /// Finds the payment per point of `p`, `tau = X / (D * U)`: the smallest `tau` with
    /// `sum over supporters of min(b_i, tau * w_i(p)) = c(p)`; stores `X` and `U`.
    ///
    /// - Returns: `false` when the supporters' money does not reach `c(p)`.
    /// - Complexity: O(k) per pass for k groups, at most three passes, then O(k log k).
    private func evaluate(_ p: Int) -> Bool {
        collectGroups(p)
        setCostNow(p)
        var richPoints = 0
        for g in groups { richPoints += g.weight * g.points }
        poorMoney.setZero()
        var live = groups.count
        // Poor/rich passes: whoever cannot pay at the current tau cannot pay at the final
        // one either (tau only grows as poor supporters drop out). After three, passes go
        // on only while each drops at least an eighth of the groups left (their costs then
        // sum to O(k)); else sort and peel. Sorting is the slower way on large lists: each
        // comparison reads two budgets at random places.
        var passes = 0
        while true {
            if richPoints == 0 { return false }
            let before = live
            excess.setDifference(costNow, poorMoney)
            // This pass's tau is X / (D * passPoints), whoever drops out during the pass.
            let passPoints = richPoints
            setThreshold(richPoints: passPoints)
            var moved = false
            var i = 0
            if profile.unitPoints && lanes > 1 && live >= parallelGroups {
                (live, moved) = passInTwoLanes(live: live, richPoints: &richPoints)
                i = live
            }
            if i < live {
                // On the buffer: no exclusivity or uniqueness check per group.
                let lead = thresholdLead
                groups.withUnsafeMutableBufferPointer { all in
                    while i < live {
                        let g = all[i]
                        if isPoor(g, richPoints: passPoints, thresholdLead: lead) {
                            poorMoney.add(classMoney, Int(g.cls), times: g.weight)
                            richPoints -= g.weight * g.points
                            live -= 1
                            all.swapAt(i, live)
                            moved = true
                        } else {
                            i += 1
                        }
                    }
                }
            }
            if !moved {
                return keepFresh(p, richPoints: richPoints)
            }
            passes += 1
            if passes >= 3 && (before - live) * 8 < before { break }
        }
        // Sort-and-peel over the groups left, poorest per point first.
        let moneyOf = classMoney
        let (a, b) = (scratch1, scratch2)
        groups[0..<live].sort { x, y in
            if x.points == y.points {
                let order = GMPIntegerList.Lead.compare(x.lead, y.lead)
                return order != 0 ? order < 0 : moneyOf.compare(Int(x.cls), Int(y.cls)) < 0
            }
            a.setProduct(moneyOf, Int(x.cls), y.points)
            b.setProduct(moneyOf, Int(y.cls), x.points)
            return GMPInteger.compare(a, b) < 0
        }
        for i in 0..<live {
            if richPoints == 0 { return false }
            excess.setDifference(costNow, poorMoney)
            setThreshold(richPoints: richPoints)
            let g = groups[i]
            if !isPoor(g, richPoints: richPoints, thresholdLead: thresholdLead) {
                return keepFresh(p, richPoints: richPoints)
            }
            poorMoney.add(moneyOf, Int(g.cls), times: g.weight)
            richPoints -= g.weight * g.points
        }
        return false
    }

    /// Notes `p`'s evaluation, its excess and rich points, for its `rho` and its funding.
    ///
    /// - Returns: `true` (the project is affordable).
    private func keepFresh(_ p: Int, richPoints: Int) -> Bool {
        freshExcess[p].set(excess)
        freshPoints[p] = richPoints
        freshAllRich[p] = GMPInteger.compare(excess, costNow) == 0
        return true
    }

    /// Charges the supporters of `q` at its last evaluation's `tau` and moves them to new
    /// classes; `D` is multiplied by the rich points `U`.
    ///
    /// - Returns: how many paid all they had, and the largest payment.
    private func fund(_ q: Int) -> (paidAll: Int, maxPayment: Rational) {
        collectGroups(q)
        let u = freshPoints[q]
        let x = freshExcess[q]
        setCostNow(q)
        paidMoney.setZero()
        largestPayment.setZero()
        var paidAll = 0
        let newRound = roundFactor.count + 1
        // The groups as a local array meanwhile: no exclusivity check per access.
        var paying: [Group] = []
        swap(&paying, &groups)
        // Room for a new class per group before the loop, and the rounds array as a local
        // meanwhile: growing and writing the engine's arrays inside it cost an exclusivity
        // check per group (4% of an add1 run on a generated corpus file).
        let needed = classCount + paying.count
        classMoney.reserve(needed)
        if accumulator.count < needed { accumulator.append(contentsOf: repeatElement(0, count: needed - accumulator.count)) }
        var rounds: [Int] = []
        swap(&rounds, &classRound)
        if rounds.count < needed { rounds.append(contentsOf: repeatElement(0, count: needed - rounds.count)) }
        var next = classCount
        for g in paying.indices {
            let w = paying[g].points
            // Over the new unit D * U: the budget is money * U, the amount due X * w.
            // (No local reference to `x` or a scratch value: each would be retained and
            // released per group.)
            scratch1.setProduct(classMoney, Int(paying[g].cls), u)
            if w != 1 { scratch2.setProduct(x, w) }
            let order = w == 1 ? GMPInteger.compare(scratch1, x) : GMPInteger.compare(scratch1, scratch2)
            if order <= 0 {
                addPayment(scratch1, times: paying[g].weight)
                paidAll += paying[g].weight
                paying[g].newClass = 0
            } else {
                let c = next
                next += 1
                // The digits of the class made 4 groups from now, last written runs ago
                // (`mpz_sub` waited on them: 15% of `corpus_1534`'s add1, 3% with the hint).
                classMoney.prefetchForWrite(c + 4)
                if w == 1 {
                    classMoney.setDifference(c, scratch1, x)
                    addPayment(x, times: paying[g].weight)
                } else {
                    classMoney.setDifference(c, scratch1, scratch2)
                    addPayment(scratch2, times: paying[g].weight)
                }
                rounds[c] = newRound
                paying[g].newClass = Int32(c)
            }
        }
        classCount = next
        swap(&rounds, &classRound)
        swap(&paying, &groups)
        scratch1.setProduct(costNow, u)
        precondition(GMPInteger.compare(paidMoney, scratch1) == 0,
                     "EqualShares: payments for a funded project must sum to its cost (project \(q))")
        if profile.unitPoints {
            moveApprovalSupporters(of: q)
        } else {
            for k in profile.supporters(of: q) {
                let j = Int(profile.supporterBallot[k])
                let c = classOf[j]
                if c == 0 { continue }
                guard let g = groupIndex[GroupKey(cls: c, points: profile.supporterPoints[k])] else {
                    preconditionFailure("EqualShares: every supporter with money belongs to a group of the funded project")
                }
                classOf[j] = groups[g].newClass
            }
        }
        roundFactor.append(u)
        unit.multiply(by: u)
        return (paidAll, GMPInteger.rational(largestPayment, over: unit))
    }

    /// Moves the supporters of `q` (approval ballots) to the classes its funding gave their
    /// groups (``Group/newClass``), in two lanes on long lists.
    private func moveApprovalSupporters(of q: Int) {
        // Only q's supporters still holding money move (collectGroups just put them first).
        let range = compactsSupporters ? profile.supporterStart[q] ..< liveEnd[q] : profile.supporters(of: q)
        let list = compactsSupporters ? liveBallot : profile.supporterBallot
        // accumulator doubles as the class map here; it is zero again afterwards.
        list.withUnsafeBufferPointer { ballots in
            classOf.withUnsafeMutableBufferPointer { classes in
                accumulator.withUnsafeMutableBufferPointer { map in
                    forEachFundedGroup { from, to in map[from] = to + 1 }
                    // A ballot appears once among q's supporters: lanes write disjoint entries.
                    let lanes = self.lanes > 1 && range.count >= parallelEntries ? 2 : 1
                    nonisolated(unsafe) let (ballots, classes, map) = (ballots, classes, map)
                    // One lane (every add1 run) calls the loop directly: Dispatch's machinery
                    // and the closure's context were 1.7% of an add1 count on corpus_0005.
                    Self.inLanes(lanes) { lane in
                        let mid = range.lowerBound + range.count / 2
                        let part = lanes == 1 ? range : (lane == 0 ? range.lowerBound ..< mid : mid ..< range.upperBound)
                        for k in part {
                            let j = Int(ballots[k])
                            let c = Int(classes[j])
                            if c == 0 { continue }
                            classes[j] = Int32(map[c] - 1)
                        }
                    }
                    forEachFundedGroup { from, _ in map[from] = 0 }
                }
            }
        }
    }

    /// Calls `body` with the class of each group just funded and the class its voters move to.
    @inline(__always)
    private func forEachFundedGroup(_ body: (_ from: Int, _ to: Int) -> Void) {
        if masked {
            for g in maskedGroups.all { body(Int(g.cls), Int(g.newClass)) }
        } else {
            for g in groups { body(Int(g.cls), Int(g.newClass)) }
        }
    }

    /// For tests: the supporter ballots of `p` that the next pass over them reads (the
    /// profile's list when the run does not compact or has not collected `p` yet).
    func liveSupporters(of p: Int) -> [Int32] {
        let range = profile.supporters(of: p)
        guard compactsSupporters && listedRun[p] == runNumber else { return Array(profile.supporterBallot[range]) }
        return Array(liveBallot[range.lowerBound ..< liveEnd[p]])
    }

    /// For tests: the budget class that distinct ballot `j` is in now (0: spent).
    func budgetClass(ofBallot j: Int) -> Int32 { classOf[j] }

    /// For tests: the (class, weight) groups of `p`'s supporters as an evaluation collects them.
    func collectedGroups(of p: Int) -> [(cls: Int32, weight: Int)] {
        collectGroups(p)
        if masked { return maskedGroups.all.map { ($0.cls, $0.weight) } }
        return groups.map { ($0.cls, $0.weight) }
    }

    /// Adds `weight` payments of `payment` to ``paidMoney`` and keeps the largest payment.
    @inline(__always)
    private func addPayment(_ payment: GMPInteger, times weight: Int) {
        paidMoney.add(payment, times: weight)
        if GMPInteger.compare(payment, largestPayment) > 0 { largestPayment.set(payment) }
    }

    /// Leftover totals over all voters, checked against what was handed out and spent.
    ///
    /// - Complexity: O(classes) additions and comparisons, O(rounds) multiplications.
    private func summarizeLeftovers(_ record: inout Record) {
        var weightOf = [Int](repeating: 0, count: classCount)
        for j in 0..<profile.distinctBallotCount { weightOf[Int(classOf[j])] += Int(profile.ballotWeight[j]) }
        // Budgets kept over the unit of the same round add and compare as they are: sum and
        // find the largest per round, then bring the per-round sums up to date by Horner's
        // rule and only the per-round largest budgets, not every class (hundreds of
        // thousands of them on large elections, each behind by dozens of rounds).
        let rounds = roundFactor.count
        let sums = (0...rounds).map { _ in GMPInteger() }
        var largestOf = [Int](repeating: 0, count: rounds + 1)  // 0: none yet
        for c in 1..<classCount where weightOf[c] > 0 {
            let r = classRound[c]
            sums[r].add(classMoney, c, times: weightOf[c])
            if largestOf[r] == 0 || classMoney.compare(c, largestOf[r]) > 0 { largestOf[r] = c }
        }
        let total = GMPInteger()
        for r in 0...rounds {
            if r > 0 { total.multiply(by: roundFactor[r - 1]) }
            total.add(sums[r], times: 1)
        }
        let most = GMPInteger()
        for c in largestOf where c != 0 {
            bringUpToDate(c)
            if classMoney.compare(c, most) > 0 { most.set(classMoney, c) }
        }
        let leftover = GMPInteger.rational(total, over: unit) + record.share * Rational(profile.idleVoterCount)
        var largest = GMPInteger.rational(most, over: unit)
        if profile.idleVoterCount > 0 && record.share > largest { largest = record.share }
        precondition(leftover + record.cost == record.share * Rational(profile.voterCount),
                     "EqualShares: leftover budgets plus spending must equal the shares handed out")
        record.leftoverTotal = leftover
        record.leftoverMax = largest
        record.votersSpentOut = weightOf[0]
    }

    // MARK: Budget classes as funding sets and keys (approval ballots, one lane)
    //
    // A class's budget is `s - the payments of the fundings it paid in as a rich supporter`
    // (a poor supporter pays everything and leaves for class 0), so a class is stored as
    // that set of fundings (a bit mask) and a key: its budget as a fraction of the share in
    // 63-bit fixed point, from below, off by less than ``keySlack``. Keys further apart than
    // the slack decide a comparison; closer ones form the budgets (``exactBudget(_:into:)``).
    // A sum of budgets is a count of weight per funding, combined with the fundings'
    // payments once (``poorMoneyFromCounts()``). No budget digits are read or written per
    // class: on random ballots, where nearly every voter is a class of its own, bringing
    // GMP budgets up to date and reading them was half of an add1 run. Hand-written over
    // raw memory because these loops run per group of every evaluation.

    @exclusivity(unchecked) private var masked = false
    @exclusivity(unchecked) private var maskWords = 1
    /// Per class: the key, then `maskWords` words of the set of fundings it paid in (raw
    /// memory: the hot loops read and write it with no exclusivity or uniqueness check).
    @exclusivity(unchecked) private var data: UnsafeMutablePointer<UInt64> = {
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 16)
        words.initialize(repeating: 0, count: 16)
        return words
    }()
    @exclusivity(unchecked) private var dataCapacity = 16
    /// Makes room for `n` words of ``data`` (new words 0).
    private func reserveData(_ n: Int, keeping used: Int) {
        guard n > dataCapacity else { return }
        let grown = max(n, 2 * dataCapacity)
        let moved = UnsafeMutablePointer<UInt64>.allocate(capacity: grown)
        moved.initialize(from: data, count: used)
        (moved + used).initialize(repeating: 0, count: grown - used)
        data.deallocate()
        data = moved
        dataCapacity = grown
    }
    /// Per funding: the payment of each rich supporter, over the current unit `D`.
    private let payNow = GMPIntegerList()
    /// The share over the current unit `D`.
    private let shareNow = GMPInteger()
    @exclusivity(unchecked) private var thresholdKeyM: UInt64 = 0
    /// Poor weight and, per funding, the poor weight that paid in it.
    @exclusivity(unchecked) private var poorWeight = 0
    private let poorCount: UnsafeMutablePointer<Int>
    /// Per funding: the weight of the voters who paid in it as rich supporters and still
    /// hold money (kept up to date by each funding, for the leftovers at the end of a run).
    private let aliveCount: UnsafeMutablePointer<Int>
    /// Per class: the weight of its voters (0 once they all moved on).
    @exclusivity(unchecked) private var classWeight: [Int] = []
    /// The weight of the voters who paid all they had (class 0).
    @exclusivity(unchecked) private var spentWeight = 0
    private let ballotWeightTotal: Int
    private let keyScratch = GMPInteger()
    private let fundThreshold = GMPInteger()
    private var keySlack: UInt64 { UInt64(roundFactor.count + 2) }
    /// For tests: how many comparisons the keys left to the budgets themselves.
    @exclusivity(unchecked) private(set) var exactComparisons = 0
    /// How many poorest groups an evaluation on funding sets peels one by one (a pass over
    /// its groups each) before it sorts them (fewer in tests, to take the sort).
    var peelsBeforeSort = 4
    /// For tests: groups peeled one by one after the passes, and evaluations that sorted.
    @exclusivity(unchecked) private(set) var peeledOneByOne = 0
    @exclusivity(unchecked) private(set) var sortedEvaluations = 0

    /// Class `c`'s budget over the current unit.
    private func exactBudget(_ c: Int, into out: GMPInteger) {
        out.set(shareNow)
        let base = c * (1 + maskWords) + 1
        for w in 0 ..< maskWords {
            var bits = data[base + w]
            while bits != 0 {
                let t = bits.trailingZeroBitCount
                bits &= bits &- 1
                __gmpz_sub(out.value, out.value, payNow[w * 64 + t])
            }
        }
    }

    /// Adds `weight` to the poor count of every funding class `c` paid in (the first
    /// `words` words of its mask: the others are still empty).
    @inline(__always)
    private static func countPoor(_ c: Int, times weight: Int, data: UnsafePointer<UInt64>, stride: Int, words: Int,
                                  counts: UnsafeMutablePointer<Int>) {
        let base = data + (c &* stride &+ 1)
        for w in 0 ..< words {
            var bits = base[w]
            while bits != 0 {
                let t = bits.trailingZeroBitCount
                bits &= bits &- 1
                counts[w &* 64 &+ t] &+= weight
            }
        }
    }

    private func clearPoorCounts() {
        poorWeight = 0
        for f in 0 ..< roundFactor.count { poorCount[f] = 0 }
    }

    /// ``poorMoney`` from the poor weights per funding.
    private func poorMoneyFromCounts() {
        poorMoney.setProduct(shareNow, poorWeight)
        for f in 0 ..< roundFactor.count where poorCount[f] != 0 {
            __gmpz_submul_ui(poorMoney.value, payNow[f], UInt(poorCount[f]))
        }
    }

    /// Whether a budget whose key is `key` is at most an amount whose key (rounded down) is
    /// `limit`: `nil` when the keys are within `slack` and the budgets must decide.
    @inline(__always)
    private static func atMost(_ key: UInt64, _ limit: UInt64, slack: UInt64) -> Bool? {
        if key > limit { return false }
        if key + slack <= limit { return true }
        return nil
    }

    @inline(__always)
    private func isPoorMasked(_ g: MaskedGroupBuffer.Group) -> Bool {
        Self.atMost(g.key, thresholdKeyM, slack: keySlack) ?? isPoorExactly(g)
    }

    /// The exact side of ``isPoorMasked(_:)``, when the keys are too close.
    @inline(never)
    private func isPoorExactly(_ g: MaskedGroupBuffer.Group) -> Bool {
        exactComparisons += 1
        exactBudget(Int(g.cls), into: keyScratch)
        return GMPInteger.compare(keyScratch, threshold) <= 0
    }

    private func setThresholdMasked(richPoints u: Int) {
        threshold.setLargestBelow(excess, dividedBy: u)
        thresholdKeyM = threshold.signum < 0 ? 0 : keyScratch.fixedPoint63(threshold, over: shareNow, roundingUp: false)
    }

    private func evaluateMasked(_ p: Int) -> Bool {
        collectGroups(p)
        setCostNow(p)
        var richPoints = collectedWeight
        clearPoorCounts()
        poorMoney.setZero()
        let groups = maskedGroups.all
        var live = groups.count
        var passes = 0
        while true {
            if richPoints == 0 { return false }
            let before = live
            poorMoneyFromCounts()
            excess.setDifference(costNow, poorMoney)
            setThresholdMasked(richPoints: richPoints)
            var moved = false
            var i = 0
            // Only the mask words that fundings so far have used.
            let (thresholdKey, slack, words) = (thresholdKeyM, keySlack, (roundFactor.count + 63) / 64)
            let (data, counts, stride) = (UnsafePointer(self.data), poorCount, 1 + maskWords)
            var weight = poorWeight
            var rich = richPoints
            var left = live
            while i < left {
                let g = groups[i]
                let poor = Self.atMost(g.key, thresholdKey, slack: slack) ?? isPoorExactly(g)
                if poor {
                    Self.countPoor(Int(g.cls), times: g.weight, data: data, stride: stride, words: words, counts: counts)
                    weight &+= g.weight
                    rich &-= g.weight
                    left &-= 1
                    groups[i] = groups[left]
                    groups[left] = g
                    moved = true
                } else {
                    i &+= 1
                }
            }
            poorWeight = weight
            richPoints = rich
            live = left
            if !moved {
                return keepFresh(p, richPoints: richPoints)
            }
            passes += 1
            if passes >= 3 && (before - live) * 8 < before { break }
        }
        poorMoneyFromCounts()
        let slack = keySlack
        // Peel the group with the least key while it is poor, a few times, before sorting:
        // the passes stop here when only a few groups turn poor a pass, and most often none
        // is left (a sort found 0.1 to 0.3 groups to peel on average on Budapest 2024 and
        // the generated corpus, yet was a sixth of a run there). A group poor at the
        // current threshold is poor at every later one (the threshold only rises as poor
        // groups leave), so the order of the peel does not change the poor set.
        for _ in 0 ..< peelsBeforeSort {
            if richPoints == 0 || live == 0 { return false }
            excess.setDifference(costNow, poorMoney)
            setThresholdMasked(richPoints: richPoints)
            var least = 0
            for i in 1 ..< live where groups[i].key < groups[least].key { least = i }
            let g = groups[least]
            let poor: Bool
            switch Self.atMost(g.key, thresholdKeyM, slack: slack) {
            case .some(false):
                // Every other key is at least this one: every group is rich.
                return keepFresh(p, richPoints: richPoints)
            case .some(true): poor = true
            case .none: poor = isPoorExactly(g)
            }
            // Rich by its budget, though keys within the slack of it may hide a poorer one.
            if !poor { break }
            peelPoor(g, richPoints: &richPoints)
            live -= 1
            groups.swapAt(least, live)
            peeledOneByOne += 1
        }
        sortedEvaluations += 1
        let (a, b) = (scratch1, scratch2)
        var sorted = UnsafeMutableBufferPointer(rebasing: groups[0 ..< live])
        sorted.sort { x, y in
            if x.key + slack <= y.key { return true }
            if y.key + slack <= x.key { return false }
            exactComparisons += 1
            exactBudget(Int(x.cls), into: a)
            exactBudget(Int(y.cls), into: b)
            return GMPInteger.compare(a, b) < 0
        }
        for i in 0..<live {
            if richPoints == 0 { return false }
            excess.setDifference(costNow, poorMoney)
            setThresholdMasked(richPoints: richPoints)
            let g = groups[i]
            if !isPoorMasked(g) {
                return keepFresh(p, richPoints: richPoints)
            }
            peelPoor(g, richPoints: &richPoints)
        }
        return false
    }

    /// With funding sets and keys: moves the groups that `p`'s evaluation just collected to
    /// ``keptGroups`` (`p` is the round's best so far), for its funding.
    private func keepGroups(of p: Int) {
        guard masked else { return }
        swap(&maskedGroups, &keptGroups)
        keptGroupsOf = p
    }

    /// Adds poor group `g`'s budget to ``poorMoney`` and takes its weight from `richPoints`.
    private func peelPoor(_ g: MaskedGroupBuffer.Group, richPoints: inout Int) {
        exactBudget(Int(g.cls), into: scratch1)
        poorMoney.add(scratch1, times: g.weight)
        richPoints -= g.weight
    }

    /// ``fund(_:)`` with funding sets and keys.
    ///
    /// - Returns: how many paid all they had, and the largest payment when every supporter
    ///   paid all they had (`nil` when someone paid `tau` in full: that is the largest).
    private func fundMasked(_ q: Int) -> (paidAll: Int, maxPayment: Rational?) {
        if keptGroupsOf == q {
            swap(&maskedGroups, &keptGroups)
        } else {
            collectGroups(q)
        }
        keptGroupsOf = -1
        let u = freshPoints[q]
        let x = freshExcess[q]
        setCostNow(q)
        let f = roundFactor.count
        let stride = 1 + maskWords
        // A supporter pays all it has when `b * U <= X`, that is `b <= floor(X / U)`.
        _ = __gmpz_fdiv_q_ui(fundThreshold.value, x.value, UInt(u))
        let fundKey = keyScratch.fixedPoint63(fundThreshold, over: shareNow, roundingUp: false)
        scratch2.setProduct(shareNow, u)
        let paymentKey = keyScratch.fixedPoint63(x, over: scratch2, roundingUp: true)
        let slack = keySlack
        clearPoorCounts()
        var paidAll = 0
        var richWeight = 0
        var poorTop: UInt64 = 0
        let paying = maskedGroups.all
        reserveData((classCount + paying.count) * stride, keeping: classCount * stride)
        if accumulator.count < classCount + paying.count {
            accumulator.append(contentsOf: repeatElement(0, count: classCount + paying.count - accumulator.count))
        }
        var next = classCount
        let (data, counts, words) = (self.data, poorCount, maskWords)
        let usedWords = (roundFactor.count + 63) / 64
        var poorSum = 0
        if classWeight.count < classCount + paying.count {
            classWeight.append(contentsOf: repeatElement(0, count: classCount + paying.count - classWeight.count))
        }
        var weightOf: [Int] = []
        swap(&weightOf, &classWeight)
        weightOf.withUnsafeMutableBufferPointer { weightOf in
            for g in paying.indices {
                let c = Int(paying[g].cls)
                let key = data[c * stride]
                weightOf[c] -= paying[g].weight
                let paysAll = Self.atMost(key, fundKey, slack: slack) ?? paysAllExactly(c)
                if paysAll {
                    Self.countPoor(c, times: paying[g].weight, data: data, stride: stride, words: usedWords, counts: counts)
                    poorSum += paying[g].weight
                    paidAll += paying[g].weight
                    paying[g].newClass = 0
                    poorTop = max(poorTop, key)
                } else {
                    let n = next
                    next += 1
                    let from = data + c * stride + 1
                    let to = data + n * stride + 1
                    for w in 0 ..< words { to[w] = from[w] }
                    to[f / 64] |= 1 << UInt64(f % 64)
                    data[n * stride] = key >= paymentKey ? key - paymentKey : 0
                    weightOf[n] = paying[g].weight
                    richWeight += paying[g].weight
                    paying[g].newClass = Int32(n)
                }
            }
        }
        swap(&weightOf, &classWeight)
        poorWeight = poorSum
        spentWeight += poorSum
        classCount = next
        // The poor leave every funding they paid in; the rich stay in each and join this one.
        for i in 0 ..< f { aliveCount[i] -= poorCount[i] }
        aliveCount[f] = richWeight
        // Payments over the new unit D * U: a poor supporter pays b * U, a rich one X.
        poorMoneyFromCounts()
        paidMoney.setProduct(poorMoney, u)
        paidMoney.add(x, times: richWeight)
        scratch1.setProduct(costNow, u)
        precondition(GMPInteger.compare(paidMoney, scratch1) == 0,
                     "EqualShares: payments for a funded project must sum to its cost (project \(q))")
        // A rich supporter pays X / (D * U), tau itself, which is the most anyone pays; the
        // caller has it already as rho (no fraction to reduce here, a gcd of numbers as long
        // as D for every funding of every add1 run).
        if richWeight == 0 {
            largestBudget(of: paying.lazy.map { Int($0.cls) }, largestKey: poorTop, into: largestPayment)
            largestPayment.multiply(by: u)
        }
        moveApprovalSupporters(of: q)
        for i in 0 ..< f { payNow.multiply(i, by: u) }
        __gmpz_set(payNow[f], x.value)
        roundFactor.append(u)
        unit.multiply(by: u)
        shareNow.multiply(by: u)
        return (paidAll, richWeight > 0 ? nil : GMPInteger.rational(largestPayment, over: unit))
    }

    /// Whether class `c` pays all it has for the funding under way (its budget at most ``fundThreshold``).
    @inline(never)
    private func paysAllExactly(_ c: Int) -> Bool {
        exactComparisons += 1
        exactBudget(c, into: scratch1)
        return GMPInteger.compare(scratch1, fundThreshold) <= 0
    }

    /// The largest budget of `classes` into `out` (0 if none), `largestKey` being their
    /// largest key: only the classes whose keys come within the slack of it are formed.
    private func largestBudget(of classes: some Sequence<Int>, largestKey: UInt64, into out: GMPInteger) {
        out.setZero()
        let (stride, slack) = (1 + maskWords, keySlack)
        for c in classes where data[c * stride] + slack > largestKey {
            exactBudget(c, into: scratch1)
            if GMPInteger.compare(scratch1, out) > 0 { out.set(scratch1) }
        }
    }

    /// The leftovers from the weights kept by the fundings (``aliveCount``, ``classWeight``):
    /// `s` times the voters holding money, less each funding's payment times the voters who
    /// paid it and still hold money. No pass over the ballots or the classes' fundings
    /// (which was a sixteenth of an add1 run on the generated corpus). The voters holding
    /// money are those not spent out; the largest budget is the share itself while a voter
    /// has paid for nothing (the first class, whose funding set is empty, still has weight),
    /// and only otherwise found by a pass over the classes (that pass, done for every run,
    /// was 3% of the add1 batch on the generated corpus).
    private func summarizeLeftoversMasked(_ record: inout Record) {
        let all = ballotWeightTotal - spentWeight
        let total = GMPInteger()
        total.setProduct(shareNow, all)
        for f in 0 ..< roundFactor.count where aliveCount[f] != 0 {
            __gmpz_submul_ui(total.value, payNow[f], UInt(aliveCount[f]))
        }
        let most = GMPInteger()
        if classCount > 1 && classWeight[1] > 0 {
            most.set(shareNow)
        } else {
            let stride = 1 + maskWords
            var top: UInt64 = 0
            var holding = 0
            for c in 1 ..< classCount where classWeight[c] > 0 {
                holding += classWeight[c]
                top = max(top, data[c * stride])
            }
            precondition(holding == all, "EqualShares: every voter is in one class")
            largestBudget(of: (1 ..< classCount).lazy.filter { self.classWeight[$0] > 0 }, largestKey: top, into: most)
        }
        let leftover = GMPInteger.rational(total, over: unit) + record.share * Rational(profile.idleVoterCount)
        var largest = GMPInteger.rational(most, over: unit)
        if profile.idleVoterCount > 0 && record.share > largest { largest = record.share }
        precondition(leftover + record.cost == record.share * Rational(profile.voterCount),
                     "EqualShares: leftover budgets plus spending must equal the shares handed out")
        record.leftoverTotal = leftover
        record.leftoverMax = largest
        record.votersSpentOut = spentWeight
    }
}
