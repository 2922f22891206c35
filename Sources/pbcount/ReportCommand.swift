import ArgumentParser
import Foundation
import PBEngine

/// `pbcount report FILE [count options] [-o PAGE.html]`: the count as one self-contained
/// HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the count as one self-contained HTML page for residents and observers.",
        discussion: """
            The page shows the election, the outcome (funded projects in funding order, the \
            unfunded, totals), charts (the budget, the rule's rounds, voters by number of funded \
            projects approved), why each project was or was not funded, every tie, the input's \
            SHA-256 and the commands that reproduce and verify the count. It embeds the \
            canonical result, so pbcount verify FILE PAGE.html checks the page itself. It loads \
            nothing from the network. See Guides/Report.md.
            """
    )

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @OptionGroup var counting: CountOptionGroup

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the page (default: standard output).", valueName: "PAGE.html"))
    var output: String?

    @Option(help: ArgumentHelp("Other counts to show beside this one, comma-separated: RULE[:KEY=VALUE]... (such as greedy or mes:completion=add1).", valueName: "SPEC,SPEC"))
    var compare: String?

    func run() throws {
        let options = try counting.countOptions()
        let compared = try comparedOptions(options)
        let election = try PabulibReader.read(path: file, invalidBallots: options.invalidBallots, threads: counting.threads)
        let fileName = file == "-" ? "FILE.pb" : URL(fileURLWithPath: file).lastPathComponent
        let pageName = output.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "result.html"
        let flagKeys = Set(ContractFlag.allCases.map(\.rawValue))
        let page = try ReportPage.count(election, options: options, compare: compared) { document in
            ReportPage.Commands(file: fileName, page: pageName, document: document, flagKeys: flagKeys, compare: compare)
        }
        let html = Data(try page.html().utf8)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: html) else {
                throw ValidationError("-o: cannot write \(output)")
            }
        } else {
            FileHandle.standardOutput.write(html)
        }
    }

    /// The options of each `--compare` spec: the shared options of this count with the
    /// spec's rule and settings.
    private func comparedOptions(_ base: CountOptions) throws -> [(spec: String, options: CountOptions)] {
        guard let compare else { return [] }
        do {
            return try RuleSpec.list(compare).map { ($0.text, $0.options(base: base)) }
        } catch {
            throw ValidationError("--compare: \(error)")
        }
    }
}
