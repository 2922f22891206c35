/// ``FixedPointKey``'s order for the hot loops of the rules (the round's sort of MES; EES
/// range proofs order their lower keys with a slack, `RangeClasses.keyOrder`). It lives here, not in ExactArithmetic beside the key:
/// a function there was not inlined in these loops, even marked `@inlinable` (checked with
/// `objdump`), a call per comparison in loops that do little else.
extension FixedPointKey {
    /// -1, 0 or 1 as `a` is below, equal to or above `b`.
    @inline(__always)
    static func order(_ a: FixedPointKey, _ b: FixedPointKey) -> Int {
        if a.high != b.high { return a.high < b.high ? -1 : 1 }
        if a.low != b.low { return a.low < b.low ? -1 : 1 }
        return 0
    }

    /// The key as one 128-bit number (`floor(x * 2^64)` itself).
    @inline(__always)
    var wide: UInt128 { UInt128(high) << 64 | UInt128(low) }
}
