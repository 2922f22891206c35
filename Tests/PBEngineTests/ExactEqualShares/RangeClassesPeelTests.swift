@testable import PBEngine
import Testing

/// The range proofs' peel `t_hi = max{t : lo_(t) + cost/t <= share}`
/// (``RangeClasses/payers(of:weight:total:cost:share:byLow:atMost:)``), given a bound known
/// beforehand, against the formula itself: every voter's `lo` listed, sorted, and each `t`
/// tried. The bound lets the peel drop, by their keys and before its heap, the classes that
/// paid more than `share - cost/bound`, again with the count left as the bound; with any
/// bound at least the true count the result must be the same. The same for the peel of a
/// pair of rounds, with an amount added to some supporters' `hi`s
/// (``RangeClasses/payers(of:weight:total:cost:share:adding:to:atMost:)``), whose keys are
/// only within 2 of the sums'.
///
/// `@testable`: `RangeClasses` is internal to the rule.
@Suite("Exact Equal Shares: the proofs' peel with a known bound")
struct RangeClassesPeelTests {
    /// The formula, voter by voter.
    static func plainPeel(_ amounts: [Rational], cost: Rational, share: Rational) -> Int {
        let sorted = amounts.sorted()
        var best = 0
        for t in stride(from: sorted.count, through: 1, by: -1) where sorted[t - 1] + cost / Rational(t) <= share {
            best = t
            break
        }
        return best
    }

    /// A few classes of amounts like a proof's (sums of payments, some past 64 bits, some
    /// equal to each other), as `low`s or as `high`s; their ids, class 0 (nothing paid) first.
    static func randomClasses(_ classes: inout RangeClasses, asHigh: Bool, using random: inout SplitMix64) -> [Int32] {
        var ids: [Int32] = [0]
        for _ in 0..<Int(random.next(upperBound: 12)) {
            var paid = Rational.zero
            for _ in 0..<Int(random.next(upperBound: 5)) {
                paid += Rational(Int(1 + random.next(upperBound: 900))) / Rational(Int(1 + random.next(upperBound: 700)))
            }
            if random.next(upperBound: 6) == 0, let again = ids.randomElement(using: &random) {
                paid = asHigh ? classes.high(again) : classes.low(again)
            }
            ids.append(asHigh ? classes.newClass(low: .zero, high: paid)
                              : classes.newClass(low: paid, high: paid + Rational(Int(random.next(upperBound: 3)))))
        }
        return ids
    }

    /// A cost, and a share exactly where some `t` starts to pay (`amounts`' `t`-th least plus
    /// `cost/t`), a hair either side of it, or anywhere.
    static func costAndShare(_ amounts: [Rational], using random: inout SplitMix64) -> (cost: Rational, share: Rational, atThreshold: Bool) {
        let cost = random.next(upperBound: 3) == 0
            ? Rational(Int(1 + random.next(upperBound: 9_999)), 100)
            : Rational(Int(1 + random.next(upperBound: 3_000)))
        let sorted = amounts.sorted()
        let t = Int(1 + random.next(upperBound: UInt64(sorted.count)))
        let threshold = sorted[t - 1] + cost / Rational(t)
        let hair = Rational(1, 1 << 35) * Rational(1, 1 << 35)
        let share: Rational
        switch random.next(upperBound: 4) {
        case 0: share = threshold
        case 1: share = threshold + hair
        case 2: share = threshold > hair ? threshold - hair : threshold
        default: share = Rational(Int(random.next(upperBound: 4_000)), 7)
        }
        return (cost, share, share == threshold)
    }

    @Test("the peel with any bound at least the true count equals the formula, long amounts and shares at a threshold included")
    func boundedPeelEqualsFormula() {
        var random = SplitMix64(seed: 35)
        var dropped = 0
        var filtered = 0
        var atThreshold = 0
        for _ in 0..<5_000 {
            let groups = Int(1 + random.next(upperBound: 60))
            var classes = RangeClasses(groups: groups)
            let ids = Self.randomClasses(&classes, asHigh: false, using: &random)
            var weight: [Int] = []
            var supporters: [Int32] = []
            var amounts: [Rational] = []
            for g in 0..<groups {
                let k = ids[Int(random.next(upperBound: UInt64(ids.count)))]
                classes.classOf[g] = k
                weight.append(Int(1 + random.next(upperBound: 5)))
                if random.next(upperBound: 4) != 0 {
                    supporters.append(Int32(g))
                    amounts += Array(repeating: classes.low(k), count: weight[g])
                }
            }
            guard !amounts.isEmpty else { continue }
            let total = amounts.count
            let (cost, share, exact) = Self.costAndShare(amounts, using: &random)
            if exact { atThreshold += 1 }
            let sorted = amounts.sorted()
            let expected = Self.plainPeel(amounts, cost: cost, share: share)
            // Bounds from the true count to every supporter, and none.
            var bounds: [Int?] = [nil, total, expected, expected + Int(random.next(upperBound: UInt64(total - expected + 1)))]
            if expected < total { bounds.append(expected + 1) }
            for bound in bounds {
                let peeled = classes.payers(of: supporters, weight: weight, total: total, cost: cost, share: share, byLow: true, atMost: bound)
                #expect(peeled == expected, "bound \(bound.map(String.init) ?? "none"), cost \(cost), share \(share), amounts \(amounts)")
            }
            if expected < total { dropped += 1 }
            // The bound drops classes before the peel when some supporter paid more than
            // `share - cost/expected`.
            if expected > 0, sorted.last! > share - cost / Rational(expected) { filtered += 1 }
        }
        print("RangeClasses peel: \(dropped) peels that drop supporters, \(filtered) that the bound shortens, \(atThreshold) shares at a threshold")
        // Peels that drop classes, peels the bound shortens, and shares at a threshold all occur.
        #expect(dropped > 1_000)
        #expect(filtered > 500)
        #expect(atThreshold > 400)
    }

    @Test("the pair's peel, with an amount added to some supporters and a bound, equals the formula on the hi's")
    func pairPeelEqualsFormula() {
        var random = SplitMix64(seed: 135)
        var shortened = 0
        var atThreshold = 0
        for _ in 0..<5_000 {
            let groups = Int(1 + random.next(upperBound: 60))
            var classes = RangeClasses(groups: groups)
            let ids = RangeClassesPeelTests.randomClasses(&classes, asHigh: true, using: &random)
            // What the other project of the pair took from its supporters, at most.
            let extra = Rational(Int(random.next(upperBound: 5_000))) / Rational(Int(1 + random.next(upperBound: 3_000)))
            var weight: [Int] = []
            var supporters: [Int32] = []
            var others: [Int32] = []
            var amounts: [Rational] = []
            for g in 0..<groups {
                let k = ids[Int(random.next(upperBound: UInt64(ids.count)))]
                classes.classOf[g] = k
                weight.append(Int(1 + random.next(upperBound: 5)))
                let other = random.next(upperBound: 2) == 0
                if other { others.append(Int32(g)) }
                if random.next(upperBound: 4) != 0 {
                    supporters.append(Int32(g))
                    amounts += Array(repeating: classes.high(k) + (other ? extra : .zero), count: weight[g])
                }
            }
            guard !amounts.isEmpty else { continue }
            let total = amounts.count
            let (cost, share, exact) = RangeClassesPeelTests.costAndShare(amounts, using: &random)
            if exact { atThreshold += 1 }
            let expected = RangeClassesPeelTests.plainPeel(amounts, cost: cost, share: share)
            // The bound the proof gives: the peel without `extra`, and looser ones.
            let alone = RangeClassesPeelTests.plainPeel(supporters.flatMap { g in
                Array(repeating: classes.high(classes.classOf[Int(g)]), count: weight[Int(g)])
            }, cost: cost, share: share)
            #expect(alone >= expected)
            if alone > expected { shortened += 1 }
            for bound in [alone, expected, total, expected + Int(random.next(upperBound: UInt64(total - expected + 1)))] {
                let peeled = classes.payers(of: supporters, weight: weight, total: total, cost: cost, share: share, adding: extra,
                                            to: others, atMost: bound)
                #expect(peeled == expected, "bound \(bound), cost \(cost), extra \(extra), share \(share), amounts \(amounts)")
            }
        }
        print("RangeClasses pair peel: \(shortened) peels that the added amounts shorten, \(atThreshold) shares at a threshold")
        #expect(shortened > 500)
        #expect(atThreshold > 800)
    }
}
