import ArgumentParser
import Foundation
import PBEngine

/// `pbcount validate FILE`: reports every problem in a file, like a checker.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a .pb file and list every problem (malformed rows, invalid ballots)."
    )

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @Flag(help: "Also refuse (exit 65) a file that only has warnings: lenient quoting, unusual column order, missing descriptive META keys.")
    var strict = false

    func run() throws {
        let report = PabulibReader.validate(path: file, progress: ReadProgress.callback(for: file))
        for e in report.errors { print(e.description) }
        for w in report.warnings { print(w.description) }
        for b in report.invalidBallots {
            print("\(file):\(b.line): invalid ballot of voter '\(b.voterID)': \(b.reason)")
        }
        if let election = report.election {
            print("\(file): \(election.projects.count) projects, \(election.ballots.count) ballots (\(report.invalidBallots.count) invalid), budget \(election.budget), vote_type \(election.voteType.rawValue), sha256 \(election.sha256)")
        }
        if !report.errors.isEmpty {
            print("\(file): \(report.errors.count) problem(s); the file cannot be counted")
            throw ExitCode(ExitStatus.badData)
        }
        if !report.invalidBallots.isEmpty {
            print("\(file): well-formed, \(report.invalidBallots.count) invalid ballot(s); count with --invalid-ballots skip or keep")
            throw ExitCode(ExitStatus.badData)
        }
        if strict && !report.warnings.isEmpty {
            print("\(file): \(report.warnings.count) warning(s); refused under --strict")
            throw ExitCode(ExitStatus.badData)
        }
        print(report.warnings.isEmpty ? "\(file): OK" : "\(file): OK, \(report.warnings.count) warning(s)")
    }
}
