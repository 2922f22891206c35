@testable import PBEngine
import Testing

/// The range proofs' test `paid + cost/payers <= share` decided by fixed-point keys where
/// they settle it (``RangeClasses/affords(_:of:key:slack:cost:payers:partKey:share:shareKey:using:)``,
/// an amount keyed whole)
/// against the plain rational arithmetic, on amounts like those of Amsterdam 309: sums of
/// payments `c/m` past 64 bits, with shares just below, at and just above the sum, where
/// the keys cannot decide and the exact test must.
///
/// `@testable`: `RangeClasses` is internal to the rule.
@Suite("Exact Equal Shares: the proofs' keyed test")
struct RangeClassesKeyTests {
    @Test("the keyed test equals the plain one, long amounts and shares at a key's distance included")
    func keyedTestEqualsPlain() {
        var random = SplitMix64(seed: 34)
        let comparator = SumComparator()
        let tiny = Rational(1, 1 << 40) * Rational(1, 1 << 40)  // 2^-80
        var long = 0
        var near = 0
        var affordable = 0
        for _ in 0..<20_000 {
            // What a class paid: a few payments of costs split among thousands of payers.
            var paid = Rational.zero
            for _ in 0..<Int(2 + random.next(upperBound: 8)) {
                paid += Rational(Int(1 + random.next(upperBound: 70_000))) / Rational(Int(1_000 + random.next(upperBound: 14_000)))
            }
            if paid.smallParts == nil { long += 1 }
            let cost = random.next(upperBound: 4) == 0
                ? Rational(Int(1 + random.next(upperBound: 9_999)), 100)
                : Rational(Int(1 + random.next(upperBound: 70_000)))
            let payers = Int(1 + random.next(upperBound: 15_000))
            let sum = paid + cost / Rational(payers)
            // The share: far off, or within a few 2^-80 of the sum, or the sum itself.
            let share: Rational
            switch random.next(upperBound: 5) {
            case 0: share = sum
            case 1: share = sum + tiny * Rational(Int(1 + random.next(upperBound: 3)))
            case 2:
                // A few units of 2^-64 off, where the keys differ by 0 to 3.
                let units = Rational(Int(random.next(upperBound: 7)) - 3, 1 << 32) * Rational(1, 1 << 32)
                share = sum + units + tiny * Rational(Int(random.next(upperBound: 3)) - 1)
            case 3: share = sum + Rational(Int(random.next(upperBound: 200)) - 100, 7)
            default: share = (sum * Rational(1 << 20)).floor / Rational(1 << 20) + Rational(Int(random.next(upperBound: 3)), 1 << 20)
            }
            guard share >= .zero else { continue }
            if (share - sum).magnitude < Rational(1, 1 << 30) { near += 1 }
            let plain = sum <= share
            if plain { affordable += 1 }
            var amounts = ChainedAmounts(reservingCapacity: 1)
            amounts.append(paid)
            let keyed = RangeClasses.affords(0, of: &amounts, key: paid.fixedPointKey.wide, slack: 1, cost: cost, payers: payers,
                                             partKey: RangeClasses.partKey(cost, payers)?.wide, share: share,
                                             shareKey: share.fixedPointKey.wide, using: comparator)
            #expect(keyed == plain, "paid \(paid), cost \(cost), payers \(payers), share \(share)")
        }
        // The cases the keys settle and those they leave to the exact test both occur.
        #expect(long > 10_000)
        #expect(near > 8_000)
        #expect(affordable > 5_000 && affordable < 15_000)
    }
}
