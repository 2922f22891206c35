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
