/// Sequential Phragmén for participatory budgeting, with exact loads (pabutools
/// `sequential_phragmen`; Brill, Freeman, Janson, Lackner, "Phragmén's voting methods and
/// justified representation", 2017, adapted to costs by Los, Christoff, Grossi 2022).
///
/// Implements RULES.md, "Sequential Phragmen": voters start with load 0; each round, every
/// unfunded project `p` with supporters `S` gets the new max load
/// `(c(p) + sum_{i in S} load_i) / |S|`; the project with the smallest one (ties: the
/// chain) is funded if it fits in the money left and its supporters' loads all become that
/// value; if it does not fit, the count stops. Projects nobody approves are never funded.
///
/// Voters whose loads were last set in the same round have equal loads, so loads are kept
/// per round (a *load class*), not per voter: a project's load sum is updated by moving
/// supporter counts between classes when a project is funded. See `Guides/Phragmen.md`.
public enum PhragmenRule: CountingRule {
    public static let name = "phragmen"
    public static let summary = "Sequential Phragmen: fund the project whose supporters' max load would be smallest (approval ballots)."

    /// Phragmén takes no options of its own (approval ballots; loads are money).
    public struct Options: Sendable, Equatable {}

    public static let optionSpecs: [RuleOptionSpec] = []

    public static func options(_ settings: RuleSettings) throws(CountError) -> Options { Options() }

    public static func recorded(_ options: Options) -> [RecordedOption] { [] }

    /// - Throws: ``CountError/unsupported(_:)`` for ballots with points;
    ///   ``CountError/unresolvedTie(_:_:)`` when the chain leaves the smallest load tied.
    /// - Complexity: O(R × (p + classes touched × p) + sum over funded projects of their
    ///   supporters' ballot lengths) rational and integer operations, for `R` rounds and
    ///   `p` projects.
    public static func count(_ election: Election, options: Options, common: CountOptions) throws -> RuleCount<PhragmenTrace> {
        guard election.ballots.points == nil else {
            throw CountError.unsupported("phragmen counts approval ballots; \(election.source.isEmpty ? "this election" : election.source) has \(election.voteType.rawValue) ballots")
        }
        let ties = TieBreaking(chain: common.tieChain, election: election)
        let recordsCandidates = common.traceDetail == .explanation
        let projectCount = election.projects.count
        let ballots = election.ballots
        let voters = ballots.count
        let costs = election.projects.map(\.cost)

        // Supporters of each project (voter indices), from the ballots; a project listed
        // twice on one ballot counts once.
        var votes = [Int](repeating: 0, count: projectCount)
        var listed = [Int](repeating: -1, count: projectCount)
        var supporterLists = [[Int32]](repeating: [], count: projectCount)
        for i in 0..<voters {
            for k in ballots.range(of: i) {
                let p = Int(ballots.projects[k])
                if listed[p] == i { continue }
                listed[p] = i
                votes[p] += 1
                supporterLists[p].append(Int32(i))
            }
        }

        var loadOfClass: [Rational] = [.zero]
        var classOfVoter = [Int32](repeating: 0, count: voters)
        var loadSum = [Rational](repeating: .zero, count: projectCount)
        var funded = [Bool](repeating: false, count: projectCount)
        var order: [Int] = []
        var rounds: [PhragmenTrace.Step] = []
        var tieRecords: [TieRecord] = []
        var left = election.budget
        var moved = [Int](repeating: 0, count: projectCount)
        var touched: [Int] = []
        // Marks projects already counted for the voter being moved (a ballot may repeat one).
        var stamp = [Int](repeating: 0, count: projectCount)
        var stampNow = 0

        while true {
            var best: Rational?
            var tied: [Int] = []
            var candidates: [PhragmenTrace.Candidate] = []
            for p in 0..<projectCount where !funded[p] && votes[p] > 0 {
                let load = (costs[p] + loadSum[p]) / Rational(votes[p])
                if recordsCandidates { candidates.append(PhragmenTrace.Candidate(project: p, maxLoad: load)) }
                if let b = best {
                    let c = Rational.compare(load, b)
                    if c < 0 {
                        best = load
                        tied = [p]
                    } else if c == 0 {
                        tied.append(p)
                    }
                } else {
                    best = load
                    tied = [p]
                }
            }
            guard let maxLoad = best else { break }
            var winner = tied[0]
            if tied.count > 1 {
                let (w, record) = try ties.breakTie(tied, context: "round \(rounds.count + 1)")
                winner = w
                tieRecords.append(record)
            }
            let fits = costs[winner] <= left
            if fits { left -= costs[winner] }
            rounds.append(PhragmenTrace.Step(project: winner, funded: fits, maxLoad: maxLoad, votes: votes[winner],
                                             paid: fits ? costs[winner] : .zero, moneyLeft: left, candidates: candidates))
            guard fits else { break }
            funded[winner] = true
            order.append(winner)

            // Every supporter's load becomes maxLoad: move them, class by class, to a new
            // class and update the load sums of every project on their ballots.
            let newClass = Int32(loadOfClass.count)
            loadOfClass.append(maxLoad)
            var byClass: [Int32: [Int32]] = [:]
            for i in supporterLists[winner] { byClass[classOfVoter[Int(i)], default: []].append(i) }
            for oldClass in byClass.keys.sorted() {
                let rise = maxLoad - loadOfClass[Int(oldClass)]
                for i in byClass[oldClass] ?? [] {
                    classOfVoter[Int(i)] = newClass
                    stampNow += 1
                    for k in ballots.range(of: Int(i)) {
                        let p = Int(ballots.projects[k])
                        if stamp[p] == stampNow { continue }
                        stamp[p] = stampNow
                        if moved[p] == 0 { touched.append(p) }
                        moved[p] += 1
                    }
                }
                if !rise.isZero {
                    for p in touched where !funded[p] {
                        loadSum[p] += Rational(moved[p]) * rise
                    }
                }
                for p in touched { moved[p] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        let trace = PhragmenTrace(steps: rounds, finalMaxLoad: loadOfClass.last ?? .zero, budget: election.budget,
                                  supporters: supporterLists.map(\.count))
        return RuleCount(funded: order, totalCost: election.budget - left, ties: tieRecords, trace: trace)
    }
}
