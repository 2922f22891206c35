/// The voters' satisfactions under one measure, grouped: the distinct values in ascending
/// order, how many voters have each, and which one each voter has.
///
/// Metrics that only depend on the multiset of satisfactions (average, Gini) or on a
/// group's size and its most satisfied member (EJR+) then work per distinct value instead
/// of sorting voters by rationals. Cost satisfactions are summed as integers in units of
/// `1 / L`, `L` the lcm of the costs' denominators, whenever that fits in 64 bits (every
/// real file: costs are integers or decimals); otherwise the rationals are sorted.
struct SatisfactionLevels: Sendable {
    /// The distinct satisfactions, ascending (formed from ``integerValues`` on the integer
    /// path: a batch row's metrics need only a few of them as rationals).
    var values: [Rational] { integerValues.map { $0.map { Rational($0) * unit } } ?? rationalValues }
    /// The distinct satisfactions on the rational path (empty on the integer path).
    private var rationalValues: [Rational] = []
    /// How many distinct satisfactions.
    var levelCount: Int { counts.count }
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
        let low = keys.min(), high = keys.max()
        if let low, let high, high - low <= 4 * keys.count + 64 {
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
        } else if let packed = Self.packedLevels(keys, low: low ?? 0, high: high ?? 0) {
            (distinct, counts, level) = packed
        } else {
            // Sorted and searched, not hashed: a set and a dictionary of every distinct sum
            // cost more than the sort (most voters' sums differ on varied ballots).
            var sorted = keys.sorted()
            var d = 0
            for k in sorted where d == 0 || sorted[d - 1] != k {
                sorted[d] = k
                d += 1
            }
            sorted.removeLast(sorted.count - d)
            counts = [Int](repeating: 0, count: d)
            sorted.withUnsafeBufferPointer { found in
                for (i, k) in keys.enumerated() {
                    var lo = 0, hi = d - 1
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if found[mid] < k { lo = mid + 1 } else { hi = mid }
                    }
                    level[i] = Int32(lo)
                    counts[lo] += 1
                }
            }
            distinct = sorted
        }
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
        self.rationalValues = values
        self.counts = counts
        self.level = level
    }

    /// The levels of `keys` (between `low` and `high`) from one sort of `(key - low, voter)`
    /// packed in 64 bits, or `nil` when they do not fit: each voter's level is then read off
    /// in sorted order, no search.
    ///
    /// The sort is a least-significant-digit radix sort written here: the standard
    /// library's is a comparison merge sort, and sorting the voters' cost sums was a
    /// quarter of `batch`'s time with the four quick rules (issue 10).
    ///
    /// - Complexity: O(n × (bits of `n` and of `high - low`) / 11).
    private static func packedLevels(_ keys: [Int], low: Int, high: Int) -> (distinct: [Int], counts: [Int], level: [Int32])? {
        let n = keys.count
        let indexBits = Int.bitWidth - (n - 1).leadingZeroBitCount
        let span = UInt64(high - low)
        let keyBits = UInt64.bitWidth - span.leadingZeroBitCount
        guard indexBits + keyBits <= 64, n < Int(Int32.max) else { return nil }
        var packed = keys.enumerated().map { (UInt64($1 - low) << UInt64(indexBits)) | UInt64($0) }
        var scratch = [UInt64](repeating: 0, count: n)
        let digitBits = 11
        let mask = UInt64(1 << digitBits - 1)
        var shift = 0
        var bucket = [Int](repeating: 0, count: 1 << digitBits)
        while shift < indexBits + keyBits {
            for i in bucket.indices { bucket[i] = 0 }
            for x in packed { bucket[Int((x >> UInt64(shift)) & mask)] += 1 }
            var sum = 0
            for i in bucket.indices {
                let c = bucket[i]
                bucket[i] = sum
                sum += c
            }
            for x in packed {
                let b = Int((x >> UInt64(shift)) & mask)
                scratch[bucket[b]] = x
                bucket[b] += 1
            }
            swap(&packed, &scratch)
            shift += digitBits
        }
        var distinct: [Int] = []
        var counts: [Int] = []
        var level = [Int32](repeating: 0, count: n)
        let indexMask = indexBits == 64 ? UInt64.max : (UInt64(1) << UInt64(indexBits)) - 1
        for x in packed {
            let key = Int(x >> UInt64(indexBits)) + low
            if distinct.last != key {
                distinct.append(key)
                counts.append(0)
            }
            counts[counts.count - 1] += 1
            level[Int(x & indexMask)] = Int32(distinct.count - 1)
        }
        return (distinct, counts, level)
    }

    /// The `j`-th distinct satisfaction.
    func value(_ j: Int) -> Rational {
        if let integerValues { return Rational(integerValues[j]) * unit }
        return rationalValues[j]
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
        if let integerValues, let sum = Self.integerTotal(integerValues, counts) { return Rational(sum) * unit }
        var sum = Rational.zero
        for (v, m) in zip(values, counts) where !v.isZero { sum += v * Rational(m) }
        return sum
    }

    /// The Gini coefficient of the satisfactions (``giniCoefficient(values:counts:)``, in
    /// 128-bit integers on the integer values when the sums fit).
    var gini: Rational {
        if let integerValues {
            if let g = Self.integerGini(integerValues, counts) { return g }
            return giniCoefficient(values: integerValues.map { Rational($0) }, counts: counts)
        }
        return giniCoefficient(values: values, counts: counts)
    }

    /// `sum_j values[j] * counts[j]`, or `nil` on overflow.
    private static func integerTotal(_ values: [Int], _ counts: [Int]) -> Int128? {
        var sum: Int128 = 0
        for (v, m) in zip(values, counts) {
            let (t, o1) = Int128(v).multipliedReportingOverflow(by: Int128(m))
            let (u, o2) = sum.addingReportingOverflow(t)
            if o1 || o2 { return nil }
            sum = u
        }
        return sum
    }

    /// ``giniCoefficient(values:counts:)`` of non-negative integers, summed in 128 bits
    /// (no gcd per value): `G = ((n + 1) T - W) / (n T)`, `T` the total and `W` twice the
    /// weighted sum there. `nil` on overflow.
    private static func integerGini(_ values: [Int], _ counts: [Int]) -> Rational? {
        let n = counts.reduce(0, +)
        var total: Int128 = 0
        var twiceWeighted: Int128 = 0
        var start = 0
        for (v, m) in zip(values, counts) {
            precondition(v >= 0, "giniCoefficient: negative values have no Gini coefficient here")
            if v != 0 && m > 0 {
                // v * (2 m (n - start) - m (m - 1)), every factor below 2^63.
                let weight = Int128(2 * m) * Int128(n - start) - Int128(m) * Int128(m - 1)
                let (vm, o1) = Int128(v).multipliedReportingOverflow(by: Int128(m))
                let (w, o2) = Int128(v).multipliedReportingOverflow(by: weight)
                let (t, o3) = total.addingReportingOverflow(vm)
                let (tw, o4) = twiceWeighted.addingReportingOverflow(w)
                if o1 || o2 || o3 || o4 { return nil }
                total = t
                twiceWeighted = tw
            }
            start += m
        }
        guard total != 0 else { return .zero }
        let (a, o1) = Int128(n + 1).multipliedReportingOverflow(by: total)
        let (b, o2) = Int128(n).multipliedReportingOverflow(by: total)
        guard !o1, !o2 else { return nil }
        return Rational(a - twiceWeighted) / Rational(b)
    }
}
