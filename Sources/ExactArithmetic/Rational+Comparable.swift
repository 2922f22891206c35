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
