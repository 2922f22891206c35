import CGMP

extension Rational {
    /// The sum; exact.
    ///
    /// Fast path: Knuth's method (TAOCP 4.5.1), which keeps intermediate values small by
    /// dividing out `gcd(b, d)` before multiplying; every step is overflow-checked and an
    /// overflow redoes the sum in GMP.
    @inlinable
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage,
           let r = smallSum(a, b, c, d) {
            return r
        }
        return slowSum(lhs, rhs)
    }

    /// The difference; exact.
    @inlinable
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        lhs + (-rhs)
    }

    /// The negation.
    @inlinable
    public static prefix func - (value: Rational) -> Rational {
        switch value.storage {
        case let .small(n, d): return Rational(storage: .small(-n, d))  // num != Int64.min
        case let .big(b): return Rational(big: BigRational.make { pb_mpq_neg($0, b.value) })
        }
    }

    /// The product; exact.
    @inlinable
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage,
           let r = smallProduct(a, b, c, d) {
            return r
        }
        return slowProduct(lhs, rhs)
    }

    /// The quotient; exact.
    ///
    /// - Precondition: `rhs` is not zero.
    @inlinable
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational: division by zero")
        return lhs * rhs.reciprocal
    }

    /// `1 / self`.
    ///
    /// - Precondition: `self` is not zero.
    @inlinable
    public var reciprocal: Rational {
        switch storage {
        case let .small(n, d):
            precondition(n != 0, "Rational: reciprocal of zero")
            return n < 0 ? Rational(storage: .small(-d, -n)) : Rational(storage: .small(d, n))
        case let .big(b):
            // Numerator and denominator swapped (already in lowest terms: no gcd to take).
            return Rational(big: BigRational.make { r in pb_mpq_inv(r, b.value) })
        }
    }

    @inlinable
    public static func += (lhs: inout Rational, rhs: Rational) {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage,
           let r = smallSum(a, b, c, d) {
            lhs.storage = r.storage
            return
        }
        lhs = slowSum(lhs, rhs)
    }

    @inlinable
    public static func -= (lhs: inout Rational, rhs: Rational) {
        lhs += -rhs
    }

    @inlinable
    public static func *= (lhs: inout Rational, rhs: Rational) {
        lhs = lhs * rhs
    }

    @inlinable
    public static func /= (lhs: inout Rational, rhs: Rational) {
        lhs = lhs / rhs
    }

    /// The largest integer not above the value.
    public var floor: Rational {
        switch storage {
        case let .small(n, d):
            if d == 1 { return self }
            var q = n / d
            if n % d != 0 && n < 0 { q -= 1 }
            return Rational(storage: .small(q, 1))
        case let .big(b):
            return Rational(big: BigRational.make { pb_mpq_floor($0, b.value) })
        }
    }

    /// The smallest integer not below the value.
    public var ceiling: Rational {
        -((-self).floor)
    }

    /// The absolute value.
    public var magnitude: Rational {
        signum < 0 ? -self : self
    }

    // MARK: Fast path

    @inlinable @inline(__always)
    static func smallSum(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Rational? {
        if b == d {
            let (s, o) = a.addingReportingOverflow(c)
            if o || s == Int64.min { return nil }
            if b == 1 { return Rational(storage: .small(s, 1)) }
            let g = Int64(gcd(s.magnitude, UInt64(b)))
            return Rational(storage: .small(s / g, b / g))
        }
        let g = Int64(gcd(UInt64(b), UInt64(d)))
        let bg = b / g
        let dg = d / g
        let (x, o1) = a.multipliedReportingOverflow(by: dg)
        let (y, o2) = c.multipliedReportingOverflow(by: bg)
        let (s, o3) = x.addingReportingOverflow(y)
        let (den, o4) = b.multipliedReportingOverflow(by: dg)
        if o1 || o2 || o3 || o4 || s == Int64.min { return nil }
        if g == 1 { return Rational(storage: .small(s, den)) }
        let g2 = Int64(gcd(s.magnitude, UInt64(g)))
        return Rational(storage: .small(s / g2, den / g2))
    }

    @inlinable @inline(__always)
    static func smallProduct(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Rational? {
        let g1 = Int64(gcd(a.magnitude, UInt64(d)))
        let g2 = Int64(gcd(c.magnitude, UInt64(b)))
        let (n, o1) = (a / g1).multipliedReportingOverflow(by: c / g2)
        let (m, o2) = (b / g2).multipliedReportingOverflow(by: d / g1)
        if o1 || o2 || n == Int64.min { return nil }
        return Rational(storage: .small(n, m))
    }

    // MARK: Slow path

    @usableFromInline @inline(never)
    static func slowSum(_ lhs: Rational, _ rhs: Rational) -> Rational {
        let x = lhs.bigValue
        let y = rhs.bigValue
        return withExtendedLifetime((x, y)) { Rational(big: BigRational.make { pb_mpq_add($0, x.value, y.value) }) }
    }

    @usableFromInline @inline(never)
    static func slowProduct(_ lhs: Rational, _ rhs: Rational) -> Rational {
        let x = lhs.bigValue
        let y = rhs.bigValue
        return withExtendedLifetime((x, y)) { Rational(big: BigRational.make { pb_mpq_mul($0, x.value, y.value) }) }
    }
}

/// The smaller of two rationals (the first when equal).
@inlinable
public func min(_ a: Rational, _ b: Rational) -> Rational {
    b < a ? b : a
}

/// The larger of two rationals (the first when equal).
@inlinable
public func max(_ a: Rational, _ b: Rational) -> Rational {
    b > a ? b : a
}
