import Foundation

/// Counts one file with every spec (`pbcount batch`): one ``BatchRow`` per spec, in spec
/// order; a file that cannot be read gives one error row per spec, and a count that fails
/// gives an error row for its spec.
public enum BatchCount {
    /// The rows of `path`.
    ///
    /// - Parameters:
    ///   - path: A `.pb` file.
    ///   - display: The file's name in the rows.
    ///   - specs: The rules with their options.
    ///   - base: The shared options (ties, scoring, ballots; one thread per file is best).
    /// - Complexity: one read, and one count and measurement per spec.
    public static func rows(path: String, display: String, specs: [RuleSpec], base: CountOptions) -> [BatchRow] {
        func row(_ spec: RuleSpec, _ election: Election?) -> BatchRow {
            func meta(_ key: String) -> String { election?.meta(key) ?? "" }
            return BatchRow(file: display, country: meta("country"), unit: meta("unit"), instance: meta("instance"),
                            vote_type: election?.voteType.rawValue ?? "", voters: election?.ballots.count ?? 0,
                            projects: election?.projects.count ?? 0, budget: election?.budget.description ?? "",
                            spec: spec.text, rule: spec.rule, options: "", error: "", funded_count: 0, funded: [],
                            cost: "", cost_decimal: "", metrics: [:], seconds: 0)
        }
        func oneLine(_ error: any Error) -> String {
            "\(error)".split(whereSeparator: \.isNewline).joined(separator: "; ")
        }
        let election: Election
        do {
            election = try PabulibReader.read(path: path, invalidBallots: base.invalidBallots, threads: base.effectiveThreads)
        } catch {
            return specs.map { var r = row($0, nil); r.error = oneLine(error); return r }
        }
        let scored = election.scored(by: base.effectiveScoring)
        // Listed once for the file's rows: the EJR+ checks of every outcome read them
        // (approval ballots only; the metrics check nothing else with them).
        let supporters = scored.ballots.points == nil ? ProjectSupporters(scored.ballots, projects: scored.projects.count) : nil
        return specs.map { spec in
            var r = row(spec, election)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let outcome = try RuleRegistry.count(election, options: spec.options(base: base))
                let metrics = MetricsDocument(OutcomeMetrics(election: scored, outcome: outcome, projectAnalysis: false, supporters: supporters), election: election)
                r.options = outcome.ruleOptions.map { "\($0.key)=\($0.value)" }.joined(separator: ":")
                r.funded = outcome.funded.map { election.projects[$0].id }
                r.funded_count = outcome.funded.count
                r.cost = outcome.totalCost.description
                r.cost_decimal = outcome.totalCost.decimalString(places: 2)
                r.metrics = Dictionary(uniqueKeysWithValues: metrics.cells.map { ($0.name, $0.value) })
            } catch {
                r.error = oneLine(error)
            }
            r.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return r
        }
    }

    /// Every `.pb` file under `paths` (folders walked), sorted by path bytes.
    ///
    /// - Complexity: O(entries under the folders).
    public static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let base = URL(fileURLWithPath: path)
                for case let relative as String in FileManager.default.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator()
                where relative.hasSuffix(".pb") {
                    out.append(base.appendingPathComponent(relative).path)
                }
            } else {
                out.append(path)
            }
        }
        return Array(Set(out)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
