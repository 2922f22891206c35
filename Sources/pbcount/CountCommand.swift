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
        case text, json
    }

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @OptionGroup var counting: CountOptionGroup

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let options = try counting.countOptions()
        let election = try PabulibReader.read(path: file, invalidBallots: options.invalidBallots, threads: counting.threads)
        let outcome = try RuleRegistry.count(election, options: options)
        let document = ResultDocument(election: election, options: options, outcome: outcome)
        switch format {
        case .json:
            FileHandle.standardOutput.write(try document.encoded())
        case .text:
            print(TextReport(document: document).render(), terminator: "")
        }
    }
}
