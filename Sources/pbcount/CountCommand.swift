import ArgumentParser
import Foundation
import PBEngine

/// `pbcount count FILE`: counts one election and prints the result.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count an election with a rule and print the result."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @OptionGroup var counting: CountOptionGroup

    @Option(help: "Output: text, json (the canonical result, Guides/ResultFormat.md) or csv (one row per project).")
    var format: OutputFormat = .text

    @Flag(help: "Add the outcome's metrics (satisfaction, Gini, EJR+ up to one, ...; Guides/Analysis.md) to the report and, as the metrics key, to the JSON result.")
    var metrics = false

    @Option(name: .customLong("write-pb"), help: ArgumentHelp("Also write the input with its PROJECTS selected column set from the result (everything else unchanged).", valueName: "OUT.pb"))
    var writePB: String?

    /// How to read the file: the count's ballot policy and threads, a progress line on a terminal.
    private func readOptions(_ options: CountOptions) -> PabulibReader.Options {
        var read = PabulibReader.Options(invalidBallots: options.invalidBallots, threads: counting.threads)
        read.progress = ReadProgress.callback(for: file)
        return read
    }

    func run() throws {
        var options = try counting.countOptions()
        // --write-pb needs the input's bytes again: keep them (standard input cannot be read twice).
        let input = try writePB.map { _ in try InputBytes.read(file) }
        let election = try input.map {
            try PabulibReader.read(bytes: $0, source: file, options: PabulibReader.Options(invalidBallots: options.invalidBallots, threads: counting.threads))
        } ?? PabulibReader.read(path: file, options: readOptions(options))
        // A long count shows what it is doing on a terminal's standard error.
        let progress = isatty(STDERR_FILENO) != 0
        if progress {
            options.progress = CountProgress { line in FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
        }
        let outcome = try RuleRegistry.count(election, options: options)
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var document = ResultDocument(election: election, options: options, outcome: outcome)
        if metrics {
            let measured = OutcomeMetrics(election: election.scored(by: options.effectiveScoring), outcome: outcome, tieChain: options.tieChain)
            document.metrics = MetricsDocument(measured, election: election)
        }
        if let writePB, let input {
            let bytes = try SelectedColumnWriter.write(input: input, source: file, selected: Set(document.selected))
            guard FileManager.default.createFile(atPath: writePB, contents: Data(bytes)) else {
                throw ValidationError("--write-pb: cannot write \(writePB)")
            }
        }
        switch format {
        case .json:
            FileHandle.standardOutput.write(try document.encoded())
        case .csv:
            FileHandle.standardOutput.write(Data(document.csv().utf8))
        case .text:
            print(TextReport(document: document).render(), terminator: "")
        }
    }
}
