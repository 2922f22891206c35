import CGMP

/// An amount of money in an MES run, as a GMP integer count of the run's current money
/// unit `1 / D`, changed in place.
///
/// Why not ``Rational``: in MES every payment divides by a sum of supporters' points, so
/// budgets' denominators grow round after round, and canonical rationals spend most of
/// their time in GMP's gcd and in allocation. Over a common denominator `D` that is
/// multiplied by each round's divisor, every amount stays an integer, no gcd is ever
/// needed, and the numbers grow by about 17 bits a round at most. Values go back to
/// ``Rational`` only for what a result shows (`rho`, totals).
final class EqualSharesMoney {
    let value: UnsafeMutablePointer<__mpz_struct>

    init() {
        value = .allocate(capacity: 1)
        __gmpz_init(value)
    }

    /// The integer written in base 10 (`Rational`'s numerator or denominator string).
    convenience init(decimal text: String) {
        self.init()
        let ok = text.withCString { __gmpz_set_str(value, $0, 10) } == 0
        precondition(ok, "EqualSharesMoney: not an integer: \(text)")
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
    func set(_ other: EqualSharesMoney) { __gmpz_set(value, other.value) }

    @inline(__always)
    func setZero() { __gmpz_set_ui(value, 0) }

    /// `self = a * k`.
    @inline(__always)
    func setProduct(_ a: EqualSharesMoney, _ k: Int) {
        precondition(k >= 0, "EqualSharesMoney: negative factor")
        __gmpz_mul_ui(value, a.value, UInt(k))
    }

    /// `self = a * b`.
    @inline(__always)
    func setProduct(_ a: EqualSharesMoney, _ b: EqualSharesMoney) { __gmpz_mul(value, a.value, b.value) }

    /// `self = a - b`.
    @inline(__always)
    func setDifference(_ a: EqualSharesMoney, _ b: EqualSharesMoney) { __gmpz_sub(value, a.value, b.value) }

    /// `self *= k`.
    @inline(__always)
    func multiply(by k: Int) {
        precondition(k >= 0, "EqualSharesMoney: negative factor")
        __gmpz_mul_ui(value, value, UInt(k))
    }

    /// `self += a * k`.
    @inline(__always)
    func add(_ a: EqualSharesMoney, times k: Int) {
        precondition(k >= 0, "EqualSharesMoney: negative factor")
        __gmpz_addmul_ui(value, a.value, UInt(k))
    }

    /// `self -= a * k`.
    @inline(__always)
    func subtract(_ a: EqualSharesMoney, times k: Int) {
        precondition(k >= 0, "EqualSharesMoney: negative factor")
        __gmpz_submul_ui(value, a.value, UInt(k))
    }

    /// `self = self / d`, `d` dividing `self` exactly.
    @inline(__always)
    func divideExactly(by d: EqualSharesMoney) { __gmpz_divexact(value, value, d.value) }

    /// `self = floor((x - 1) / k)` for `x > 0`, `k > 0`: then `m * k < x` exactly when
    /// `m <= self`, so a test per group is one comparison instead of a product.
    @inline(__always)
    func setLargestBelow(_ x: EqualSharesMoney, dividedBy k: Int) {
        precondition(k > 0 && x.signum > 0, "EqualSharesMoney: threshold of a positive amount by a positive divisor")
        __gmpz_sub_ui(value, x.value, 1)
        _ = __gmpz_fdiv_q_ui(value, value, UInt(k))
    }

    /// `self = -a`.
    @inline(__always)
    func setNegation(_ a: EqualSharesMoney) { __gmpz_mul_si(value, a.value, -1) }

    /// The numerator and denominator of `r` into `numerator` and `denominator`.
    static func set(_ numerator: EqualSharesMoney, _ denominator: EqualSharesMoney, to r: Rational) {
        let big = r.bigValue
        withExtendedLifetime(big) {
            __gmpq_get_num(numerator.value, big.value)
            __gmpq_get_den(denominator.value, big.value)
        }
    }

    /// `self = lcm(self, d)`.
    func formLCM(with d: EqualSharesMoney) { __gmpz_lcm(value, value, d.value) }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`.
    @inline(__always)
    static func compare(_ a: EqualSharesMoney, _ b: EqualSharesMoney) -> Int {
        let c = __gmpz_cmp(a.value, b.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// The exact rational `numerator / denominator` (`denominator > 0`).
    static func rational(_ numerator: EqualSharesMoney, over denominator: EqualSharesMoney) -> Rational {
        precondition(denominator.signum > 0, "EqualSharesMoney: the unit's denominator is positive")
        return withExtendedLifetime((numerator, denominator)) {
            Rational(big: BigRational.make { q in
                __gmpq_set_num(q, numerator.value)
                __gmpq_set_den(q, denominator.value)
                __gmpq_canonicalize(q)
            })
        }
    }
}
