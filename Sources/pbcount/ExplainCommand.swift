import ArgumentParser
import PBEngine

/// `pbcount explain FILE --project ID [count options]`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain in plain words and numbers why a project was or was not funded.",
        discussion: """
            Each rule explains from the record of its own count (its trace), in its own terms: \
            the rule's guide says what it tells. Nothing is recounted to explain. See \
            Guides/Verification.md.
            """
    )

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @Option(help: "The project id, as in the file.")
    var project: String

    @OptionGroup var counting: CountOptionGroup

    func run() throws {
        let options = try counting.countOptions()
        let election = try PabulibReader.read(path: file, invalidBallots: options.invalidBallots, threads: counting.threads)
        let explanation = try Explanation.explain(project: project, in: election, options: options)
        let name = explanation.name.isEmpty ? "" : " (\(explanation.name))"
        print("\(explanation.project)\(name): \(explanation.funded ? "FUNDED" : "NOT FUNDED")")
        print("counted with \(explanation.countedWith)")
        for sentence in explanation.sentences { print("- \(sentence)") }
    }
}
