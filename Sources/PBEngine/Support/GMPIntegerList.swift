import CGMP

/// A growable list of exact GMP integers stored side by side: one `mpz` header per value
/// in a single buffer, no object per value.
///
/// Why not `[GMPInteger]`: MES keeps one budget per class of voters, and on large elections
/// with varied ballots there are hundreds of thousands of classes, each read once per
/// evaluation of a project they support. Through an array of objects a read is four
/// dependent loads (array slot, object, `mpz` header, digits) plus reference counting;
/// here it is two (header, digits) and none. Headers can move when the buffer grows
/// (an `mpz` header only points to its digits, nothing points back to it).
final class GMPIntegerList {
    private var base: UnsafeMutablePointer<__mpz_struct>
    private var capacity: Int
    /// The number of values.
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        for i in 0..<count { __gmpz_clear(base + i) }
        base.deallocate()
    }

    /// Makes the list hold at least `n` values; new values are 0.
    ///
    /// - Complexity: amortized O(1) per new value.
    func reserve(_ n: Int) {
        if n > capacity {
            let grown = max(n, capacity * 2)
            let moved = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: grown)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        while count < n {
            __gmpz_init(base + count)
            count += 1
        }
    }

    /// Asks the processor to bring value `i`'s digits into the cache for a write soon (no
    /// effect if `i` is past the end).
    @inline(__always)
    func prefetchForWrite(_ i: Int) { if i < count { pb_mpz_prefetch_write(base + i) } }

    /// Asks the processor to bring value `i`'s digits into the cache for a read soon.
    @inline(__always)
    func prefetchForRead(_ i: Int) { pb_mpz_prefetch_read(base + i) }

    /// Asks the processor to bring value `i`'s header into the cache for a read soon.
    @inline(__always)
    func prefetchHeader(_ i: Int) { pb_prefetch_read(base + i) }

    /// The `mpz` header of value `i`; valid until the list grows.
    @inline(__always)
    subscript(i: Int) -> UnsafeMutablePointer<__mpz_struct> {
        base + i
    }

    /// `list[i] = 0`.
    @inline(__always)
    func setZero(_ i: Int) { __gmpz_set_ui(base + i, 0) }

    /// `list[i] = a * b`.
    @inline(__always)
    func setProduct(_ i: Int, _ a: GMPInteger, _ b: GMPInteger) { __gmpz_mul(base + i, a.value, b.value) }

    /// `list[i] = a - b`.
    @inline(__always)
    func setDifference(_ i: Int, _ a: GMPInteger, _ b: GMPInteger) { __gmpz_sub(base + i, a.value, b.value) }

    /// `list[i] *= k`.
    @inline(__always)
    func multiply(_ i: Int, by k: Int) {
        precondition(k >= 0, "GMPIntegerList: negative factor")
        __gmpz_mul_ui(base + i, base + i, UInt(k))
    }

    /// -1, 0 or 1 as `list[i]` is below, equal to or above `b`.
    @inline(__always)
    func compare(_ i: Int, _ b: GMPInteger) -> Int {
        let c = __gmpz_cmp(base + i, b.value)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }

    /// The leading digits of `list[i]`.
    @inline(__always)
    func lead(_ i: Int) -> Lead { Lead(base + i) }

    /// -1, 0 or 1 as `list[i]` is below, equal to or above `list[j]`.
    @inline(__always)
    func compare(_ i: Int, _ j: Int) -> Int {
        let c = __gmpz_cmp(base + i, base + j)
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }
}

extension GMPIntegerList {
    /// A value's length in machine words and its leading word: enough to order most pairs
    /// of non-negative values without reading their digits.
    struct Lead: Sendable {
        var size: Int32 = 0
        var top: UInt64 = 0

        init() {}

        @inline(__always)
        init(_ z: UnsafePointer<__mpz_struct>) {
            size = z.pointee._mp_size
            top = size > 0 ? UInt64(z.pointee._mp_d[Int(size) - 1]) : 0
        }

        /// -1 or 1 when the leads alone order the two values; 0 when they cannot (equal
        /// leads, or a negative value), and the values themselves must be compared.
        @inline(__always)
        static func compare(_ a: Lead, _ b: Lead) -> Int {
            if a.size < 0 || b.size < 0 { return 0 }
            if a.size != b.size { return a.size < b.size ? -1 : 1 }
            if a.top != b.top { return a.top < b.top ? -1 : 1 }
            return 0
        }
    }
}

extension GMPInteger {
    /// The leading digits of the value.
    @inline(__always)
    var lead: GMPIntegerList.Lead { GMPIntegerList.Lead(value) }

    /// `self = list[i]`.
    @inline(__always)
    func set(_ list: GMPIntegerList, _ i: Int) { __gmpz_set(value, list[i]) }

    /// `self = list[i] * k`.
    @inline(__always)
    func setProduct(_ list: GMPIntegerList, _ i: Int, _ k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_mul_ui(value, list[i], UInt(k))
    }

    /// `self += list[i] * k`.
    @inline(__always)
    func add(_ list: GMPIntegerList, _ i: Int, times k: Int) {
        precondition(k >= 0, "GMPInteger: negative factor")
        __gmpz_addmul_ui(value, list[i], UInt(k))
    }
}
