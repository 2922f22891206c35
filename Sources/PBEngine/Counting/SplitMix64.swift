/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified pseudo-random generator,
/// so that a seeded draw (`lot:SEED`, generated elections) is reproducible by anyone.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `0 ..< upperBound` by rejection (no modulo bias), documented so
    /// that other implementations can reproduce draws exactly.
    public mutating func next(upperBound: UInt64) -> UInt64 {
        precondition(upperBound > 0, "SplitMix64: empty range")
        let limit = UInt64.max - UInt64.max % upperBound
        while true {
            let x = next()
            if x < limit { return x % upperBound }
        }
    }
}
