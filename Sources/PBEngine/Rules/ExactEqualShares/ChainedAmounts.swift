/// The `lo`s (or the `hi`s) of a range proof's classes (``RangeClasses``), each kept as the
/// amount of the class it came from plus one payment, summed only when asked for.
///
/// Hand-written for the proofs' sake: a proof makes a class for each class of a winner's
/// supporters in each round (Amsterdam 309: 6.3 million in a walk), and forming their sums
/// (a `gcd` each, GMP past 64 bits) was about a tenth of the count, while the proof decides
/// nearly every test on the classes' fixed-point keys (``RangeClasses``) and needs an exact
/// amount only where two of them, or an amount and a share, lie within a few `2^-64` of
/// each other. A sum, once formed, is kept.
///
/// A value, handed `inout` to what may sum (a class with its arrays behind dynamic
/// exclusivity checks cost Warsaw 2026 2.7% more instructions than summing every amount).
struct ChainedAmounts {
    /// The amount of each class where `isSummed`; a placeholder elsewhere.
    private var value: [Rational] = []
    private var isSummed: [Bool] = []
    /// The class whose amount this one extends, and the index in `payments` of what it adds
    /// (-1: nothing; -1 and -1 for an amount given whole).
    private var parent: [Int32] = []
    private var payment: [Int32] = []
    /// The payments added, one entry per distinct payment of a funding.
    private var payments: [Rational] = []
    /// Scratch of ``amount(_:)``: the classes to sum, latest first.
    private var pending: [Int32] = []

    init(reservingCapacity classes: Int) {
        value.reserveCapacity(classes)
        isSummed.reserveCapacity(classes)
        parent.reserveCapacity(classes)
        payment.reserveCapacity(classes)
    }

    var count: Int { value.count }

    /// Registers a payment that later classes add (``append(from:adding:)``).
    /// - Returns: its index.
    mutating func register(_ amount: Rational) -> Int32 {
        payments.append(amount)
        return Int32(payments.count - 1)
    }

    /// A class of the amount `amount`.
    mutating func append(_ amount: Rational) {
        value.append(amount)
        isSummed.append(true)
        parent.append(-1)
        payment.append(-1)
    }

    /// A class of the amount of class `k` plus the payment `added` (-1: nothing).
    mutating func append(from k: Int32, adding added: Int32) {
        if added < 0 && isSummed[Int(k)] {
            append(value[Int(k)])
            return
        }
        value.append(.zero)
        isSummed.append(false)
        parent.append(k)
        payment.append(added)
    }

    /// The amount of class `k`, summed now if it was not (and kept, with those of the
    /// classes it comes from).
    mutating func amount(_ k: Int) -> Rational {
        if isSummed[k] { return value[k] }
        var j = k
        while !isSummed[j] {
            pending.append(Int32(j))
            j = Int(parent[j])
        }
        var sum = value[j]
        while let i = pending.popLast() {
            let p = payment[Int(i)]
            if p >= 0 { sum = sum + payments[Int(p)] }
            value[Int(i)] = sum
            isSummed[Int(i)] = true
        }
        return sum
    }
}
