import ArgumentParser
import Foundation
import PBEngine

/// The `pbcount` command: counts participatory-budgeting elections exactly.
@main
struct PBCount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pbcount",
        abstract: "Count participatory-budgeting elections (pabulib .pb files) exactly.",
        discussion: """
            Exit status: 0 success, 1 a verification mismatch, 2 usage error, 65 bad input data.
            """,
        version: ResultDocument.engineVersion,
        subcommands: [CountCommand.self, ValidateCommand.self, GenerateCommand.self,
                      VerifyCommand.self, ExplainCommand.self, MergeCommand.self]
    )

    /// Runs the command, mapping errors to the exit codes of the command-line contract.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PabulibErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(ExitStatus.badData)
        } catch let error as VerificationError {
            FileHandle.standardError.write(Data(("pbcount: " + error.description + "\n").utf8))
            Foundation.exit(error.exitStatus)
        } catch let error as CountError {
            FileHandle.standardError.write(Data(("pbcount: " + error.description + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// Exit statuses of the command-line contract (RULES.md).
enum ExitStatus {
    static let mismatch: Int32 = 1
    static let usage: Int32 = 2
    static let badData: Int32 = 65
}
