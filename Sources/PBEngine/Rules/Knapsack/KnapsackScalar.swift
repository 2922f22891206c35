/// The numbers that ``KnapsackSolver`` computes with: exact, ordered, closed under
/// addition and subtraction.
///
/// Two conformances: `Int64` (weights and profits scaled to integers, every sum proven to
/// fit before the solve starts, products in 128 bits) and ``Rational`` (the fallback when
/// scaled values do not fit in 64 bits; exact, with GMP behind it).
protocol KnapsackScalar: Comparable, Sendable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self

    /// An upper bound on `fraction * profit / weight` that is exact for rationals and the
    /// floor for integers (profits are integers there, so the floor is still a bound on any
    /// integer total).
    ///
    /// - Precondition: `0 <= fraction <= weight`, `weight > 0`, `profit >= 0`.
    static func partialProfit(_ fraction: Self, of profit: Self, weight: Self) -> Self

    /// Compares `p1 / w1` with `p2 / w2` (weights positive): -1, 0 or 1.
    static func compareRatios(_ p1: Self, _ w1: Self, _ p2: Self, _ w2: Self) -> Int
}

extension Int64: KnapsackScalar {
    @inlinable
    static func partialProfit(_ fraction: Int64, of profit: Int64, weight: Int64) -> Int64 {
        // fraction * profit < 2^126 and the quotient is at most profit: no overflow.
        let product = fraction.multipliedFullWidth(by: profit)
        return weight.dividingFullWidth(product).quotient
    }

    @inlinable
    static func compareRatios(_ p1: Int64, _ w1: Int64, _ p2: Int64, _ w2: Int64) -> Int {
        let x = p1.multipliedFullWidth(by: w2)
        let y = p2.multipliedFullWidth(by: w1)
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        if x.low != y.low { return x.low < y.low ? -1 : 1 }
        return 0
    }
}

extension Rational: KnapsackScalar {
    static func partialProfit(_ fraction: Rational, of profit: Rational, weight: Rational) -> Rational {
        fraction * profit / weight
    }

    static func compareRatios(_ p1: Rational, _ w1: Rational, _ p2: Rational, _ w2: Rational) -> Int {
        Rational.compare(p1 * w2, p2 * w1)
    }
}
