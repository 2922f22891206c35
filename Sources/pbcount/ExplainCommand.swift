import ArgumentParser
import PBEngine

/// `pbcount explain FILE --project ID [count options]`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain in plain words and numbers why a project was or was not funded.",
        discussion: """
            greedy: its rank and the money left when its turn came; mes: the round and rho at which \
            it was funded, or the last round it was affordable, what its supporters held and what it \
            lacked; knapsack: its contribution to the optimal welfare. See Guides/Verification.md.
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
