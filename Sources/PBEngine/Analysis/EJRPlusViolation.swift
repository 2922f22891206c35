/// A witness that an outcome fails EJR+ up to one: an unfunded project and a group of
/// its supporters, each of whom would still be under the group's due with it added.
public struct EJRPlusViolation: Sendable, Equatable {
    /// The unfunded project (index).
    public var project: Int
    /// The group: ballot indices (0-based, in counted order), ascending.
    public var group: [Int]
    /// What the group is due: `|group| * b * u(p) / (n * c(p))`.
    public var due: Rational
    /// The largest `u_i(W) + u(p)` in the group (at most ``due``).
    public var largestSatisfaction: Rational
}
