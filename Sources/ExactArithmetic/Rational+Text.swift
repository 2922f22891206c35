import CGMP

extension Rational: CustomStringConvertible {
    /// The exact value: `"7"`, `"-3/4"`.
    public var description: String {
        switch storage {
        case let .small(n, d): return d == 1 ? String(n) : "\(n)/\(d)"
        case let .big(b): return b.denominatorString == "1" ? b.numeratorString : "\(b.numeratorString)/\(b.denominatorString)"
        }
    }

    /// The value rounded to `places` decimals (half away from zero), for people to read.
    ///
    /// Only for display: a count never reads this back.
    public func decimalString(places: Int = 2) -> String {
        precondition(places >= 0 && places <= 1000, "Rational.decimalString: places out of range")
        return bigValue.decimalString(places: places)
    }

    /// Parses the exact text that ``description`` prints (`"7"`, `"-3/4"`, big values too).
    ///
    /// - Returns: `nil` when the text is not an integer or a fraction with a non-zero denominator.
    public init?(exactly text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ Rational.isInteger(text: $0) }) else { return nil }
        if parts.count == 2 && parts[1].allSatisfy({ $0 == "0" || $0 == "-" }) { return nil }
        guard let big = BigRational(text: text) else { return nil }
        self.init(big: big)
    }

    private static func isInteger(text: Substring) -> Bool {
        let digits = text.first == "-" ? text.dropFirst() : text
        return !digits.isEmpty && digits.allSatisfy { $0 >= "0" && $0 <= "9" }
    }

    /// Parses a plain decimal as written in pabulib files: `250000`, `100000.0`, `12.5`,
    /// `-3` (no exponent, no thousands separator, no leading `+` or bare `.`).
    ///
    /// - Returns: `nil` when the bytes are not such a decimal.
    /// - Complexity: O(n) in the number of digits.
    public init?<Bytes: Collection>(decimal bytes: Bytes) where Bytes.Element == UInt8 {
        var negative = false
        var intDigits = 0
        var fracDigits = 0
        var seenPoint = false
        var value: Int64 = 0
        var overflow = false
        var index = 0
        for byte in bytes {
            defer { index += 1 }
            if byte == UInt8(ascii: "-") && index == 0 {
                negative = true
                continue
            }
            if byte == UInt8(ascii: ".") {
                if seenPoint || intDigits == 0 { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            if seenPoint { fracDigits += 1 } else { intDigits += 1 }
            if !overflow {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true } else { value = s }
            }
        }
        if intDigits == 0 || (seenPoint && fracDigits == 0) { return nil }
        if !overflow && fracDigits <= 18 {
            var den: Int64 = 1
            for _ in 0..<fracDigits { den *= 10 }
            self = Rational.reduced(negative ? -value : value, den)
            return
        }
        // Too long for 64 bits: let GMP read "digits/10^k".
        var digits = String(decoding: bytes.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
        if fracDigits > 0 { digits += "/1" + String(repeating: "0", count: fracDigits) }
        guard let big = BigRational(text: digits) else { return nil }
        self.init(big: big)
    }

    /// Parses a plain decimal string; see ``init(decimal:)``.
    public init?(decimal text: String) {
        self.init(decimal: Array(text.utf8))
    }
}
