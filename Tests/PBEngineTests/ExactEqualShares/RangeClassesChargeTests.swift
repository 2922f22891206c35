@testable import PBEngine
import Testing

/// The range proofs' funding (``RangeClasses/charge(_:cost:fewest:most:lower:upper:)``),
/// whose new classes keep their amounts unsummed (``ChainedAmounts``) with lower keys,
/// against the same funding done group by group in plain rational arithmetic: after every
/// funding each group's `[lo, hi]` must be the plain one, each key must bound its amount
/// (`key <= x * 2^64 < key + slack`), and the peels on the `lo`s and the `hi`s must equal
/// the formula. Shares are put exactly at a class's threshold or `2^-70` either side, where
/// the keys cannot decide and the amounts must be summed.
///
/// `@testable`: `RangeClasses` is internal to the rule.
@Suite("Exact Equal Shares: the proofs' funding with amounts summed when asked")
struct RangeClassesChargeTests {
    /// Where a share falls: at `threshold`, a hair either side, or anywhere below `far`.
    static func share(near threshold: Rational, far: Rational, using random: inout SplitMix64) -> Rational {
        let hair = Rational(1, 1 << 35) * Rational(1, 1 << 35)
        switch random.next(upperBound: 4) {
        case 0: return threshold
        case 1: return threshold + hair
        case 2: return threshold > hair ? threshold - hair : threshold
        default: return far * Rational(Int(random.next(upperBound: 1_000)), 1_000)
        }
    }

    /// A 128-bit key as a number.
    static func value(_ key: UInt128) -> Rational {
        var r = Rational.zero
        for shift in stride(from: 96, through: 0, by: -32) {
            r = r * Rational(1 << 32) + Rational(Int((key >> UInt128(shift)) & 0xffff_ffff))
        }
        return r
    }

    @Test("fundings with unsummed amounts give the plain intervals, keys that bound them, and the formula's peels")
    func chargeEqualsPlain() {
        var random = SplitMix64(seed: 36)
        var fundings = 0
        var atThreshold = 0
        var surely = 0
        var maybe = 0
        var peels = 0
        for _ in 0..<600 {
            let groups = Int(2 + random.next(upperBound: 40))
            var classes = RangeClasses(groups: groups)
            let weight = (0..<groups).map { _ in Int(1 + random.next(upperBound: 4)) }
            var lo = [Rational](repeating: .zero, count: groups)
            var hi = [Rational](repeating: .zero, count: groups)
            for _ in 0..<Int(1 + random.next(upperBound: 14)) {
                let supporters = (0..<groups).filter { _ in random.next(upperBound: 3) != 0 }.map(Int32.init)
                guard !supporters.isEmpty else { continue }
                let voters = supporters.reduce(0) { $0 + weight[Int($1)] }
                let cost = random.next(upperBound: 3) == 0
                    ? Rational(Int(1 + random.next(upperBound: 9_999)), 100)
                    : Rational(Int(1 + random.next(upperBound: 3_000)))
                let fewest = Int(1 + random.next(upperBound: UInt64(voters)))
                let most = fewest + Int(random.next(upperBound: UInt64(voters - fewest + 1)))
                // Shares at some supporter's thresholds: where it starts surely paying, or
                // may pay.
                let g = Int(supporters[Int(random.next(upperBound: UInt64(supporters.count)))])
                let lower = Self.share(near: hi[g] + cost / Rational(fewest), far: hi[g] + cost / Rational(fewest) + .one, using: &random)
                let h = Int(supporters[Int(random.next(upperBound: UInt64(supporters.count)))])
                var upper = Self.share(near: lo[h] + cost / Rational(most), far: lo[h] + cost / Rational(most) + .one, using: &random)
                if upper < lower { upper = lower }
                if lower == hi[g] + cost / Rational(fewest) || upper == lo[h] + cost / Rational(most) { atThreshold += 1 }
                _ = classes.charge(supporters, cost: cost, fewest: fewest, most: most, lower: lower, upper: upper)
                fundings += 1
                for s in supporters.map(Int.init) {
                    if hi[s] + cost / Rational(fewest) <= lower {
                        lo[s] += cost / Rational(most)
                        hi[s] += cost / Rational(fewest)
                        surely += 1
                    } else if lo[s] + cost / Rational(most) <= upper {
                        hi[s] += cost / Rational(fewest)
                        maybe += 1
                    }
                }
                // The intervals and the keys, read in an order that leaves some amounts
                // unsummed until a peel needs them.
                if random.next(upperBound: 2) == 0 {
                    for s in 0..<groups {
                        let k = classes.classOf[s]
                        #expect(classes.low(k) == lo[s] && classes.high(k) == hi[s], "group \(s)")
                        for (key, slack, x) in [(classes.lowKey[Int(k)], classes.lowSlack[Int(k)], lo[s]),
                                                (classes.highKey[Int(k)], classes.highSlack[Int(k)], hi[s])] {
                            let scaled = x * Rational(1 << 32) * Rational(1 << 32)
                            #expect(Self.value(key) <= scaled && scaled < Self.value(key) + Rational(Int(slack)),
                                    "key \(key), slack \(slack), amount \(x)")
                        }
                    }
                }
                // A peel on the `lo`s and one on the `hi`s, at a share at some supporter's
                // threshold.
                let peeled = (0..<groups).filter { _ in random.next(upperBound: 2) == 0 }.map(Int32.init)
                guard !peeled.isEmpty else { continue }
                let total = peeled.reduce(0) { $0 + weight[Int($1)] }
                let t = Int(1 + random.next(upperBound: UInt64(total)))
                for byLow in [true, false] {
                    let amounts = peeled.flatMap { Array(repeating: byLow ? lo[Int($0)] : hi[Int($0)], count: weight[Int($0)]) }
                    let sorted = amounts.sorted()
                    let share = Self.share(near: sorted[t - 1] + cost / Rational(t), far: sorted.last! + cost, using: &random)
                    let expected = RangeClassesPeelTests.plainPeel(amounts, cost: cost, share: share)
                    let got = classes.payers(of: peeled, weight: weight, total: total, cost: cost, share: share, byLow: byLow, atMost: total)
                    #expect(got == expected, "byLow \(byLow), cost \(cost), share \(share), amounts \(amounts)")
                    peels += 1
                }
            }
        }
        print("RangeClasses charge: \(fundings) fundings (\(atThreshold) at a threshold), \(surely) sure and \(maybe) possible payments, \(peels) peels")
        #expect(fundings > 3_000)
        #expect(atThreshold > 1_000)
        #expect(surely > 5_000 && maybe > 5_000)
    }
}
