import ArgumentParser
import Foundation
import PBEngine

/// `pbcount compare FILE --rules SPEC,...`: one election, several rules side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Count one election with several rules and show them side by side (funded sets, differences, money, metrics).",
        discussion: "A SPEC is a rule with its options: RULE or RULE:KEY=VALUE:KEY=VALUE (README, \"Research\"). Metrics: Guides/Analysis.md."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @Option(help: SharedCountOptionGroup.rulesHelp)
    var rules: String

    @OptionGroup var shared: SharedCountOptionGroup

    @Option(help: "Output: text, json or csv (one row per spec).")
    var format: OutputFormat = .text

    @Option(help: "Threads for reading and counting (0: one per core). The result does not depend on it.")
    var threads: Int = 0

    func run() throws {
        let specs = try SharedCountOptionGroup.specs(rules)
        let base = try shared.countOptions(threads: threads)
        let election = try PabulibReader.read(path: file, invalidBallots: base.invalidBallots, threads: threads)
        let comparison = try ComparisonDocument(election: election, specs: specs, base: base)
        switch format {
        case .json: FileHandle.standardOutput.write(try comparison.encoded())
        case .csv: print(csv(comparison), terminator: "")
        case .text: print(text(comparison, election: election), terminator: "")
        }
    }

    func csv(_ c: ComparisonDocument) -> String {
        var rows = [["spec", "rule", "options", "selected", "funded", "total_cost"] + MetricsDocument.cellNames]
        for col in c.columns {
            rows.append([col.spec, col.rule, col.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ":"),
                         col.selected.joined(separator: " "), String(col.selected.count), col.total_cost]
                        + col.metrics.cells.map(\.value))
        }
        return CSVText.rows(rows)
    }

    func text(_ c: ComparisonDocument, election: Election) -> String {
        var out = "\(c.input.file): \(c.input.unit) \(c.input.instance) (\(c.input.vote_type), \(c.input.num_projects) projects, \(c.input.num_ballots_counted) ballots), budget \(c.budget)\n\n"
        var rows: [[String]] = [["project", "cost"] + c.columns.map(\.spec)]
        let sets = c.columns.map { Set($0.selected) }
        for p in election.projects where sets.contains(where: { $0.contains(p.id) }) {
            let differs = c.differing.contains(p.id)
            rows.append([(differs ? "* " : "  ") + p.id, p.cost.description] + sets.map { $0.contains(p.id) ? "yes" : "-" })
        }
        rows.append(["funded", ""] + c.columns.map { String($0.selected.count) })
        rows.append(["cost", ""] + c.columns.map(\.total_cost_decimal))
        for (k, name) in MetricsDocument.cellNames.enumerated() {
            rows.append([name, ""] + c.columns.map { $0.metrics.cells[k].value })
        }
        out += TextReport.table(rows, rightAligned: Set(1..<(2 + c.columns.count)))
        out += "\n* funded by some rules but not all (\(c.differing.count) projects); funded by all: \(c.common.count)\n"
        return out
    }
}
