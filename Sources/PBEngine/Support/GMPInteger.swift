import CGMP

/// An exact integer on GMP, changed in place: the amounts of a count kept as integer
/// counts of a common unit `1 / D`.
///
/// Why not ``Rational``: in MES every payment divides by a sum of supporters' points, and
/// in Phragmén every funded project divides by its number of supporters, so denominators
/// grow round after round and canonical rationals spend most of their time in GMP's gcd
/// and in allocation. Over a common denominator `D` that is multiplied by each round's
/// divisor, every amount stays an integer and no gcd is ever needed (in MES the numbers
/// grow by about 17 bits a round at most). Values go back to ``Rational`` only for what a
/// result shows (`rho`, max loads, totals). Written by hand because no maintained Swift
/// package wraps GMP's in-place `mpz` operations, which the hot loops need.
final class GMPInteger {
    let value: UnsafeMutablePointer<__mpz_struct>

    init() {
        value = .allocate(capacity: 1)
        __gmpz_init(value)
    }

    /// The integer written in base 10 (`Rational`'s numerator or denominator string).
    convenience init(decimal text: String) {
        self.init()
        let ok = text.withCString { __gmpz_set_str(value, $0, 10) } == 0
        precondition(ok, "GMPInteger: not an integer: \(text)")
    }

    deinit {
        __gmpz_clear(value)
        value.deallocate()
    }

    /// -1, 0 or 1.
    @inline(__always)
    var signum: Int {
        let size = value.pointee._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }

    @inline(__always)
    func set(_ other: GMPInteger) { __gmpz_set(value, other.value) }

    @inline(__always)
    func setZero() { __gmpz_set_ui(value, 0) }

    /// `self = a * k`.
    @inline(__always)
    func setProduct(_ a: GMPInteger, _ k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_mul_ui(value, a.value, UInt(k))
    }

    /// `self = a * b`.
    @inline(__always)
    func setProduct(_ a: GMPInteger, _ b: GMPInteger) { __gmpz_mul(value, a.value, b.value) }

    /// `self = a - b`.
    @inline(__always)
    func setDifference(_ a: GMPInteger, _ b: GMPInteger) { __gmpz_sub(value, a.value, b.value) }

    /// `self *= k`.
    @inline(__always)
    func multiply(by k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_mul_ui(value, value, UInt(k))
    }

    /// `self += a * k`.
    @inline(__always)
    func add(_ a: GMPInteger, times k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_addmul_ui(value, a.value, UInt(k))
    }

    /// `self -= a * k`.
    @inline(__always)
    func subtract(_ a: GMPInteger, times k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_submul_ui(value, a.value, UInt(k))
    }

    /// `self = self / d`, `d` dividing `self` exactly.
    @inline(__always)
    func divideExactly(by d: GMPInteger) { __gmpz_divexact(value, value, d.value) }

    /// `self = floor((x - 1) / k)` for `x > 0`, `k > 0`: then `m * k < x` exactly when
    /// `m <= self`, so a test per group is one comparison instead of a product.
    @inline(__always)
    func setLargestBelow(_ x: GMPInteger, dividedBy k: Int) {
        precondition(k > 0 && x.signum > 0, "GMPInteger: threshold of a positive amount by a positive divisor")
        __gmpz_sub_ui(value, x.value, 1)
        _ = __gmpz_fdiv_q_ui(value, value, UInt(k))
    }

    /// `self = -a`.
    @inline(__always)
    func setNegation(_ a: GMPInteger) { __gmpz_mul_si(value, a.value, -1) }

    /// The numerator and denominator of `r` into `numerator` and `denominator`.
    static func set(_ numerator: GMPInteger, _ denominator: GMPInteger, to r: Rational) {
        let big = r.bigValue
        withExtendedLifetime(big) {
            __gmpq_get_num(numerator.value, big.value)
            __gmpq_get_den(denominator.value, big.value)
        }
    }

    /// `self = lcm(self, d)`.
    func formLCM(with d: GMPInteger) { __gmpz_lcm(value, value, d.value) }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`.
    @inline(__always)
    static func compare(_ a: GMPInteger, _ b: GMPInteger) -> Int {
        let c = __gmpz_cmp(a.value, b.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// The exact rational `numerator / denominator` (`denominator > 0`).
    static func rational(_ numerator: GMPInteger, over denominator: GMPInteger) -> Rational {
        precondition(denominator.signum > 0, "GMPInteger: the unit's denominator is positive")
        return withExtendedLifetime((numerator, denominator)) {
            Rational(big: BigRational.make { q in
                __gmpq_set_num(q, numerator.value)
                __gmpq_set_den(q, denominator.value)
                __gmpq_canonicalize(q)
            })
        }
    }

    /// Whether the value is zero.
    @inline(__always)
    var isZero: Bool { value.pointee._mp_size == 0 }

    /// `self = a * (b / c)`, `c` dividing `b` exactly.
    func setProduct(_ a: GMPInteger, _ b: GMPInteger, dividedExactlyBy c: GMPInteger) {
        __gmpz_divexact(value, b.value, c.value)
        __gmpz_mul(value, value, a.value)
    }

    /// -1, 0 or 1 as `a / j` is below, equal to or above `b / k` (`j, k > 0`): compares
    /// `a * k` with `b * j` in the scratch values.
    @inline(__always)
    static func compare(_ a: GMPInteger, over j: Int, _ b: GMPInteger, over k: Int,
                        scratch: (GMPInteger, GMPInteger)) -> Int {
        __gmpz_mul_ui(scratch.0.value, a.value, UInt(k))
        __gmpz_mul_ui(scratch.1.value, b.value, UInt(j))
        let c = __gmpz_cmp(scratch.0.value, scratch.1.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// `a * 2^63 / b` rounded down (or up, with `roundingUp`), saturated at `UInt64.max`
    /// (`a >= 0`, `b > 0`), with `self` as scratch.
    func fixedPoint63(_ a: GMPInteger, over b: GMPInteger, roundingUp: Bool) -> UInt64 {
        precondition(a.signum >= 0 && b.signum > 0, "GMPInteger: fixed-point fraction of a non-negative amount by a positive one")
        __gmpz_mul_2exp(value, a.value, 63)
        if roundingUp { __gmpz_cdiv_q(value, value, b.value) } else { __gmpz_fdiv_q(value, value, b.value) }
        let size = value.pointee._mp_size
        if size == 0 { return 0 }
        return size == 1 ? UInt64(value.pointee._mp_d[0]) : .max
    }

    /// The exact rational `self / (k * unit)` (`k > 0`, `unit > 0`).
    func rational(over k: Int, times unit: GMPInteger) -> Rational {
        precondition(k > 0, "GMPInteger: positive divisor")
        let denominator = GMPInteger()
        denominator.setProduct(unit, k)
        return Self.rational(self, over: denominator)
    }
}
