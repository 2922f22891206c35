/// The voters' satisfactions under one measure, grouped: the distinct values in ascending
/// order, how many voters have each, and which one each voter has.
///
/// Metrics that only depend on the multiset of satisfactions (average, Gini) or on a
/// group's size and its most satisfied member (EJR+) then work per distinct value instead
/// of sorting voters by rationals. Cost satisfactions are summed as integers in units of
/// `1 / L`, `L` the lcm of the costs' denominators, whenever that fits in 64 bits (every
/// real file: costs are integers or decimals); otherwise the rationals are sorted.
struct SatisfactionLevels: Sendable {
    /// The distinct satisfactions, ascending.
    var values: [Rational]
    /// `counts[j]`: voters whose satisfaction is `values[j]`.
    var counts: [Int]
    /// `level[i]`: the index in ``values`` of voter `i`'s satisfaction.
    var level: [Int32]
    /// ``values`` as integer multiples of ``unit`` (the integer path), or `nil`.
    var integerValues: [Int]?
    /// The unit of ``integerValues``.
    var unit: Rational = .one

    /// Both measures' levels and every ballot's cardinality satisfaction, from one pass
    /// over the ballots (``VoterSatisfaction`` is built only when the costs do not scale
    /// to 64-bit integers).
    ///
    /// - Complexity: O(entries + n log n) integer work.
    static func both(election: Election, funded: [Int]) -> (cardinality: [Int], cost: SatisfactionLevels, count: SatisfactionLevels) {
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let ballots = election.ballots
        var cardinality = [Int](repeating: 0, count: ballots.count)
        for b in 0..<ballots.count {
            var c = 0
            for k in ballots.range(of: b) where isFunded[Int(ballots.projects[k])] { c += 1 }
            cardinality[b] = c
        }
        let count = SatisfactionLevels(keys: cardinality, unit: .one)
        if let (scaled, unit) = integerCosts(election), let keys = costKeys(election, funded: funded, scaled: scaled) {
            return (cardinality, SatisfactionLevels(keys: keys, unit: unit), count)
        }
        let sat = VoterSatisfaction(election: election, funded: funded)
        return (cardinality, SatisfactionLevels(rationals: sat.cost), count)
    }

    /// Groups the satisfactions of `satisfaction` under `measure`.
    ///
    /// - Complexity: O(n log n) integer work for n voters (O(n log n) rational
    ///   comparisons when the costs do not scale to 64-bit integers).
    init(election: Election, funded: [Int], measure: SatisfactionMeasure, satisfaction: VoterSatisfaction) {
        switch measure {
        case .cardinality:
            self.init(keys: satisfaction.cardinality, unit: .one)
        case .cost:
            if let (scaled, unit) = Self.integerCosts(election), let keys = Self.costKeys(election, funded: funded, scaled: scaled) {
                self.init(keys: keys, unit: unit)
            } else {
                self.init(rationals: satisfaction.cost)
            }
        }
    }

    /// Levels of integer keys; `values[j] = key * unit`.
    init(keys: [Int], unit: Rational) {
        var counts: [Int] = []
        var level = [Int32](repeating: 0, count: keys.count)
        let distinct: [Int]
        if let low = keys.min(), let high = keys.max(), high - low <= 4 * keys.count + 64 {
            // A short range (cardinalities): count by key, no hashing.
            var perKey = [Int](repeating: 0, count: high - low + 1)
            for k in keys { perKey[k - low] += 1 }
            var index = [Int32](repeating: -1, count: perKey.count)
            var found: [Int] = []
            for (offset, m) in perKey.enumerated() where m > 0 {
                index[offset] = Int32(found.count)
                found.append(low + offset)
                counts.append(m)
            }
            for (i, k) in keys.enumerated() { level[i] = index[k - low] }
            distinct = found
        } else {
            distinct = Array(Set(keys)).sorted()
            var index: [Int: Int32] = [:]
            index.reserveCapacity(distinct.count)
            for (j, k) in distinct.enumerated() { index[k] = Int32(j) }
            counts = [Int](repeating: 0, count: distinct.count)
            for (i, k) in keys.enumerated() {
                let j = index[k] ?? 0
                level[i] = j
                counts[Int(j)] += 1
            }
        }
        self.values = distinct.map { Rational($0) * unit }
        self.counts = counts
        self.level = level
        self.integerValues = distinct
        self.unit = unit
    }

    /// Levels of arbitrary rationals (the slow path).
    init(rationals: [Rational]) {
        let order = rationals.indices.sorted { rationals[$0] < rationals[$1] }
        var values: [Rational] = []
        var counts: [Int] = []
        var level = [Int32](repeating: 0, count: rationals.count)
        for i in order {
            if values.last != rationals[i] {
                values.append(rationals[i])
                counts.append(0)
            }
            level[i] = Int32(values.count - 1)
            counts[counts.count - 1] += 1
        }
        self.values = values
        self.counts = counts
        self.level = level
    }

    /// Every cost as an integer count of `1 / L` and the unit `1 / L`, or `nil` when a
    /// number (or the total of all costs) does not fit in 64 bits.
    private static func integerCosts(_ election: Election) -> ([Int], Rational)? {
        var lcm: Int64 = 1
        for p in election.projects {
            guard let (_, d) = p.cost.smallParts else { return nil }
            let g = Int64(Rational.gcd(UInt64(lcm), UInt64(d)))
            let (m, overflow) = (lcm / g).multipliedReportingOverflow(by: d)
            if overflow { return nil }
            lcm = m
        }
        var scaled: [Int] = []
        var total: Int64 = 0
        for p in election.projects {
            guard let (n, d) = p.cost.smallParts else { return nil }
            let (s, o1) = n.multipliedReportingOverflow(by: lcm / d)
            if o1 || s < 0 { return nil }
            let (t, o2) = total.addingReportingOverflow(s)
            if o2 { return nil }
            total = t
            scaled.append(Int(s))
        }
        return (scaled, Rational(1, Int(lcm)))
    }

    /// Each ballot's total of funded scaled costs (per listing, as ``VoterSatisfaction``),
    /// or `nil` on overflow.
    private static func costKeys(_ election: Election, funded: [Int], scaled: [Int]) -> [Int]? {
        var isFunded = [Bool](repeating: false, count: election.projects.count)
        for p in funded { isFunded[p] = true }
        let ballots = election.ballots
        var keys = [Int](repeating: 0, count: ballots.count)
        for b in 0..<ballots.count {
            var sum = 0
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                guard isFunded[p] else { continue }
                let (s, overflow) = sum.addingReportingOverflow(scaled[p])
                if overflow { return nil }
                sum = s
            }
            keys[b] = sum
        }
        return keys
    }

    /// The number of voters.
    var voters: Int { level.count }

    /// The sum of every voter's satisfaction.
    ///
    /// - Complexity: O(distinct values).
    var total: Rational {
        var sum = Rational.zero
        if let integerValues {
            for (v, m) in zip(integerValues, counts) where v != 0 { sum += Rational(v) * Rational(m) }
            return sum * unit
        }
        for (v, m) in zip(values, counts) where !v.isZero { sum += v * Rational(m) }
        return sum
    }

    /// The Gini coefficient of the satisfactions (``giniCoefficient(values:counts:)``, on
    /// the integer values when there are).
    var gini: Rational {
        if let integerValues { return giniCoefficient(values: integerValues.map { Rational($0) }, counts: counts) }
        return giniCoefficient(values: values, counts: counts)
    }
}
