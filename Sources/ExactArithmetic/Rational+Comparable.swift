import CGMP

extension Rational: Comparable {
    /// Orders by value. Fast path: cross-multiplication in 128 bits, which cannot overflow
    /// for 64-bit parts.
    @inlinable
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Equality of values (the representation is canonical).
    @inlinable
    public static func == (lhs: Rational, rhs: Rational) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case let (.small(a, b), .small(c, d)): return a == c && b == d
        case (.small, .big), (.big, .small): return false
        case let (.big(x), .big(y)): return pb_mpq_equal(x.value, y.value) != 0
        }
    }

    /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
    @inlinable
    public static func compare(_ lhs: Rational, _ rhs: Rational) -> Int {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage {
            if b == d { return a < c ? -1 : (a == c ? 0 : 1) }
            let x = a.multipliedFullWidth(by: d)
            let y = c.multipliedFullWidth(by: b)
            if x.high != y.high { return x.high < y.high ? -1 : 1 }
            if x.low != y.low { return x.low < y.low ? -1 : 1 }
            return 0
        }
        return slowCompare(lhs, rhs)
    }

    @usableFromInline @inline(never)
    static func slowCompare(_ lhs: Rational, _ rhs: Rational) -> Int {
        // Keep both GMP values alive across the call: a temporary's `value` pointer dangles
        // as soon as the temporary is released, which Swift may do right after `.value`.
        let x = lhs.bigValue
        let y = rhs.bigValue
        let c = withExtendedLifetime((x, y)) { pb_mpq_cmp(x.value, y.value) }
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }
}

extension Rational {
    /// `floor(self * 2^64)` as a 128-bit key (`high`: the integer part, `low`: the first 64
    /// bits of the fraction), all ones from `2^64` on; for `self >= 0`. A smaller key means a
    /// smaller value; equal keys say nothing. A filter before an exact comparison, for hot
    /// loops that compare the same long fractions many times (computed once per value).
    package var fixedPointKey: FixedPointKey {
        switch storage {
        case let .small(n, d):
            precondition(n >= 0, "Rational: a fixed-point key of a non-negative value")
            return FixedPointKey(n, over: d)
        case let .big(b):
            precondition(b.signum >= 0, "Rational: a fixed-point key of a non-negative value")
            var high: UInt64 = 0
            var low: UInt64 = 0
            withExtendedLifetime(b) { pb_mpq_fixed64(b.value, &high, &low) }
            return FixedPointKey(high: high, low: low)
        }
    }
}

/// ``Rational/fixedPointKey``: `floor(x * 2^64)` in two words, compared as one 128-bit number
/// (by PBEngine's `FixedPointKey.order`, in the module whose hot loops use it, where it is
/// inlined: a function here was not, even marked `@inlinable`).
package struct FixedPointKey: Sendable, Equatable {
    package var high: UInt64
    package var low: UInt64

    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The key of `n / d` (`n >= 0`, `d > 0`, the fraction not necessarily in lowest
    /// terms), in two machine divisions.
    package init(_ n: Int64, over d: Int64) {
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        self.init(high: UInt64(q), low: UInt64(d).dividingFullWidth((high: UInt64(r), low: 0)).quotient)
    }
}

extension Rational: Hashable {
    /// Hashes the canonical parts: the two words of a small value, the GMP limbs of a big
    /// one (not its decimal text, which costs a division per digit).
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case let .small(n, d):
            hasher.combine(n)
            hasher.combine(d)
        case let .big(b):
            withExtendedLifetime(b) { b.hashLimbs(into: &hasher) }
        }
    }
}
