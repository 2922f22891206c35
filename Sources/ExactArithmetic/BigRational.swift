import CGMP

/// An immutable GMP rational (`mpq_t`): the slow path of ``Rational``.
///
/// Immutable so that `Rational` keeps value semantics without copy-on-write checks:
/// every operation makes a new `BigRational`. Big values are rare in a count (they
/// appear only when a denominator outgrows 64 bits), so the allocation is not a cost.
@usableFromInline
package final class BigRational: @unchecked Sendable {
    // @unchecked: the mpq is written only in initialisers and freed in deinit.
    @usableFromInline
    package let value: UnsafeMutablePointer<__mpq_struct>

    init() {
        value = .allocate(capacity: 1)
        pb_mpq_init(value)
    }

    @usableFromInline
    convenience init(num: Int64, den: Int64) {
        self.init()
        pb_mpq_set_i64(value, num, den)
    }

    /// Parses "n" or "n/d" in base 10; `nil` if GMP refuses the text or `d` is zero.
    convenience init?(text: String) {
        self.init()
        let ok = text.withCString { pb_mpq_set_str(value, $0) } == 0
        if !ok || (text.contains("/") && text.hasSuffix("/0")) {
            return nil
        }
    }

    deinit {
        pb_mpq_clear(value)
        value.deallocate()
    }

    /// The result of `body(result)` on a fresh value.
    @usableFromInline
    package static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> BigRational {
        let r = BigRational()
        body(r.value)
        return r
    }

    /// Numerator and denominator when both fit in `Int64` (and the numerator is not `Int64.min`).
    @usableFromInline
    func smallParts() -> (Int64, Int64)? {
        guard pb_mpq_fits_i64(value) != 0 else { return nil }
        let n = pb_mpq_num_i64(value)
        guard n != Int64.min else { return nil }
        return (n, pb_mpq_den_i64(value))
    }

    @usableFromInline
    var signum: Int { Int(pb_mpq_sgn(value)) }

    /// The numerator's GMP integer (`mpq_numref`), valid while `self` lives.
    var numerator: UnsafeMutablePointer<__mpz_struct> {
        (UnsafeMutableRawPointer(value) + MemoryLayout<__mpq_struct>.offset(of: \__mpq_struct._mp_num)!)
            .assumingMemoryBound(to: __mpz_struct.self)
    }

    /// The denominator's GMP integer (`mpq_denref`, positive), valid while `self` lives.
    var denominator: UnsafeMutablePointer<__mpz_struct> {
        (UnsafeMutableRawPointer(value) + MemoryLayout<__mpq_struct>.offset(of: \__mpq_struct._mp_den)!)
            .assumingMemoryBound(to: __mpz_struct.self)
    }

    /// Feeds the numerator's and the denominator's sign, length and limbs to `hasher`.
    /// GMP keeps an integer normalised (no high zero limbs, zero has length 0) and the
    /// value is in lowest terms with a positive denominator, so equal values feed the same
    /// words.
    func hashLimbs(into hasher: inout Hasher) {
        for z in [numerator, denominator] {
            let size = Int(z.pointee._mp_size)
            hasher.combine(size)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(start: z.pointee._mp_d, count: abs(size))))
        }
    }

    var numeratorString: String { Self.take(pb_mpq_num_str(value)) }
    var denominatorString: String { Self.take(pb_mpq_den_str(value)) }

    func decimalString(places: Int) -> String {
        Self.take(pb_mpq_decimal_str(value, UInt(places)))
    }

    /// Converts a GMP-allocated C string and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { pb_free(pointer) }
        return String(cString: pointer)
    }
}
