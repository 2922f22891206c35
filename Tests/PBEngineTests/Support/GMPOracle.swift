import CGMP

/// An independent exact rational computed straight with GMP, as the oracle for
/// `Rational`'s fast path: the test never goes through `Rational`'s own code.
final class GMPOracle {
    let value: UnsafeMutablePointer<__mpq_struct>

    init(_ num: Int64, _ den: Int64) {
        value = .allocate(capacity: 1)
        pb_mpq_init(value)
        pb_mpq_set_i64(value, num, den)
    }

    private init(raw: UnsafeMutablePointer<__mpq_struct>) {
        value = raw
    }

    deinit {
        pb_mpq_clear(value)
        value.deallocate()
    }

    private static func apply(_ a: GMPOracle, _ b: GMPOracle, _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void) -> GMPOracle {
        let r = UnsafeMutablePointer<__mpq_struct>.allocate(capacity: 1)
        pb_mpq_init(r)
        op(r, a.value, b.value)
        return GMPOracle(raw: r)
    }

    static func + (a: GMPOracle, b: GMPOracle) -> GMPOracle { apply(a, b) { pb_mpq_add($0, $1, $2) } }
    static func - (a: GMPOracle, b: GMPOracle) -> GMPOracle { apply(a, b) { pb_mpq_sub($0, $1, $2) } }
    static func * (a: GMPOracle, b: GMPOracle) -> GMPOracle { apply(a, b) { pb_mpq_mul($0, $1, $2) } }
    static func / (a: GMPOracle, b: GMPOracle) -> GMPOracle { apply(a, b) { pb_mpq_div($0, $1, $2) } }

    func compare(_ other: GMPOracle) -> Int {
        let c = pb_mpq_cmp(value, other.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// "n" or "n/d", as `Rational.description` prints.
    var text: String {
        let n = Self.take(pb_mpq_num_str(value))
        let d = Self.take(pb_mpq_den_str(value))
        return d == "1" ? n : "\(n)/\(d)"
    }

    /// The string GMP wrote, freed (`mpz_get_str` hands its buffer to the caller).
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { pb_free(pointer) }
        return String(cString: pointer)
    }
}
