import Foundation

/// A count as one self-contained HTML page for residents and observers (`pbcount report`).
///
/// The page is a view of one record (DESIGN.md, "Outputs are views of one record"): the
/// election as read, the outcome with its trace (counted with
/// ``TraceDetail/explanation``), and the canonical ``ResultDocument``, which the page
/// embeds so that `pbcount verify FILE PAGE.html` checks the page itself. It names no
/// rule: rule-specific charts come from traces that adopt ``ReportSeries``, explanations
/// from ``RuleTrace/explain(_:)``.
///
/// The page makes no network request (inline CSS and SVG, a Content-Security-Policy
/// that forbids loading anything), reads on a phone and prints. The same input and
/// options give the same bytes.
public struct ReportPage: Sendable {
    /// The commands printed on the page: the count that reproduces it, the check of it.
    public struct Commands: Sendable, Equatable {
        /// `pbcount count FILE ...` with every recorded option.
        public var count: String
        /// `pbcount verify FILE PAGE.html`.
        public var verify: String
        /// `pbcount report FILE ... -o PAGE.html`: writes the same page again.
        public var report: String

        public init(count: String, verify: String, report: String) {
            self.count = count
            self.verify = verify
            self.report = report
        }

        /// The commands for a page named `page` of a count of `file` with the options
        /// `document` records.
        ///
        /// - Parameters:
        ///   - file: The input's name as the reader will have it (usually without folders).
        ///   - page: The page's file name.
        ///   - document: The result: its recorded options.
        ///   - flagKeys: Rule option keys that the command line spells as flags of their
        ///     own (`--utility cost`); every other rule option is `--option KEY=VALUE`.
        ///   - compare: The `--compare` specs the page was written with, if any.
        public init(file: String, page: String, document: ResultDocument, flagKeys: Set<String>, compare: String? = nil) {
            let o = document.options
            var words = ["pbcount", "count", HTMLText.shellWord(file), "--rule", HTMLText.shellWord(document.rule)]
            let ruleKeys = RuleRegistry.rule(named: document.rule)?.optionSpecs.map(\.key) ?? []
            let known = Set(ruleKeys).union(["rule", "tie", "scoring", "invalid_ballots"])
            for key in ruleKeys + o.keys.filter({ !known.contains($0) }).sorted() {
                guard let value = o[key] else { continue }
                if flagKeys.contains(key) {
                    words += ["--" + key.replacingOccurrences(of: "_", with: "-"), HTMLText.shellWord(value)]
                } else {
                    words += ["--option", HTMLText.shellWord("\(key)=\(value)")]
                }
            }
            for (key, flag) in [("tie", "--tie"), ("scoring", "--scoring"), ("invalid_ballots", "--invalid-ballots")] {
                if let value = o[key] { words += [flag, HTMLText.shellWord(value)] }
            }
            count = words.joined(separator: " ")
            verify = ["pbcount", "verify", HTMLText.shellWord(file), HTMLText.shellWord(page)].joined(separator: " ")
            words[1] = "report"
            if let compare { words += ["--compare", HTMLText.shellWord(compare)] }
            report = (words + ["-o", HTMLText.shellWord(page)]).joined(separator: " ")
        }
    }

    /// Another count of the same election, shown beside this one (`--compare`).
    public struct ComparedCount: Sendable {
        /// How the count was asked for (`greedy`, `mes:completion=add1`).
        public var spec: String
        /// Its options.
        public var options: CountOptions
        /// Its outcome.
        public var outcome: Outcome

        public init(spec: String, options: CountOptions, outcome: Outcome) {
            self.spec = spec
            self.options = options
            self.outcome = outcome
        }
    }

    /// The election as read.
    public let election: Election
    /// The options counted with.
    public let options: CountOptions
    /// The count, with its trace at explanation detail.
    public let outcome: Outcome
    /// The canonical result of the count (embedded in the page).
    public let document: ResultDocument
    /// The commands shown on the page.
    public let commands: Commands
    /// Other counts shown beside this one.
    public let comparisons: [ComparedCount]

    /// A page for a count already made. `outcome` should carry explanation detail
    /// (``TraceDetail/explanation``), or the explanations say less.
    public init(election: Election, options: CountOptions, outcome: Outcome, commands: Commands, comparisons: [ComparedCount] = []) {
        self.election = election
        self.options = options
        self.outcome = outcome
        self.document = ResultDocument(election: election, options: options, outcome: outcome)
        self.commands = commands
        self.comparisons = comparisons
    }

    /// Counts `election` with `options` (at explanation detail) and makes its page.
    ///
    /// - Parameters:
    ///   - commands: Makes the page's commands from the result.
    ///   - compare: Other options to count with and show beside, each with its spec text.
    /// - Throws: ``CountError`` when a count fails.
    /// - Complexity: one count per set of options.
    public static func count(_ election: Election, options: CountOptions, compare: [(spec: String, options: CountOptions)] = [],
                             commands: (ResultDocument) -> Commands) throws -> ReportPage {
        var detailed = options
        detailed.traceDetail = .explanation
        let outcome = try RuleRegistry.count(election, options: detailed)
        let compared = try compare.map { spec, other in
            ComparedCount(spec: spec, options: other, outcome: try RuleRegistry.count(election, options: other))
        }
        let document = ResultDocument(election: election, options: options, outcome: outcome)
        return ReportPage(election: election, options: options, outcome: outcome, commands: commands(document), comparisons: compared)
    }

    /// The page, as UTF-8 text.
    ///
    /// - Throws: when the result cannot be encoded as JSON.
    /// - Complexity: O(ballot entries) for the approval histogram, plus one explanation
    ///   per project and O(projects + rounds) for the rest.
    public func html() throws -> String {
        var page = PageWriter(language: HTMLText.languageTag(election.meta("language")))
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        page.raw("<meta name=\"generator\" content=\"pbcount \(HTMLText.escape(document.engine_version))\">\n")
        page.raw("<title>\(HTMLText.escape(title)) — participatory budget result</title>\n")
        page.raw("<style>\n\(Self.style)</style>\n</head>\n<body>\n")
        page.raw("<a class=\"skip\" href=\"#outcome-h\">Skip to the outcome</a>\n")
        header(&page)
        page.raw("<main>\n")
        electionSection(&page)
        outcomeSection(&page)
        comparisonSection(&page)
        roundsSection(&page)
        distributionSection(&page)
        explanationSection(&page)
        tiesSection(&page)
        checkSection(&page)
        page.raw("</main>\n")
        page.raw("<footer><p>Written by pbcount \(HTMLText.escape(document.engine_version)), exact arithmetic throughout. This page is self-contained: it loads nothing from anywhere.</p></footer>\n")
        page.raw("<script type=\"application/json\" id=\"\(ResultDocument.pageScriptID)\">\n")
        page.raw(try document.embeddedJSON())
        page.raw("</script>\n")
        page.raw("<script>addEventListener(\"beforeprint\",function(){document.querySelectorAll(\"details\").forEach(function(d){d.open=true})})</script>\n")
        page.raw("</body>\n</html>\n")
        return page.text
    }

    /// The election's name for people: unit and instance, else the file's name.
    var title: String {
        let name = [document.input.unit, document.input.instance].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? document.input.file : name
    }
}

/// The page as it is written: text, and the election's language for its own words.
struct PageWriter {
    private(set) var text = ""
    /// META `language`, for the `lang` of names and descriptions.
    let language: String?

    init(language: String?) {
        self.language = language
        text.reserveCapacity(1 << 16)
    }

    /// Appends markup as it is.
    mutating func raw(_ markup: String) { text += markup }

    /// Appends text, escaped.
    mutating func text(_ words: String) { text += HTMLText.escape(words) }

    /// The election's own words (a name, a description), escaped and marked with its language.
    func own(_ words: String) -> String {
        guard let language else { return HTMLText.escape(words) }
        return "<span lang=\"\(language)\">\(HTMLText.escape(words))</span>"
    }
}
