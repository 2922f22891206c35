/// The groups of one evaluation on funding sets and keys (``EqualSharesRun``'s one-lane
/// approval runs): a buffer the engine owns and fills anew at every collection, without
/// an allocation, a uniqueness check or a bounds check per group.
///
/// Hand-written rather than an `Array` of the engine's `Group` (48 bytes, 24 here): an
/// evaluation's passes read its groups several times over, and with tens of thousands of
/// classes the larger groups left the second-level cache; an array allocated afresh at
/// each collection (the old one freed) was also memory the caches had not seen.
struct MaskedGroupBuffer {
    struct Group {
        /// The class's key (its budget as a fraction of the share, 63-bit fixed point).
        var key: UInt64
        var weight: Int
        var cls: Int32
        /// Set by the funding: the class its voters move to (0: they paid all they had).
        var newClass: Int32 = 0
    }

    private(set) var base: UnsafeMutablePointer<Group>
    private(set) var capacity: Int
    /// The groups are `base[0 ..< count]`.
    var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    /// Room for `n` groups; the groups held are dropped (`count` is 0 after).
    mutating func makeRoom(_ n: Int) {
        count = 0
        guard n > capacity else { return }
        base.deallocate()
        capacity = max(n, 2 * capacity)
        base = .allocate(capacity: capacity)
    }

    /// Frees the buffer (the engine's `deinit`).
    func free() { base.deallocate() }

    var all: UnsafeMutableBufferPointer<Group> { UnsafeMutableBufferPointer(start: base, count: count) }
}
