import FuzzDriver
import PBEngine

/// Read, then greedy and knapsack, checked against plain oracles written here from the
/// definitions (RULES.md): any disagreement traps.
///
/// Input that starts with `META` is read as a file (the seed corpus is `Ballots/`); any
/// other input is turned into a small approval or cumulative election written as `.pb`
/// text, so that most inputs reach the rules.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCount(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = bytes.starts(with: Array("META".utf8)) ? bytes : SmallElection(bytes).pbText
    guard let election = try? PabulibReader.read(bytes: text, options: .init(invalidBallots: .keep, threads: 1)) else {
        return 0
    }
    guard election.projects.count <= 12, election.ballots.count <= 400,
          election.voteType == .approval || election.voteType == .chooseOne || election.voteType == .cumulative else {
        return 0
    }
    for utility in Utility.allCases {
        var options = CountOptions()
        options.settings["utility"] = utility.rawValue
        options.tieChain = [.file]
        options.invalidBallots = .keep
        options.rule = "greedy"
        if let greedy = try? RuleRegistry.count(election, options: options) {
            precondition(greedy.funded == Oracle.greedy(election, utility: utility),
                         "FuzzCount: greedy disagrees with the oracle")
            precondition(greedy.totalCost <= election.budget, "FuzzCount: greedy overspends")
        }
        options.rule = "knapsack"
        if let knapsack = try? RuleRegistry.count(election, options: options) {
            let welfare = Oracle.welfare(election, utility: utility)
            let best = Oracle.bestWelfare(election, welfare: welfare)
            let got = knapsack.funded.reduce(Rational.zero) { $0 + welfare[$1] }
            precondition(got == best, "FuzzCount: knapsack welfare \(got), brute force \(best)")
            precondition(knapsack.totalCost <= election.budget, "FuzzCount: knapsack overspends")
        }
    }
    return 0
}

/// The plain definitions, written without the engine's fast paths.
enum Oracle {
    /// Total points (approval: 1 per listing) of each project.
    static func scores(_ election: Election) -> [Rational] {
        var score = [Rational](repeating: .zero, count: election.projects.count)
        let ballots = election.ballots
        for b in 0..<ballots.count {
            for k in ballots.range(of: b) {
                let p = Int(ballots.projects[k])
                score[p] = score[p] + Rational(Int(ballots.points?[k] ?? 1))
            }
        }
        return score
    }

    /// Greedy with skipping, ties in file order: projects by score (cost utility) or score
    /// per unit of money (cardinality utility), funded while they fit.
    static func greedy(_ election: Election, utility: Utility) -> [Int] {
        let score = scores(election)
        let key = election.projects.indices.map { utility == .cost ? score[$0] : score[$0] / election.projects[$0].cost }
        let order = election.projects.indices.sorted { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
        var left = election.budget
        var funded: [Int] = []
        for p in order where election.projects[p].cost <= left {
            left = left - election.projects[p].cost
            funded.append(p)
        }
        return funded
    }

    /// What knapsack maximises per project: score times cost (cost utility) or score.
    static func welfare(_ election: Election, utility: Utility) -> [Rational] {
        let score = scores(election)
        return election.projects.indices.map { utility == .cost ? score[$0] * election.projects[$0].cost : score[$0] }
    }

    /// The largest welfare of a set within the budget, by trying every set.
    static func bestWelfare(_ election: Election, welfare: [Rational]) -> Rational {
        let n = election.projects.count
        var best = Rational.zero
        for set in 0..<(1 << n) {
            var cost = Rational.zero
            var value = Rational.zero
            for p in 0..<n where set & (1 << p) != 0 {
                cost = cost + election.projects[p].cost
                value = value + welfare[p]
            }
            if cost <= election.budget && value > best { best = value }
        }
        return best
    }
}

/// A small election drawn from fuzz bytes, as `.pb` text.
struct SmallElection {
    var pbText: [UInt8]

    init(_ bytes: [UInt8]) {
        var input = bytes.makeIterator()
        func next(_ bound: Int) -> Int { Int(input.next() ?? 0) % bound }
        let projects = 1 + next(10)
        let cumulative = next(2) == 1
        var costs: [String] = []
        for _ in 0..<projects {
            let cost = 1 + next(60) * (1 + next(4))
            costs.append(next(4) == 0 ? "\(cost).5" : "\(cost)")
        }
        let budget = next(200)
        var rows: [String] = []
        let voters = 1 + next(30)
        for v in 0..<voters {
            var listed: [Int] = []
            for p in 0..<projects where next(3) == 0 { listed.append(p + 1) }
            if listed.isEmpty { listed = [1 + next(projects)] }
            let points = listed.map { _ in String(1 + next(5)) }
            rows.append("v\(v);" + listed.map(String.init).joined(separator: ",")
                        + (cumulative ? ";" + points.joined(separator: ",") : ""))
        }
        var text = "META\nkey;value\nnum_projects;\(projects)\nnum_votes;\(voters)\nbudget;\(budget)\n"
        text += "vote_type;\(cumulative ? "cumulative\nmax_sum_points;1000" : "approval")\n"
        text += "PROJECTS\nproject_id;cost\n"
        for (p, cost) in costs.enumerated() { text += "\(p + 1);\(cost)\n" }
        text += cumulative ? "VOTES\nvoter_id;vote;points\n" : "VOTES\nvoter_id;vote\n"
        text += rows.joined(separator: "\n") + "\n"
        pbText = Array(text.utf8)
    }
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, with this target's input function.
@_cdecl("FuzzCount_main")
public func fuzzCountMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzCount(data, size)
    }
}
