import ExactArithmetic
import PBEngine
import Testing

/// `SumComparator` compares `x + y/m` without forming the sum; the oracle forms it with
/// `Rational` (GMP with a gcd on overflow) and compares the results.
@Suite("SumComparator")
struct SumComparatorTests {
    /// A random rational: small, near 64 bits, or past them.
    static func randomValue(_ g: inout SplitMix64) -> Rational {
        let (n, d) = RationalTests.randomPair(&g)
        let r = Rational(Int(n), Int(d))
        switch g.next(upperBound: 3) {
        case 0: return r
        case 1: return r * Rational(Int(Int64.max))
        default: return r / Rational(Int(Int64.max) - Int(g.next(upperBound: 1000)))
        }
    }

    static func randomSum(_ g: inout SplitMix64) -> (x: Rational, y: Rational, m: Int) {
        let m = Int(g.next(upperBound: 2)) == 0 ? Int(g.next(upperBound: 100)) + 1 : Int(g.next(upperBound: UInt64(Int32.max))) + 1
        let y = g.next(upperBound: 2) == 0 ? Rational(Int(g.next(upperBound: 1_000_000_000))) : randomValue(&g)
        return (randomValue(&g), y, m)
    }

    @Test("sums against sums, fractions and rationals compare as their exact values", arguments: [11, 12, 13] as [UInt64])
    func againstFormedSums(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let comparator = SumComparator()
        for _ in 0..<3_000 {
            let a = Self.randomSum(&g)
            let b = Self.randomSum(&g)
            let va = a.x + a.y / Rational(a.m)
            let vb = b.x + b.y / Rational(b.m)
            let sa = SumComparator.Operand.sum(a.x, a.y, a.m)
            let sb = SumComparator.Operand.sum(b.x, b.y, b.m)
            #expect(comparator.compare(sa, sb) == Rational.compare(va, vb))
            #expect(comparator.compare(sb, sa) == Rational.compare(vb, va))
            #expect(comparator.compare(sa, .value(vb)) == Rational.compare(va, vb))
            #expect(comparator.compare(.value(va), sb) == Rational.compare(va, vb))
            // Equal values: the sum against itself formed.
            #expect(comparator.compare(sa, .value(va)) == 0)
            // An unreduced fraction of two Int64.
            let n = Int64(bitPattern: g.next()) >> Int64(g.next(upperBound: 64))
            let d = Int64(g.next(upperBound: UInt64(Int64.max))) + 1
            #expect(comparator.compare(sa, .fraction(n, d)) == Rational.compare(va, Rational(Int(n), Int(d))))
            #expect(comparator.compare(.fraction(n, d), sa) == Rational.compare(Rational(Int(n), Int(d)), va))
        }
    }

    @Test("equal sums written differently compare equal")
    func equalSums() {
        let comparator = SumComparator()
        let big = Rational(Int(Int64.max)) * Rational(Int(Int64.max))
        // big + 6/4 = (big + 1) + 1/2 = (big + 3/2) + 0/5
        let one = SumComparator.Operand.sum(big, Rational(6), 4)
        let two = SumComparator.Operand.sum(big + Rational(1), Rational(1), 2)
        let three = SumComparator.Operand.sum(big + Rational(3, 2), Rational.zero, 5)
        #expect(comparator.compare(one, two) == 0)
        #expect(comparator.compare(two, three) == 0)
        #expect(comparator.compare(one, .fraction(3, 2)) == 1)
        // A fractional y: 1/3 + (1/2)/3 = 1/2.
        #expect(comparator.compare(.sum(Rational(1, 3), Rational(1, 2), 3), .fraction(2, 4)) == 0)
        #expect(comparator.compare(.sum(Rational(1, 3), Rational(1, 2), 3), .fraction(1, 3)) == 1)
    }
}
