/// The Gini coefficient of non-negative values, exactly, as pabutools'
/// `gini_coefficient` defines it.
///
/// With the `n` values sorted ascending as `v_0 <= ... <= v_{n-1}`:
/// `G = (n + 1 - 2 * sum_k v_k * (n - k) / sum_k v_k) / n`, and 0 when every value is 0
/// (or there are none).
///
/// - Parameter values: Non-negative values, in any order.
/// - Returns: The exact coefficient.
/// - Precondition: No value is negative.
/// - Complexity: O(n log n).
public func giniCoefficient(_ values: [Rational]) -> Rational {
    precondition(values.allSatisfy { $0.signum >= 0 }, "giniCoefficient: negative values have no Gini coefficient here")
    let sorted = values.sorted()
    let n = sorted.count
    var total = Rational.zero
    var weighted = Rational.zero
    for (k, v) in sorted.enumerated() where !v.isZero {
        total += v
        weighted += v * Rational(n - k)
    }
    guard !total.isZero else { return .zero }
    return (Rational(n + 1) - Rational(2) * weighted / total) / Rational(n)
}

/// The Gini coefficient of grouped values: ``giniCoefficient(_:)`` of the multiset in
/// which `values[j]` occurs `counts[j]` times.
///
/// Equal values contribute the same whatever their order among themselves, so a group of
/// `m` copies of `v` starting at sorted position `k0` adds
/// `v * sum_{k = k0}^{k0 + m - 1} (n - k) = v * (2 m (n - k0) - m (m - 1)) / 2`. The
/// coefficient does not change when every value is multiplied by the same positive
/// number, so callers pass integer values when they can (no gcd then).
///
/// - Parameters:
///   - values: Distinct non-negative values, ascending.
///   - counts: How often each occurs.
/// - Complexity: O(values.count).
func giniCoefficient(values: [Rational], counts: [Int]) -> Rational {
    precondition(values.count == counts.count, "giniCoefficient: one count per value")
    let n = counts.reduce(0, +)
    var total = Rational.zero
    var twiceWeighted = Rational.zero
    var start = 0
    for (v, m) in zip(values, counts) {
        precondition(v.signum >= 0, "giniCoefficient: negative values have no Gini coefficient here")
        if !v.isZero && m > 0 {
            total += v * Rational(m)
            twiceWeighted += v * (Rational(2 * m) * Rational(n - start) - Rational(m) * Rational(m - 1))
        }
        start += m
    }
    guard !total.isZero else { return .zero }
    return (Rational(n + 1) - twiceWeighted / total) / Rational(n)
}
