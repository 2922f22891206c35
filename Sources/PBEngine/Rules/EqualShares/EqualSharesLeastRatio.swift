import CGMP
import ExactArithmetic

/// The least of several ratios of differences of ``Rational`` values, for the add1 loop's
/// guesses (``EqualShares/predictedCrossing(from:to:)``, ``EqualShares/reach(from:to:)``):
/// each difference and ratio is kept as an unreduced fraction of GMP integers, candidates
/// are compared by cross-multiplication, and only the least is reduced, once, at the end.
///
/// Why hand-written: the values are `rho` of MES rounds, fractions over the run's unit `D`
/// (hundreds to thousands of bits). As ``Rational`` arithmetic each difference, product
/// and quotient took a GMP gcd of such numbers, and the two guesses were 13% of an add1
/// count's instructions on the generated `corpus_0005`. The least value is the same
/// rational either way, so the guesses, and so the probes, do not change.
///
/// A reference type holding scratch integers: one per call of a guess, never shared.
final class EqualSharesLeastRatio {
    private let an = GMPInteger(), ad = GMPInteger(), bn = GMPInteger(), bd = GMPInteger()
    private let t1 = GMPInteger(), t2 = GMPInteger()
    private let leastNumerator = GMPInteger(), leastDenominator = GMPInteger()
    private var found = false

    /// `a - b` into `numerator / denominator` (the denominator positive, not reduced).
    private func difference(_ a: Rational, _ b: Rational, into numerator: GMPInteger, _ denominator: GMPInteger) {
        GMPInteger.set(an, ad, to: a)
        GMPInteger.set(bn, bd, to: b)
        t1.setProduct(an, bd)
        t2.setProduct(bn, ad)
        numerator.setDifference(t1, t2)
        denominator.setProduct(ad, bd)
    }

    private let gN = GMPInteger(), gD = GMPInteger(), hN = GMPInteger(), hD = GMPInteger()
    private let ratioNumerator = GMPInteger(), ratioDenominator = GMPInteger()

    /// Offers `(p - q) / ((r - s) - (p - q))` when its denominator is positive (where the
    /// line through the gap `r - s` at one share and `p - q` at a later one reaches 0,
    /// in units of the distance between the two shares, beyond the later one).
    func offerCrossing(_ p: Rational, _ q: Rational, before r: Rational, _ s: Rational) {
        difference(p, q, into: gN, gD)
        difference(r, s, into: hN, hD)
        // (r - s) - (p - q) = (hN gD - gN hD) / (hD gD); the ratio is gN hD / (hN gD - gN hD).
        t1.setProduct(hN, gD)
        t2.setProduct(gN, hD)
        ratioDenominator.setDifference(t1, t2)
        guard ratioDenominator.signum > 0 else { return }
        ratioNumerator.set(t2)
        keepIfLeast()
    }

    /// Offers `(p - q) / (r - p)` when `r - p` is positive.
    func offerQuotient(_ p: Rational, _ q: Rational, over r: Rational) {
        difference(r, p, into: hN, hD)
        guard hN.signum > 0 else { return }
        difference(p, q, into: gN, gD)
        // (gN / gD) / (hN / hD) = gN hD / (gD hN).
        ratioNumerator.setProduct(gN, hD)
        ratioDenominator.setProduct(gD, hN)
        keepIfLeast()
    }

    private func keepIfLeast() {
        if found {
            t1.setProduct(ratioNumerator, leastDenominator)
            t2.setProduct(leastNumerator, ratioDenominator)
            guard GMPInteger.compare(t1, t2) < 0 else { return }
        }
        leastNumerator.set(ratioNumerator)
        leastDenominator.set(ratioDenominator)
        found = true
    }

    /// The least ratio offered, in lowest terms; `nil` if none was kept.
    var least: Rational? {
        found ? GMPInteger.rational(leastNumerator, over: leastDenominator) : nil
    }
}
