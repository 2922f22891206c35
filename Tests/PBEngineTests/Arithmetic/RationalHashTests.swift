import PBEngine
import Testing

/// `Rational`'s hash must agree with `==`: equal values hash equal however they were
/// built, so sets and dictionaries keyed by rationals (EES keys its budget classes by the
/// amount paid) find them. Big values hash their GMP limbs, so these cases build the same
/// big value along different paths.
@Suite("Rational hashing")
struct RationalHashTests {
    static let m = Rational(Int(Int64.max))

    /// Pairs of equal values built different ways: past 64 bits, negative, reduced from
    /// unreduced inputs, coming back to the small form.
    static let equalPairs: [(Rational, Rational)] = [
        // Int64.max² as a product and parsed from its digits.
        (m * m, Rational(exactly: "85070591730234615847396907784232501249")!),
        // The same big value from an unreduced fraction: (2·X)/(2) and X·6/6.
        (m * m, (m * m * Rational(6)) / Rational(6)),
        // Negative and big.
        (-(m * m), Rational(exactly: "-85070591730234615847396907784232501249")!),
        ((-m) * m, Rational.zero - m * m),
        // A big denominator, reduced: (3·Y)/(9·Y·Y) = 1/(3·Y).
        (Rational(1) / (Rational(3) * m * m), (Rational(3) * m) / (Rational(9) * m * m * m)),
        // A big fraction as a sum of two parts and as one text.
        (m * m + Rational(1, 3), Rational(exactly: "255211775190703847542190723352697503748/3")!),
        // Back to 64 bits: the small form again.
        ((m * m) / m, m),
        (Rational(6, 4), Rational(3, 2)),
        (Rational(-6, 4), Rational(3, -2)),
    ]

    @Test("equal values built different ways are equal and hash equal")
    func equalValuesHashEqual() {
        for (a, b) in Self.equalPairs {
            #expect(a == b)
            #expect(a.hashValue == b.hashValue, "\(a)")
        }
        // The big cases really are big (the limb hash is exercised).
        #expect(!(Self.m * Self.m).isSmall)
        #expect(!(Rational(1) / (Rational(3) * Self.m * Self.m)).isSmall)
    }

    @Test("a set and a dictionary keyed by big and negative values find them built another way")
    func setsAndDictionaries() {
        var set = Set<Rational>()
        var dictionary: [Rational: Int] = [:]
        for (k, (a, _)) in Self.equalPairs.enumerated() {
            set.insert(a)
            dictionary[a] = k
        }
        // Pairs 0 and 1 share their value, so a later insert replaced the earlier key's value.
        #expect(set.count == Set(Self.equalPairs.map(\.0.description)).count)
        for (a, b) in Self.equalPairs {
            #expect(set.contains(b))
            #expect(dictionary[b] == dictionary[a])
        }
        // Values that differ only slightly are told apart.
        let big = Self.m * Self.m
        #expect(!set.contains(big + Rational(1)))
        #expect(!set.contains(-big + Rational(1, 2)))
        #expect(dictionary[big / Rational(7)] == nil)
    }

    @Test("many sums of shares, built in different orders, land on the same keys", arguments: [5, 6] as [UInt64])
    func sumsInAnyOrder(seed: UInt64) {
        // Amounts paid in EES are sums of c/m; adding the same parts in another order must
        // give the same key, including once the sums outgrow 64 bits.
        var g = SplitMix64(seed: seed)
        var counts: [Rational: Int] = [:]
        var sums: [[Rational]] = []
        for _ in 0..<200 {
            let parts = (0..<Int(g.next(upperBound: 12)) + 1).map { _ in
                Rational(Int(g.next(upperBound: 1_000_000)) + 1, Int(g.next(upperBound: 90_000)) + 1)
            }
            let sum = parts.reduce(Rational.zero, +)
            counts[sum, default: 0] += 1
            sums.append(parts)
        }
        for parts in sums {
            let reversed = parts.reversed().reduce(Rational.zero, +)
            #expect(counts[reversed] != nil)
            let text = Rational(exactly: reversed.description)!
            #expect(text.hashValue == reversed.hashValue)
        }
        #expect(sums.contains { !$0.reduce(Rational.zero, +).isSmall })
    }
}
