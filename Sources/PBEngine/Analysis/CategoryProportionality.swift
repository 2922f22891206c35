import Foundation

/// How far the money spent per category is from the money the voters asked per category
/// (pabutools' `category_proportionality`), exactly.
///
/// Categories come from the PROJECTS `category` (or `categories`) column, split at commas
/// and trimmed, as pabutools reads them (a value `none`, in any case, means no category).
/// For a funded set `W` with cost `c(W) > 0`, category `g` receives the share
/// `c(W ∩ g) / c(W)`; a ballot `A_i` asks `c(A_i ∩ g) / c(A_i)`, averaged over the voters.
/// ``meanSquareDifference`` is the mean over the categories of the squared difference of
/// the two shares; pabutools' value is `exp(-meanSquareDifference)`, which is not
/// rational: ``value`` is it to 15 decimal places. An empty funded set scores 0 (as in
/// pabutools).
public struct CategoryProportionality: Sendable, Equatable {
    /// The categories, sorted by byte order.
    public var categories: [String]
    /// The mean squared difference between funded and asked shares (exact), or `nil` for an
    /// empty funded set.
    public var meanSquareDifference: Rational?
    /// `exp(-meanSquareDifference)` to 15 decimal places (`"0"` for an empty funded set).
    public var value: String

    /// Why the measure is undefined for an election.
    public enum Undefined: Error, Sendable, Equatable {
        /// PROJECTS has no categories.
        case noCategories
        /// A ballot lists no project with a cost (pabutools raises an error).
        case emptyBallot(index: Int)
    }

    /// Measures the funded set `funded` of `election`.
    ///
    /// - Throws: ``Undefined`` when the election has no categories or a ballot is empty.
    /// - Complexity: O(total ballot entries × categories per project + categories).
    public init(election: Election, funded: [Int]) throws(Undefined) {
        let projectCategories = election.projects.map(Self.categories(of:))
        let all = Set(projectCategories.compactMap { $0 }.joined()).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !all.isEmpty else { throw .noCategories }
        categories = all
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element, $0.offset) })
        let members: [[Int]] = projectCategories.map { ($0 ?? []).compactMap { index[$0] }.sorted() }
        // Asked shares, averaged over the ballots.
        var asked = [Rational](repeating: .zero, count: all.count)
        let ballots = election.ballots
        for b in 0..<ballots.count {
            var total = Rational.zero
            var perCategory = [Rational](repeating: .zero, count: all.count)
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                let cost = election.projects[p].cost
                total += cost
                for g in members[p] { perCategory[g] += cost }
            }
            guard !total.isZero else { throw .emptyBallot(index: b) }
            for g in all.indices where !perCategory[g].isZero { asked[g] += perCategory[g] / total }
        }
        guard !funded.isEmpty else {
            meanSquareDifference = nil
            value = "0"
            return
        }
        var spent = [Rational](repeating: .zero, count: all.count)
        var spentTotal = Rational.zero
        for p in funded {
            let cost = election.projects[p].cost
            spentTotal += cost
            for g in members[p] { spent[g] += cost }
        }
        let voters = Rational(max(ballots.count, 1))
        var sum = Rational.zero
        for g in all.indices {
            let difference = spent[g] / spentTotal - asked[g] / voters
            sum += difference * difference
        }
        let msd = sum / Rational(all.count)
        meanSquareDifference = msd
        value = Self.expNegative(msd).decimalString(places: 15)
    }

    /// The categories of a project as pabutools reads them, or `nil` for none.
    static func categories(of project: Project) -> [String]? {
        guard let text = project.field("category") ?? project.field("categories") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased() != "none" else { return nil }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `exp(-x)` for `0 <= x <= 1`, by its Taylor series with every term rounded down to
    /// 10^-30: the error is below 10^-27, far under the 15 places shown.
    ///
    /// - Complexity: O(1) (40 terms).
    static func expNegative(_ x: Rational) -> Rational {
        precondition(x.signum >= 0 && x <= Rational.one, "expNegative: x must lie in [0, 1]")
        let scale = Rational(exactly: "1" + String(repeating: "0", count: 30)) ?? .one
        func round(_ r: Rational) -> Rational { (r * scale).floor / scale }
        let xr = round(x)
        var term = Rational.one
        var sum = Rational.one
        for k in 1...40 {
            term = round(term * xr / Rational(k))
            if term.isZero { break }
            sum += k % 2 == 1 ? -term : term
        }
        return sum
    }
}
