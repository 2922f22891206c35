import ArgumentParser
import Foundation
import PBEngine

/// `pbcount verify FILE RESULT.json` and `pbcount verify FILE --selected-column`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recount a published result, or a file's own selected column, and report match or the differences.",
        discussion: """
            pbcount verify FILE RESULT.json recounts FILE with the options recorded in RESULT.json \
            (written by count --format json) and prints "match" or every difference. A result \
            whose input_sha256 is not FILE's SHA-256 is refused (exit 1). RESULT may also be a \
            page written by pbcount report: the result embedded in it is checked.

            pbcount verify FILE --selected-column [--rule R] [count options] checks FILE's PROJECTS \
            selected column against a rule; without --rule the rule comes from META rule (each \
            rule's guide lists the META values it reproduces). Selected 3 (reserve money) is \
            compared as 0; 2 (special case) is left out. See Guides/Verification.md.

            Exit status: 0 match, 1 mismatch or refused, 2 usage error, 65 bad input data.
            """
    )

    @Argument(help: "The .pb file, or - for standard input.")
    var file: String

    @Argument(help: "The result to check (JSON written by pbcount count --format json, or a page written by pbcount report).")
    var result: String?

    @Flag(name: .customLong("selected-column"), help: "Check the file's own PROJECTS selected column instead of a result file.")
    var selectedColumn = false

    @OptionGroup var counting: CountOptionGroup

    func validate() throws {
        if selectedColumn && result != nil {
            throw ValidationError("give either RESULT.json or --selected-column, not both")
        }
        if !selectedColumn && result == nil {
            throw ValidationError("give RESULT.json to check, or --selected-column to check the file's own selected column")
        }
        if result != nil && counting.rule != nil {
            throw ValidationError("--rule is taken from RESULT.json; count options do not apply when checking a result")
        }
    }

    func run() throws {
        if let result {
            try verifyResult(result)
        } else {
            try verifySelectedColumn()
        }
    }

    private func verifyResult(_ path: String) throws {
        let resultData: Data
        do {
            resultData = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ResultError.unreadableResult(path: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        let document = try ResultVerification.document(from: resultData, source: path)
        let input = try InputBytes.read(file)
        let comparison = try ResultVerification.verify(result: document, input: input, inputSource: file, threads: counting.threads)
        let optionText = document.options.keys.sorted().map { "\($0)=\(document.options[$0] ?? "")" }.joined(separator: " ")
        for note in comparison.notes { print("note: \(note)") }
        if comparison.isMatch {
            print("match: \(file) recounted with \(optionText) gives \(path): \(Self.projects(document.selected.count)) funded, total cost \(document.total_cost_decimal)")
            return
        }
        print("MISMATCH: \(file) recounted with \(optionText) differs from \(path):")
        for line in comparison.differences { print("  \(line)") }
        throw ExitCode(ExitStatus.mismatch)
    }

    private func verifySelectedColumn() throws {
        let options = try counting.countOptions()
        let election = try PabulibReader.read(path: file, invalidBallots: options.invalidBallots, threads: counting.threads)
        let check = try SelectedColumnCheck.check(election, options: counting.rule == nil ? nil : options, base: options)
        let o = check.options
        var description = "rule \(o.rule)"
        let shown = check.ruleOptions.filter { $0.key != "utility" }
        if !shown.isEmpty { description += " (" + shown.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")" }
        description += ", tie \(o.tieChain.map(\.description).joined(separator: ","))"
        for (id, value) in check.special {
            print("note: project \(id) has selected=\(value) (\(value == "3" ? "funded from reserve money: compared as not funded by the rule" : "special case, see META comment: not compared"))")
        }
        if check.isMatch {
            print("match: \(file) selected column agrees with \(description), from \(check.ruleSource): \(Self.projects(check.published.count)) funded")
            return
        }
        print("MISMATCH: \(file) selected column differs from \(description), from \(check.ruleSource):")
        if !check.onlyPublished.isEmpty { print("  selected in the file but not funded by the rule: \(check.onlyPublished.joined(separator: ", "))") }
        if !check.onlyRecounted.isEmpty { print("  funded by the rule but not selected in the file: \(check.onlyRecounted.joined(separator: ", "))") }
        throw ExitCode(ExitStatus.mismatch)
    }
}

extension VerifyCommand {
    static func projects(_ n: Int) -> String { n == 1 ? "1 project" : "\(n) projects" }
}
