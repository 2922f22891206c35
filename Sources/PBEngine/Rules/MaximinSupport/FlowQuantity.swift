/// An amount that can flow through a ``SupportFlow`` network: exact, with `+`, `-` and an
/// order.
///
/// Two conformances: `Int64`, the fast path, used only after the caller has checked that
/// the sum of all source capacities fits (then no sum or difference of flows can
/// overflow, and Swift's trapping arithmetic is a safety net, never a rounding); and
/// ``Rational``, the exact fallback when scaled capacities would not fit in 64 bits.
protocol FlowQuantity: Comparable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
}

extension Int64: FlowQuantity {}

extension Rational: FlowQuantity {}
