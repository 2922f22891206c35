import CGMP

/// Exact comparisons of sums `x + y/m` (rationals `x`, `y`, a positive integer `m`) with
/// each other, with fractions of two `Int64` and with rationals, without forming the sums.
///
/// Why hand-written: Exact Equal Shares compares thousands of thresholds `paid + c/m` per
/// round (an amount paid, a cost split among `m` payers), and only compares them. Once
/// amounts paid outgrow 64 bits, forming each sum as a ``Rational`` costs a GMP gcd and
/// several allocations. Here each side becomes the unreduced fraction
/// `(a·v·m + u·b) / (b·v·m)` for `x = a/b`, `y = u/v`, in GMP integers allocated once and
/// reused, and the two sides are compared by cross-multiplication: no gcd, and no
/// allocation once the scratch integers have grown to the sizes met.
///
/// A reference type holding scratch space: use one per thread of work, never share one
/// between threads.
package final class SumComparator {
    /// One side of a comparison.
    package enum Operand {
        /// `x + y/m`, `m > 0`.
        case sum(Rational, Rational, Int)
        /// `n/d`, `d > 0`, not necessarily reduced.
        case fraction(Int64, Int64)
        /// A rational.
        case value(Rational)
    }

    /// Scratch integers: the two sides' numerators and denominators, the parts of small
    /// rationals, and the two cross products.
    private let z: UnsafeMutablePointer<__mpz_struct>
    private static let slots = 12
    private var n1: UnsafeMutablePointer<__mpz_struct> { z }
    private var d1: UnsafeMutablePointer<__mpz_struct> { z + 1 }
    private var n2: UnsafeMutablePointer<__mpz_struct> { z + 2 }
    private var d2: UnsafeMutablePointer<__mpz_struct> { z + 3 }
    private var xNum: UnsafeMutablePointer<__mpz_struct> { z + 4 }
    private var xDen: UnsafeMutablePointer<__mpz_struct> { z + 5 }
    private var yNum: UnsafeMutablePointer<__mpz_struct> { z + 6 }
    private var yDen: UnsafeMutablePointer<__mpz_struct> { z + 7 }
    private var left: UnsafeMutablePointer<__mpz_struct> { z + 8 }
    private var right: UnsafeMutablePointer<__mpz_struct> { z + 9 }
    private var pinnedNum: UnsafeMutablePointer<__mpz_struct> { z + 10 }
    private var pinnedDen: UnsafeMutablePointer<__mpz_struct> { z + 11 }

    package init() {
        z = .allocate(capacity: Self.slots)
        for i in 0..<Self.slots { __gmpz_init(z + i) }
        __gmpz_set_si(pinnedDen, 1)
    }

    deinit {
        for i in 0..<Self.slots { __gmpz_clear(z + i) }
        z.deallocate()
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`.
    ///
    /// - Complexity: a few multiplications of GMP integers as long as the operands' parts.
    package func compare(_ a: Operand, _ b: Operand) -> Int {
        withExtendedLifetime((a, b)) {
            load(a, num: n1, den: d1)
            load(b, num: n2, den: d2)
            __gmpz_mul(left, n1, d2)
            __gmpz_mul(right, n2, d1)
            let c = __gmpz_cmp(left, right)
            return c < 0 ? -1 : (c == 0 ? 0 : 1)
        }
    }

    /// Keeps `b` as the right side of ``compareToPinned(_:)``, so that comparing many
    /// values with one bound loads the bound once.
    package func pin(_ b: Operand) {
        withExtendedLifetime(b) { load(b, num: pinnedNum, den: pinnedDen) }
    }

    /// -1, 0 or 1 as `a` is below, equal to or above the operand last given to
    /// ``pin(_:)`` (zero before any).
    package func compareToPinned(_ a: Operand) -> Int {
        withExtendedLifetime(a) {
            load(a, num: n1, den: d1)
            __gmpz_mul(left, n1, pinnedDen)
            __gmpz_mul(right, pinnedNum, d1)
            let c = __gmpz_cmp(left, right)
            return c < 0 ? -1 : (c == 0 ? 0 : 1)
        }
    }

    /// Sets `num/den` (`den > 0`) to the value of `operand`.
    private func load(_ operand: Operand, num: UnsafeMutablePointer<__mpz_struct>, den: UnsafeMutablePointer<__mpz_struct>) {
        switch operand {
        case let .fraction(n, d):
            __gmpz_set_si(num, Int(n))
            __gmpz_set_si(den, Int(d))
        case let .value(r):
            let (a, b) = parts(r, num: xNum, den: xDen)
            __gmpz_set(num, a)
            __gmpz_set(den, b)
        case let .sum(x, y, m):
            // (a·v·m + u·b) / (b·v·m)
            let (a, b) = parts(x, num: xNum, den: xDen)
            let (u, v) = parts(y, num: yNum, den: yDen)
            if case .small(_, 1) = y.storage {
                __gmpz_mul_si(num, a, m)
                __gmpz_addmul(num, u, b)
                __gmpz_mul_si(den, b, m)
            } else {
                __gmpz_mul(num, a, v)
                __gmpz_mul_si(num, num, m)
                __gmpz_addmul(num, u, b)
                __gmpz_mul(den, b, v)
                __gmpz_mul_si(den, den, m)
            }
        }
    }

    /// Pointers to `r`'s numerator and denominator: its own GMP integers when it is big
    /// (valid while `r` lives), else `num` and `den` set to its small parts.
    private func parts(_ r: Rational, num: UnsafeMutablePointer<__mpz_struct>, den: UnsafeMutablePointer<__mpz_struct>)
        -> (UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) {
        switch r.storage {
        case let .small(n, d):
            __gmpz_set_si(num, Int(n))
            __gmpz_set_si(den, Int(d))
            return (UnsafePointer(num), UnsafePointer(den))
        case let .big(b):
            return (UnsafePointer(b.numerator), UnsafePointer(b.denominator))
        }
    }
}
