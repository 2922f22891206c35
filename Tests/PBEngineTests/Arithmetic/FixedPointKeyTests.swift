import ExactArithmetic
@testable import PBEngine
import Testing

/// `Rational.fixedPointKey` is `floor(x * 2^64)` in two words, saturated from `2^64` on: the
/// oracle forms `floor(x * 2^64)` with `Rational` and splits it by division.
///
/// `@testable`: the keys' order (`FixedPointKey.order`) is internal to PBEngine, beside the
/// loops that use it.
@Suite("Fixed-point keys of rationals")
struct FixedPointKeyTests {
    static let twoTo64 = Rational(1 << 32) * Rational(1 << 32)

    /// `floor(x * 2^64)` split in words, or all ones from `2^64` on.
    static func oracle(_ x: Rational) -> FixedPointKey {
        if x >= twoTo64 { return FixedPointKey(high: .max, low: .max) }
        let scaled = (x * twoTo64).floor
        let high = (scaled / twoTo64).floor
        let low = scaled - high * twoTo64
        return FixedPointKey(high: UInt64(high.description)!, low: UInt64(low.description)!)
    }

    @Test("hand-worked keys")
    func handWorked() {
        #expect(Rational.zero.fixedPointKey == FixedPointKey(high: 0, low: 0))
        #expect(Rational(5, 2).fixedPointKey == FixedPointKey(high: 2, low: 1 << 63))
        #expect(Rational(1, 3).fixedPointKey == FixedPointKey(high: 0, low: 0x5555_5555_5555_5555))
        #expect(Rational(2, 3).fixedPointKey == FixedPointKey(high: 0, low: 0xAAAA_AAAA_AAAA_AAAA))
        #expect(Rational(Int(Int64.max)).fixedPointKey == FixedPointKey(high: UInt64(Int64.max), low: 0))
        // Past 64 bits (GMP): saturated; just below 2^64 with a big denominator: not.
        #expect((Self.twoTo64 + Rational(1, 3)).fixedPointKey == FixedPointKey(high: .max, low: .max))
        let below = Self.twoTo64 - Rational(1) / (Self.twoTo64 * Rational(3))
        #expect(below.fixedPointKey == FixedPointKey(high: .max, low: .max))
        let third = Rational(1) / (Rational(3) * Self.twoTo64 * Self.twoTo64)
        #expect(third.fixedPointKey == FixedPointKey(high: 0, low: 0))
    }

    @Test("keys equal the formed floor, and a smaller key means a smaller value", arguments: [21, 22, 23] as [UInt64])
    func againstFormedFloor(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        var values: [Rational] = []
        for _ in 0..<2_000 {
            let v = SumComparatorTests.randomValue(&g)
            values.append(v.signum < 0 ? -v : v)
        }
        for v in values { #expect(v.fixedPointKey == Self.oracle(v), "\(v)") }
        for _ in 0..<20_000 {
            let a = values[Int(g.next(upperBound: UInt64(values.count)))]
            let b = values[Int(g.next(upperBound: UInt64(values.count)))]
            let order = FixedPointKey.order(a.fixedPointKey, b.fixedPointKey)
            if order != 0 { #expect(order == Rational.compare(a, b), "\(a) \(b)") }
        }
    }
}
