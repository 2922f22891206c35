extension ReportPage {
    /// The currency from META `currency`, or the empty string.
    var currency: String { election.meta("currency") ?? "" }

    /// An amount of money as markup: digits grouped, two decimals when not whole with the
    /// exact value beside (when short enough to read), and the currency.
    func money(_ value: Rational) -> String {
        Self.number(value, places: 2) + (currency.isEmpty ? "" : "\u{A0}" + HTMLText.escape(currency))
    }

    /// An amount of money as markup without the currency (for table cells, whose column
    /// heading names it).
    func amount(_ value: Rational) -> String { Self.number(value, places: 2) }

    /// A column heading for amounts: `Cost (PLN)`.
    func moneyHeading(_ title: String) -> String {
        currency.isEmpty ? title : "\(title) (\(HTMLText.escape(currency)))"
    }

    /// A number as markup: grouped digits; `places` decimals when not whole, with the exact
    /// fraction beside it when it is at most 24 characters long.
    static func number(_ value: Rational, places: Int) -> String {
        if value.isInteger { return grouped(value.description) }
        let exact = value.description
        let decimal = grouped(value.decimalString(places: places))
        return exact.count <= 24 ? "\(decimal) <span class=\"exact\">(exactly \(exact))</span>" : decimal
    }

    /// An integer count with grouped digits.
    static func count(_ n: Int) -> String { grouped(String(n)) }

    /// `part / whole` as a percentage with one decimal (`0.0%` when `whole` is zero; never
    /// `100.0%` or `0.0%` when rounding would hide a difference).
    static func percent(_ part: Rational, of whole: Rational) -> String {
        guard !whole.isZero else { return "0.0%" }
        let text = (part * Rational(100) / whole).decimalString(places: 1)
        // Rounding must not say "all" or "nothing" when it is not so.
        if text == "100.0" && part != whole { return "over 99.9%" }
        if text == "0.0" && !part.isZero { return "under 0.1%" }
        return text + "%"
    }

    /// Digits grouped by three with narrow no-break spaces (`1 070 000`), the sign and
    /// decimals kept.
    static func grouped(_ digits: String) -> String {
        var sign = "", whole = Substring(digits), fraction = Substring("")
        if whole.hasPrefix("-") { sign = "-"; whole = whole.dropFirst() }
        if let dot = whole.firstIndex(of: ".") { fraction = whole[dot...]; whole = whole[..<dot] }
        guard whole.count > 4 else { return sign + whole + fraction }
        var out = ""
        for (k, c) in whole.enumerated() {
            if k > 0 && (whole.count - k) % 3 == 0 { out += "\u{202F}" }
            out.append(c)
        }
        return sign + out + fraction
    }

    /// `value / scale × length` as an SVG coordinate with two decimals (exact arithmetic;
    /// 0 when `scale` is zero).
    static func coordinate(_ value: Rational, of scale: Rational, length: Int) -> String {
        guard !scale.isZero else { return "0" }
        return (value * Rational(length) / scale).decimalString(places: 2)
    }
}
