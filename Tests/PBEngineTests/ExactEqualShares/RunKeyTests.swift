@testable import PBEngine
import Testing

/// An EES run's tests of long amounts by keys before GMP
/// (``ExactEqualSharesElection/Threshold/compare(short:paid:key:cost:payers:pinned:pinnedKey:in:)``)
/// and its class order by keys (``ExactEqualSharesElection/reordered(_:repositioned:paid:keys:marks:)``),
/// against the plain rational arithmetic, on amounts like Amsterdam 309's (sums of payments
/// `c/m` past 64 bits) and short ones (whose small form may overflow), with the pinned value
/// at, or a few `2^-64` or `2^-80` from, the threshold (so often long when the amount is
/// short: a run at an event has a long share), keyed whole or as a sum of two keys (an event
/// scan's bound).
///
/// `@testable`: the run's internals.
@Suite("Exact Equal Shares: a run's keyed tests")
struct RunKeyTests {
    /// A long amount paid: a few payments of costs split among thousands of payers.
    static func longAmount(using random: inout SplitMix64) -> Rational {
        var paid = Rational.zero
        for _ in 0..<Int(2 + random.next(upperBound: 8)) {
            paid += Rational(Int(1 + random.next(upperBound: 70_000))) / Rational(Int(1_000 + random.next(upperBound: 14_000)))
        }
        return paid
    }

    /// A short amount paid: a fraction of two `Int64`, now and then with parts near `2^50`, so
    /// that the threshold's small form `(n·m + c·d) / (d·m)` overflows.
    static func shortAmount(using random: inout SplitMix64) -> Rational {
        if random.next(upperBound: 2) == 0 {
            return Rational(Int(random.next(upperBound: 1 << 52)), Int(1 + random.next(upperBound: 1 << 50)))
        }
        return Rational(Int(random.next(upperBound: 5_000_000)), Int(1 + random.next(upperBound: 90_000)))
    }

    /// A lower key of `value` as an event scan's bound has it: `value` as `paid + cost/payers`,
    /// the sum of the two terms' keys, slack 2 (`nil` if `paid` would be negative).
    static func keyAsSum(_ value: Rational, cost: Rational, payers: Int) -> (key: UInt128, slack: UInt8)? {
        let paid = value - cost / Rational(payers)
        guard paid >= .zero, let part = RangeClasses.partKey(cost, payers) else { return nil }
        return (ExactEqualSharesElection.key(of: paid) + part.wide, 2)
    }

    /// The run's keyed test of `paid + cost/payers` against `value`, pinned as a run pins it.
    @inline(never)
    static func keyedCompare(paid: Rational, cost: Rational, payers: Int, value: Rational, pinnedKey: (key: UInt128, slack: UInt8),
                             using comparator: SumComparator) -> Int {
        comparator.pin(.value(value))
        let pinned = value.smallParts.map { ($0.numerator, $0.denominator) }
        return ExactEqualSharesElection.Threshold.compare(short: ExactEqualSharesElection.shortParts(paid), paid: paid, key: ExactEqualSharesElection.key(of: paid), cost: cost, payers: payers,
                                                          pinned: pinned, pinnedKey: pinnedKey, in: comparator)
    }

    @Test("the keyed threshold test equals the plain one, with a pinned value keyed whole or as a sum")
    func keyedThresholdEqualsPlain() {
        var random = SplitMix64(seed: 361)
        let comparator = SumComparator()
        let tiny = Rational(1, 1 << 40) * Rational(1, 1 << 40)  // 2^-80
        let unit = Rational(1, 1 << 32) * Rational(1, 1 << 32)  // 2^-64
        var long = 0
        // Short amounts against a long pinned value, and short ones whose small form overflows:
        // where the keys now decide before GMP too.
        var shortAgainstLong = 0
        var overflowing = 0
        var asSum = 0
        var outcomes = [0, 0, 0]
        for _ in 0..<20_000 {
            let paid = random.next(upperBound: 3) == 0 ? Self.shortAmount(using: &random) : Self.longAmount(using: &random)
            if paid.smallParts == nil { long += 1 }
            let cost = Rational(Int(1 + random.next(upperBound: 70_000)))
            let payers = Int(1 + random.next(upperBound: 15_000))
            let threshold = paid + cost / Rational(payers)
            let offset: Rational
            switch random.next(upperBound: 4) {
            case 0: offset = .zero
            case 1: offset = tiny * Rational(Int(random.next(upperBound: 5)) - 2)
            case 2: offset = unit * Rational(Int(random.next(upperBound: 9)) - 4) + tiny * Rational(Int(random.next(upperBound: 3)) - 1)
            default: offset = Rational(Int(random.next(upperBound: 200)) - 100, 7)
            }
            let value = threshold + offset
            guard value > .zero else { continue }
            if paid.smallParts != nil && value.smallParts == nil { shortAgainstLong += 1 }
            if paid.smallParts != nil && ExactEqualSharesElection.Threshold.smallForm(paid: paid, cost: cost, payers: payers) == nil {
                overflowing += 1
            }
            // The pinned value keyed whole, or as another threshold `paid2 + c2/t2` with the
            // sum of its two keys (slack 2), as an event scan's bound.
            let c2 = Rational(Int(1 + random.next(upperBound: 5_000)))
            let t2 = Int(1 + random.next(upperBound: 9_000))
            let summed = random.next(upperBound: 2) == 0 ? Self.keyAsSum(value, cost: c2, payers: t2) : nil
            if summed != nil { asSum += 1 }
            let pinnedKey = summed ?? (key: ExactEqualSharesElection.key(of: value), slack: 1)
            let keyed = Self.keyedCompare(paid: paid, cost: cost, payers: payers, value: value, pinnedKey: pinnedKey, using: comparator)
            let plain = Rational.compare(threshold, value)
            #expect(keyed == plain, "paid \(paid), cost \(cost), payers \(payers), value \(value)")
            outcomes[plain + 1] += 1
        }
        print("Run keyed thresholds: \(long) long amounts, \(shortAgainstLong) short ones against a long value, \(overflowing) "
            + "short ones whose small form overflows, \(asSum) bounds keyed as sums, below/equal/above \(outcomes)")
        #expect(long > 6_000)
        #expect(shortAgainstLong > 2_000)
        #expect(overflowing > 1_000)
        #expect(asSum > 5_000)
        #expect(outcomes.allSatisfy { $0 > 2_000 })
    }

    @Test("the class order by keys equals the order by amounts, equal and nearly equal amounts included")
    func keyedOrderEqualsPlain() {
        var random = SplitMix64(seed: 362)
        let tiny = Rational(1, 1 << 40) * Rational(1, 1 << 40)
        for _ in 0..<2_000 {
            // Amounts, some equal to others or a hair away, some short.
            var paid: [Rational] = []
            for _ in 0..<Int(2 + random.next(upperBound: 30)) {
                switch random.next(upperBound: 4) {
                case 0 where !paid.isEmpty: paid.append(paid[Int(random.next(upperBound: UInt64(paid.count)))])
                case 1 where !paid.isEmpty: paid.append(paid[Int(random.next(upperBound: UInt64(paid.count)))] + tiny)
                case 2: paid.append(Rational(Int(random.next(upperBound: 50)), Int(1 + random.next(upperBound: 9))))
                default: paid.append(Self.longAmount(using: &random))
                }
            }
            let keys = paid.map(ExactEqualSharesElection.key(of:))
            func plainBefore(_ a: Int32, _ b: Int32) -> Bool {
                let c = Rational.compare(paid[Int(a)], paid[Int(b)])
                return c != 0 ? c > 0 : a < b
            }
            // An order of all classes but some, which are then placed anew.
            let all = (0..<Int32(paid.count)).sorted(by: plainBefore)
            let repositioned = all.filter { _ in random.next(upperBound: 3) == 0 }.shuffled(using: &random)
            let kept = all.filter { !repositioned.contains($0) }
            var marks = [Bool](repeating: false, count: paid.count)
            let order = ExactEqualSharesElection.reordered(kept + repositioned, repositioned: repositioned, paid: paid, keys: keys, marks: &marks)
            #expect(order == all, "amounts \(paid)")
            #expect(!marks.contains(true))
        }
    }
}
