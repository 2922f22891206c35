import CGMP

/// An exact rational number: every money amount, share, payment and load in a count.
///
/// Most values in a participatory-budgeting count are small: costs are integers or
/// decimals with a few places, per-voter shares have the number of voters as their
/// denominator. `Rational` keeps such values in two `Int64` words (the *fast path*)
/// and moves to GMP's `mpq_t` only when an operation's exact result does not fit.
/// Every fast-path operation detects overflow and then redoes the operation in GMP,
/// so results are always exact; the representation is canonical (lowest terms,
/// positive denominator, the small form whenever the value fits), so `==` and
/// `hash(into:)` compare values, not representations.
///
/// Why hand-written: no Swift package offers a rational with an overflow-checked
/// machine-word fast path in front of GMP, and a count's hot loops (MES, Phragmen)
/// spend most of their time in these few operations.
@frozen
public struct Rational: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        /// numerator, denominator; `den > 0`, `gcd(|num|, den) == 1`, `num != Int64.min`.
        case small(Int64, Int64)
        /// A value whose numerator or denominator does not fit in `Int64`.
        case big(BigRational)
    }

    @usableFromInline
    var storage: Storage

    @inlinable @inline(__always)
    init(storage: Storage) {
        self.storage = storage
    }

    /// Zero.
    public static let zero = Rational(storage: .small(0, 1))
    /// One.
    public static let one = Rational(storage: .small(1, 1))

    /// The integer `value`.
    @inlinable
    public init(_ value: Int) {
        if value == Int.min {
            self.init(storage: .big(BigRational(num: Int64(value), den: 1)))
        } else {
            self.init(storage: .small(Int64(value), 1))
        }
    }

    /// The integer `value` (sums kept in 128 bits, such as the metrics' totals); past 64
    /// bits through the decimal text, which GMP reads (rare: a metrics row forms two).
    public init(_ value: Int128) {
        if let small = Int(exactly: value) {
            self.init(small)
        } else {
            self = Rational(exactly: String(value))!
        }
    }

    /// `numerator / denominator` in lowest terms.
    ///
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational: zero denominator")
        self = Rational.reduced(Int64(numerator), Int64(denominator))
    }

    /// Builds the canonical value of `num/den` (any signs, `den != 0`).
    @usableFromInline
    static func reduced(_ num: Int64, _ den: Int64) -> Rational {
        if num == Int64.min || den == Int64.min {
            return Rational(big: BigRational(num: num, den: den))
        }
        var n = num
        var d = den
        if d < 0 {
            n = -n
            d = -d
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int64(g)
            d /= Int64(g)
        }
        return Rational(storage: .small(n, d))
    }

    /// Wraps a GMP value, moving it to the small form when it fits.
    @usableFromInline
    package init(big: BigRational) {
        if let (n, d) = big.smallParts() {
            self.init(storage: .small(n, d))
        } else {
            self.init(storage: .big(big))
        }
    }

    /// Greatest common divisor (binary algorithm; `gcd(0, b) == b`).
    @inlinable
    package static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var u = a
        var v = b
        if u == 0 { return v }
        if v == 0 { return u }
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }

    /// The value as GMP, for the slow path.
    @usableFromInline
    package var bigValue: BigRational {
        switch storage {
        case let .small(n, d): return BigRational(num: n, den: d)
        case let .big(b): return b
        }
    }

    /// Whether the value is held in the fixed-width fast path.
    public var isSmall: Bool {
        if case .small = storage { return true }
        return false
    }

    /// The sign: -1, 0 or 1.
    @inlinable
    public var signum: Int {
        switch storage {
        case let .small(n, _): return n == 0 ? 0 : (n < 0 ? -1 : 1)
        case let .big(b): return b.signum
        }
    }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool {
        if case let .small(n, _) = storage { return n == 0 }
        return false
    }

    /// Whether the value is an integer.
    public var isInteger: Bool {
        switch storage {
        case let .small(_, d): return d == 1
        case let .big(b): return b.denominatorString == "1"
        }
    }

    /// Numerator and denominator when both fit in `Int64`.
    public var smallParts: (numerator: Int64, denominator: Int64)? {
        if case let .small(n, d) = storage { return (n, d) }
        return nil
    }

    /// The numerator in base 10.
    public var numeratorString: String {
        switch storage {
        case let .small(n, _): return String(n)
        case let .big(b): return b.numeratorString
        }
    }

    /// The denominator in base 10.
    public var denominatorString: String {
        switch storage {
        case let .small(_, d): return String(d)
        case let .big(b): return b.denominatorString
        }
    }
}
