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
                      VerifyCommand.self, ExplainCommand.self, ReportCommand.self, MergeCommand.self,
                      CompareCommand.self, BatchCommand.self]
    )

    /// Runs the command, mapping errors to the exit codes of the command-line contract.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PabulibErrors {
            // Each line already names the file and line.
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            Foundation.exit(error.exitStatus)
        } catch let error as any ReportedError {
            FileHandle.standardError.write(Data(("pbcount: " + error.message + "\n").utf8))
            Foundation.exit(error.exitStatus)
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
