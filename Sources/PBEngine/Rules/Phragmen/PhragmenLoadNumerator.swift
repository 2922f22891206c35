import CGMP

/// A load (or a sum of loads plus a cost) in a Phragmén count, as a GMP integer count of
/// the count's current unit `1 / D`, changed in place.
///
/// Why not ``Rational``: every funded project divides by its number of supporters, so
/// loads' denominators grow round after round and canonical rationals spend most of their
/// time in GMP's gcd and in allocation. Over one common denominator `D`, multiplied by
/// each winner's supporter count, every load stays an integer and no gcd is needed; loads
/// go back to ``Rational`` only for what the result shows (each round's `max_load`).
/// (`EqualSharesMoney` is the same idea for MES; each rule owns its own.)
final class PhragmenLoadNumerator {
    let value: UnsafeMutablePointer<__mpz_struct>

    init() {
        value = .allocate(capacity: 1)
        __gmpz_init(value)
    }

    deinit {
        __gmpz_clear(value)
        value.deallocate()
    }

    @inline(__always)
    func set(_ other: PhragmenLoadNumerator) { __gmpz_set(value, other.value) }

    /// `self *= k` (`k >= 0`).
    @inline(__always)
    func multiply(by k: Int) {
        precondition(k >= 0, "PhragmenLoadNumerator: negative factor")
        __gmpz_mul_ui(value, value, UInt(k))
    }

    /// `self = a - b`.
    @inline(__always)
    func setDifference(_ a: PhragmenLoadNumerator, _ b: PhragmenLoadNumerator) { __gmpz_sub(value, a.value, b.value) }

    /// `self += a * k` (`k >= 0`).
    @inline(__always)
    func add(_ a: PhragmenLoadNumerator, times k: Int) {
        precondition(k >= 0, "PhragmenLoadNumerator: negative factor")
        __gmpz_addmul_ui(value, a.value, UInt(k))
    }

    /// Whether the value is zero.
    @inline(__always)
    var isZero: Bool { value.pointee._mp_size == 0 }

    /// Sets `numerator` and `denominator` to the lowest-terms parts of `r` (`denominator > 0`).
    static func set(_ numerator: PhragmenLoadNumerator, _ denominator: PhragmenLoadNumerator, to r: Rational) {
        let big = r.bigValue
        withExtendedLifetime(big) {
            __gmpq_get_num(numerator.value, big.value)
            __gmpq_get_den(denominator.value, big.value)
        }
    }

    /// `self = lcm(self, d)`.
    func formLCM(with d: PhragmenLoadNumerator) { __gmpz_lcm(value, value, d.value) }

    /// `self = a * (b / c)`, `c` dividing `b` exactly.
    func setProduct(_ a: PhragmenLoadNumerator, _ b: PhragmenLoadNumerator, dividedExactlyBy c: PhragmenLoadNumerator) {
        __gmpz_divexact(value, b.value, c.value)
        __gmpz_mul(value, value, a.value)
    }

    /// -1, 0 or 1 as `a / j` is below, equal to or above `b / k` (`j, k > 0`): compares
    /// `a * k` with `b * j` in the scratch values.
    @inline(__always)
    static func compare(_ a: PhragmenLoadNumerator, over j: Int, _ b: PhragmenLoadNumerator, over k: Int,
                        scratch: (PhragmenLoadNumerator, PhragmenLoadNumerator)) -> Int {
        __gmpz_mul_ui(scratch.0.value, a.value, UInt(k))
        __gmpz_mul_ui(scratch.1.value, b.value, UInt(j))
        let c = __gmpz_cmp(scratch.0.value, scratch.1.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// The exact rational `self / (k * unit)` (`k > 0`, `unit > 0`).
    func rational(over k: Int, times unit: PhragmenLoadNumerator) -> Rational {
        precondition(k > 0, "PhragmenLoadNumerator: positive divisor")
        let denominator = PhragmenLoadNumerator()
        __gmpz_mul_ui(denominator.value, unit.value, UInt(k))
        return withExtendedLifetime((self, denominator)) {
            Rational(big: BigRational.make { q in
                __gmpq_set_num(q, value)
                __gmpq_set_den(q, denominator.value)
                __gmpq_canonicalize(q)
            })
        }
    }
}
