import ArgumentParser
import Foundation
import PBEngine

/// `pbcount merge A.pb B.pb ... -o ALL.pb`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the ballot files of several collection points of one election into one .pb file.",
        discussion: """
            The files must agree on vote_type, budget, ballot limits, projects and costs, and VOTES \
            columns, and share no voter id; the first disagreement is reported with its file and line \
            (exit 65). The merged file is the first file with num_votes, and the PROJECTS votes and \
            score columns, recomputed, followed by every file's VOTES rows. See Guides/Verification.md.
            """
    )

    @Argument(help: "The .pb files to merge (two or more).")
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the merged file.", valueName: "ALL.pb"))
    var output: String

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("give two or more .pb files to merge") }
    }

    func run() throws {
        let inputs = try files.map { (source: $0, bytes: try InputBytes.read($0)) }
        let merged = try BallotFileMerge.merge(inputs)
        guard FileManager.default.createFile(atPath: output, contents: Data(merged)) else {
            throw ValidationError("-o: cannot write \(output)")
        }
        print("merged \(files.count) files into \(output)")
    }
}
