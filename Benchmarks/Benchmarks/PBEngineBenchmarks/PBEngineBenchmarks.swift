import Benchmark
import Foundation
import PBEngine

/// pbcount's benchmarks: reading (MB/s) and counting, on the largest shared real
/// elections and on generated ones of 10^4 to 10^6 ballots (10^7: `scripts/measure-scale`).
///
/// Metrics are wall clock, throughput and malloc counts only: the ARC metrics crash on
/// Swift 6.3 on Linux. A rule that the registry does not have is skipped with a message.
///
///     cd Benchmarks && swift package benchmark
///     swift package benchmark --filter "parse.*"   # one group
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 20
    )
    let megabytesPerSecond = BenchmarkMetric.custom("parse MB/s", polarity: .prefersLarger, useScalingFactor: false)

    /// Reading a `.pb` text held in memory, reported in MB/s too.
    func parse(_ label: String, _ fixture: @escaping @Sendable () -> Fixture?) {
        Benchmark("parse \(label)", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, megabytesPerSecond])) { benchmark in
            guard let fixture = fixture() else { return }
            benchmark.startMeasurement()
            let start = ContinuousClock.now
            let election = try PabulibReader.read(bytes: fixture.text, source: fixture.name, options: .init(invalidBallots: .keep))
            let elapsed = ContinuousClock.now - start
            benchmark.stopMeasurement()
            blackHole(election)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(megabytesPerSecond, Int(Double(fixture.text.count) / 1e6 / max(seconds, 1e-9)))
        }
    }

    /// Counting with a rule of the registry (skipped when the rule does not exist yet).
    func count(_ label: String, rule: String, completion: String? = nil, maxIterations: Int = 20,
               _ fixture: @escaping @Sendable () -> Fixture?) {
        guard RuleRegistry.rule(named: rule) != nil else {
            print("skipping \(rule) \(label): no rule '\(rule)' in this build")
            return
        }
        var options = CountOptions()
        options.rule = rule
        if let completion { options.settings["completion"] = completion }
        let name = completion.map { "\(rule) \($0)" } ?? rule
        Benchmark("\(name) \(label)", configuration: .init(maxIterations: maxIterations)) { [options] benchmark in
            guard let fixture = fixture() else { return }
            benchmark.startMeasurement()
            blackHole(try RuleRegistry.count(fixture.election, options: options))
        }
    }

    // The largest shared files: Krakow 2024 (largest in bytes, ordinal), Lodz 2022 (approval).
    if Fixture.sharedFileExists("Poland_Krakow_2024.pb") {
        parse("Krakow 2024", { krakow2024 })
        count("Krakow 2024", rule: "greedy", { krakow2024 })
    } else {
        print("skipping the Krakow 2024 benchmarks: \(Fixture.sharedFolder.path) is absent (../shared is not beside this clone)")
    }
    if Fixture.sharedFileExists("Poland_Lodz_2022.pb") {
        parse("Lodz 2022", { lodz2022 })
        count("Lodz 2022", rule: "greedy", { lodz2022 })
        count("Lodz 2022", rule: "mes", maxIterations: 5, { lodz2022 })
        count("Lodz 2022", rule: "maximin-support", maxIterations: 5, { lodz2022 })
    } else {
        print("skipping the Lodz 2022 benchmarks: \(Fixture.sharedFolder.path) is absent (../shared is not beside this clone)")
    }

    // Growth with ballots: 10^4, 10^5, 10^6 generated ballots of 1 to 10 of 150 projects.
    let sizes: [(String, @Sendable () -> Fixture?)] = [
        ("10^4 ballots", { generated10k }),
        ("10^5 ballots", { generated100k }),
        ("10^6 ballots", { generated1M }),
    ]
    for (label, fixture) in sizes {
        parse(label, fixture)
        count(label, rule: "greedy", fixture)
        count(label, rule: "mes", maxIterations: 5, fixture)
        count(label, rule: "knapsack", maxIterations: 5, fixture)
        count(label, rule: "phragmen", maxIterations: 5, fixture)
        count(label, rule: "ees", maxIterations: 5, fixture)
    }
    // add1 reruns MES once per step: the two smaller sizes only.
    count("10^4 ballots", rule: "mes", completion: "add1", maxIterations: 3, { generated10k })
    count("10^5 ballots", rule: "mes", completion: "add1", maxIterations: 3, { generated100k })

    // Growth with projects: 10^5 ballots of 50, 150 and 500 projects.
    let widths: [(String, @Sendable () -> Fixture?)] = [
        ("10^5 ballots, 50 projects", { generated100kWith50Projects }),
        ("10^5 ballots, 150 projects", { generated100k }),
        ("10^5 ballots, 500 projects", { generated100kWith500Projects }),
    ]
    for (label, fixture) in widths {
        count(label, rule: "greedy", fixture)
        count(label, rule: "mes", maxIterations: 5, fixture)
        count(label, rule: "knapsack", maxIterations: 5, fixture)
    }
}
