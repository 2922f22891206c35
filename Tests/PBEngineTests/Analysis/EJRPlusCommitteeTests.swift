import PBEngine
import Testing

/// With unit costs and budget `k`, EJR+ up to one is Brill and Peters' committee EJR+
/// (2023, arXiv 2302.01989), as abcvoting's `check_EJR_plus` implements it
/// (martinlackner/abcvoting, abcvoting/properties.py, `_check_EJR_plus`): a committee fails
/// when some candidate `c` outside it and some `l >= 0` have at least `(l + 1) n / k`
/// supporters of `c` who each approve at most `l` committee members. The oracle below is
/// that statement, written out; the check must find exactly the same candidates, under
/// cardinality and cost satisfaction alike (they coincide for unit costs).
@Suite("EJR+ up to one: committee special case")
struct EJRPlusCommitteeTests {
    static func committeeViolations(ballots: [[Int]], committee: Set<Int>, candidates: Int, k: Int) -> [Int] {
        let n = ballots.count
        return (0..<candidates).filter { c in
            guard !committee.contains(c) else { return false }
            let supporters = ballots.filter { $0.contains(c) }
            return (0..<k).contains { l in
                let group = supporters.filter { Set($0).intersection(committee).count <= l }
                return group.count * k >= (l + 1) * n  // |group| >= (l + 1) n / k
            }
        }
    }

    @Test("equals committee EJR+ on 2,000 random unit-cost elections", arguments: SatisfactionMeasure.allCases)
    func committee(measure: SatisfactionMeasure) {
        var rng = SplitMix64(seed: measure == .cost ? 21 : 23)
        var violations = 0
        for _ in 0..<2000 {
            let m = Int(rng.next(upperBound: 7)) + 1
            let n = Int(rng.next(upperBound: 12)) + 1
            let k = Int(rng.next(upperBound: UInt64(m))) + 1
            let ballots = (0..<n).map { _ in (0..<m).filter { _ in rng.next(upperBound: 3) == 0 } }
            let committee = (0..<m).filter { _ in rng.next(upperBound: 2) == 0 }.prefix(k)
            let e = Counting.election(costs: Array(repeating: 1, count: m), budget: k, ballots: ballots)
            let found = EJRPlusCheck.violations(election: e, funded: Array(committee), measure: measure).map(\.project)
            let expected = Self.committeeViolations(ballots: ballots, committee: Set(committee), candidates: m, k: k)
            #expect(found == expected, "ballots \(ballots) committee \(Array(committee)) k \(k)")
            violations += expected.count
        }
        #expect(violations > 300)
    }
}
