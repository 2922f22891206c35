import PBEngine
import Testing

@Suite("Rational")
struct RationalTests {
    /// Values that sit on the edges of the 64-bit fast path.
    static let edges: [Int64] = [
        0, 1, -1, 2, -2, 3, 10, 1 << 31, -(1 << 31), (1 << 32) - 1, 1 << 32, 1 << 62, -(1 << 62),
        Int64.max, Int64.max - 1, Int64.min + 1, Int64.min + 2, 3_037_000_499, 3_037_000_500, -3_037_000_500,
        999_999_999_989, 600_851_475_143,
    ]

    /// A random value: mostly small, sometimes near the edges, sometimes huge.
    static func randomPart(_ g: inout SplitMix64) -> Int64 {
        switch g.next(upperBound: 4) {
        case 0: return Int64(g.next(upperBound: 2001)) - 1000
        case 1: return edges[Int(g.next(upperBound: UInt64(edges.count)))]
        case 2: return Int64(bitPattern: g.next()) >> Int64(g.next(upperBound: 63))
        default: return Int64(bitPattern: g.next() | 1) == Int64.min ? 1 : Int64(bitPattern: g.next())
        }
    }

    static func randomPair(_ g: inout SplitMix64) -> (Int64, Int64) {
        var n = randomPart(&g)
        var d = randomPart(&g)
        if n == Int64.min { n = Int64.min + 1 }
        if d == Int64.min || d == 0 { d = 7 }
        return (n, d)
    }

    @Test("every operation equals GMP on seeded random values, edges included", arguments: [1, 2, 3, 4] as [UInt64])
    func crossCheck(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        for _ in 0..<5_000 {
            let (a, b) = Self.randomPair(&g)
            let (c, d) = Self.randomPair(&g)
            let x = Rational(Int(a), Int(b))
            let y = Rational(Int(c), Int(d))
            let ox = GMPOracle(a, b)
            let oy = GMPOracle(c, d)
            #expect(x.description == ox.text)
            #expect((x + y).description == (ox + oy).text)
            #expect((x - y).description == (ox - oy).text)
            #expect((x * y).description == (ox * oy).text)
            if !y.isZero {
                #expect((x / y).description == (ox / oy).text)
            }
            #expect(Rational.compare(x, y) == ox.compare(oy))
            #expect((x < y) == (ox.compare(oy) < 0))
            #expect((x == y) == (ox.compare(oy) == 0))
            var z = x
            z += y
            #expect(z.description == (ox + oy).text)
            z -= y
            #expect(z == x)
        }
    }

    @Test("results that overflow 64 bits go to GMP and come back when they fit")
    func overflowRoundTrip() {
        let big = Rational(Int(Int64.max)) + Rational(Int(Int64.max))
        #expect(!big.isSmall)
        #expect(big.description == "18446744073709551614")
        let back = big - Rational(Int(Int64.max))
        #expect(back.isSmall)
        #expect(back == Rational(Int(Int64.max)))
        let tiny = Rational(1, Int(Int64.max)) * Rational(1, Int(Int64.max))
        #expect(!tiny.isSmall)
        #expect((tiny * Rational(Int(Int64.max))) == Rational(1, Int(Int64.max)))
    }

    @Test("big values (GMP path) compare, add and multiply like GMP, many times over")
    func bigValuesAgainstGMP() {
        // Regression: the slow path once handed GMP a pointer into a temporary that Swift
        // freed before the call, so comparisons of big values read freed memory.
        var g = SplitMix64(seed: 77)
        let scale = Rational(Int(Int64.max))
        let oscale = GMPOracle(Int64.max, 1)
        for _ in 0..<3_000 {
            let (a, b) = Self.randomPair(&g)
            let (c, d) = Self.randomPair(&g)
            // Values of about 2^126: always on the GMP path.
            let x = Rational(Int(a), Int(b)) * scale * scale
            let y = Rational(Int(c), Int(d)) * scale * scale
            let ox = GMPOracle(a, b) * oscale * oscale
            let oy = GMPOracle(c, d) * oscale * oscale
            #expect(x.description == ox.text)
            #expect(Rational.compare(x, y) == ox.compare(oy))
            #expect(Rational.compare(y, x) == oy.compare(ox))
            // Mixed: the small side becomes a temporary GMP value for the call.
            let small = Rational(Int(c), Int(d))
            #expect(Rational.compare(x, small) == ox.compare(GMPOracle(c, d)))
            #expect(Rational.compare(small, x) == GMPOracle(c, d).compare(ox))
            #expect((x + small).description == (ox + GMPOracle(c, d)).text)
            #expect((x + y).description == (ox + oy).text)
            #expect((x * y).description == (ox * oy).text)
            #expect(min(x, y) <= max(x, y))
            if !x.isZero {
                #expect(x.reciprocal.description == (GMPOracle(1, 1) / ox).text)
            }
        }
    }

    @Test("sums of many shares stay exact")
    func sharesSumExactly() {
        // 7 voters each get 1/7 of 100: the shares add back to 100 exactly.
        let share = Rational(100) / Rational(7)
        var total = Rational.zero
        for _ in 0..<7 { total += share }
        #expect(total == Rational(100))
        #expect(share.description == "100/7")
        #expect(share.decimalString(places: 3) == "14.286")
    }

    @Test("floor, ceiling and decimal rendering")
    func roundingForDisplay() {
        #expect(Rational(7, 2).floor == Rational(3))
        #expect(Rational(-7, 2).floor == Rational(-4))
        #expect(Rational(-7, 2).ceiling == Rational(-3))
        #expect(Rational(6).floor == Rational(6))
        #expect(Rational(1, 3).decimalString(places: 2) == "0.33")
        #expect(Rational(-1, 8).decimalString(places: 2) == "-0.13")
        #expect(Rational(-1, 1000).decimalString(places: 2) == "0.00")
        #expect(Rational(5).decimalString(places: 0) == "5")
        #expect(Rational(25, 10).decimalString(places: 0) == "3")
    }

    @Test("plain decimals parse exactly", arguments: [
        ("250000", "250000"), ("100000.0", "100000"), ("12.5", "25/2"), ("-3", "-3"), ("0.001", "1/1000"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("1.0000000000000000000001", "10000000000000000000001/10000000000000000000000"),
    ])
    func decimals(text: String, exact: String) {
        #expect(Rational(decimal: text)?.description == exact)
    }

    @Test("anything that is not a plain decimal is refused", arguments: [
        "1e6", "", ".5", "5.", "+5", "1,5", "1 000", "--1", "1.2.3", "0x10", "NaN", "-", " 5",
    ])
    func refusedDecimals(text: String) {
        #expect(Rational(decimal: text) == nil)
    }

    @Test("exact text round-trips, big values too")
    func exactText() {
        for text in ["0", "-3/4", "7", "18446744073709551614/3"] {
            #expect(Rational(exactly: text)?.description == text)
        }
        #expect(Rational(exactly: "1/0") == nil)
        #expect(Rational(exactly: "2/4")?.description == "1/2")
        #expect(Rational(exactly: "x") == nil)
    }
}
