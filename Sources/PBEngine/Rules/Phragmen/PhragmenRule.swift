import CGMP

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
/// supporter counts between classes when a project is funded. Loads are integers over one
/// common denominator (``GMPInteger``), compared by cross-multiplication, so
/// no gcd is ever taken. See `Guides/Phragmen.md`.
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
    /// - Complexity: O(R × (p + R + classes touched × p)) operations on integers of
    ///   O(R log n) bits, plus the sum over funded projects of their supporters' ballot
    ///   lengths in machine integers, for `R` rounds, `p` projects and `n` voters.
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

        // Every load as an integer over the common denominator `unit` (see
        // GMPInteger): class `k`'s load is `classLoad[k] / unit`, and project
        // `p`'s new max load is `numerator[p] / (votes[p] * unit)`, where `numerator[p]`
        // is `(c(p) + its supporters' loads) * unit`. `unit` starts as the lcm of the
        // costs' denominators and is multiplied by each winner's supporter count.
        let unit = GMPInteger()
        __gmpz_set_ui(unit.value, 1)
        let costNumerators = costs.map { _ in GMPInteger() }
        let costDenominators = costs.map { _ in GMPInteger() }
        for p in 0..<projectCount {
            GMPInteger.set(costNumerators[p], costDenominators[p], to: costs[p])
            unit.formLCM(with: costDenominators[p])
        }
        let numerator = (0..<projectCount).map { p in
            let n = GMPInteger()
            n.setProduct(costNumerators[p], unit, dividedExactlyBy: costDenominators[p])
            return n
        }
        var classLoad: [GMPInteger] = [GMPInteger()]
        var lastLoad = Rational.zero
        var classOfVoter = [Int32](repeating: 0, count: voters)
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
        let scratch = (GMPInteger(), GMPInteger())
        let rise = GMPInteger()
        // The winner's supporters bucketed by class (a counting sort by class).
        var classCount: [Int] = []
        var bySupporterClass = [Int32](repeating: 0, count: voters)

        while true {
            var tied: [Int] = []
            var candidates: [PhragmenTrace.Candidate] = []
            for p in 0..<projectCount where !funded[p] && votes[p] > 0 {
                if recordsCandidates {
                    candidates.append(PhragmenTrace.Candidate(project: p, maxLoad: numerator[p].rational(over: votes[p], times: unit)))
                }
                guard let b = tied.first else {
                    tied = [p]
                    continue
                }
                let c = GMPInteger.compare(numerator[p], over: votes[p], numerator[b], over: votes[b], scratch: scratch)
                if c < 0 {
                    tied = [p]
                } else if c == 0 {
                    tied.append(p)
                }
            }
            guard !tied.isEmpty else { break }
            var winner = tied[0]
            if tied.count > 1 {
                let (w, record) = try ties.breakTie(tied, context: "round \(rounds.count + 1)")
                winner = w
                tieRecords.append(record)
            }
            let maxLoad = numerator[winner].rational(over: votes[winner], times: unit)
            let fits = costs[winner] <= left
            if fits { left -= costs[winner] }
            rounds.append(PhragmenTrace.Step(project: winner, funded: fits, maxLoad: maxLoad, votes: votes[winner],
                                             paid: fits ? costs[winner] : .zero, moneyLeft: left, candidates: candidates))
            guard fits else { break }
            funded[winner] = true
            order.append(winner)
            lastLoad = maxLoad

            // The new unit is `unit * votes[winner]`: the new class's load is then
            // numerator[winner], and every other number is multiplied by votes[winner].
            let newLoad = GMPInteger()
            newLoad.set(numerator[winner])
            let v = votes[winner]
            unit.multiply(by: v)
            for k in classLoad.indices { classLoad[k].multiply(by: v) }
            for p in 0..<projectCount where !funded[p] && votes[p] > 0 { numerator[p].multiply(by: v) }
            let newClass = Int32(classLoad.count)
            classLoad.append(newLoad)

            // Every supporter's load becomes the new load: move them, class by class, to
            // the new class and add moved * (new load - old load) to the numerator of
            // every project on their ballots.
            classCount = [Int](repeating: 0, count: classLoad.count + 1)
            let supporters = supporterLists[winner]
            for i in supporters { classCount[Int(classOfVoter[Int(i)]) + 1] += 1 }
            for k in 1..<classCount.count { classCount[k] += classCount[k - 1] }
            var next = classCount
            for i in supporters {
                let k = Int(classOfVoter[Int(i)])
                bySupporterClass[next[k]] = i
                next[k] += 1
            }
            for oldClass in 0..<(classLoad.count - 1) where classCount[oldClass + 1] > classCount[oldClass] {
                for slot in classCount[oldClass]..<classCount[oldClass + 1] {
                    let i = Int(bySupporterClass[slot])
                    classOfVoter[i] = newClass
                    stampNow += 1
                    for k in ballots.range(of: i) {
                        let p = Int(ballots.projects[k])
                        if stamp[p] == stampNow { continue }
                        stamp[p] = stampNow
                        if moved[p] == 0 { touched.append(p) }
                        moved[p] += 1
                    }
                }
                rise.setDifference(newLoad, classLoad[oldClass])
                if !rise.isZero {
                    for p in touched where !funded[p] {
                        numerator[p].add(rise, times: moved[p])
                    }
                }
                for p in touched { moved[p] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        let trace = PhragmenTrace(steps: rounds, finalMaxLoad: lastLoad, budget: election.budget,
                                  supporters: supporterLists.map(\.count))
        return RuleCount(funded: order, totalCost: election.budget - left, ties: tieRecords, trace: trace)
    }
}
