import Foundation
import PBEngine
import Testing

/// The report page: what it shows, that it embeds the result `verify` reads back, that
/// the election's own words cannot break it, and that it is the same bytes every time.
@Suite("Report page")
struct ReportPageTests {
    /// An election whose names try to break out of the page: markup, a script end, quotes,
    /// and another script (Cyrillic, Arabic).
    static let hostile = #"""
        META
        key;value
        description;<b>bold</b> & "quoted"
        country;Nowhere
        unit;</script><script>alert(1)</script>
        instance;2026
        num_projects;3
        num_votes;4
        budget;100
        vote_type;approval
        currency;EUR
        language;pl
        PROJECTS
        project_id;cost;name
        a;60;</script><!-- Парк & 'сад'
        b;40;"حديقة ""<img src=x>"""
        c;30;Ławki
        VOTES
        voter_id;vote
        1;a,b
        2;a
        3;b,c
        4;c

        """#

    static func page(_ text: String, at given: String? = nil, _ configure: (inout CountOptions) -> Void = { _ in }) throws -> (page: ReportPage, html: String) {
        let election = try given.map { try PabulibReader.read(path: $0) } ?? FileManagerTemp.read(text)
        var options = CountOptions()
        configure(&options)
        let page = try ReportPage.count(election, options: options) {
            ReportPage.Commands(file: "election.pb", page: "result.html", document: $0, flagKeys: ["utility"])
        }
        return (page, try page.html())
    }

    @Test("names are escaped; the embedded result survives a </script> in a name")
    func escaping() throws {
        let (page, html) = try Self.page(Self.hostile)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x>"))
        #expect(!html.contains("<b>bold"))
        #expect(html.contains("&lt;/script&gt;&lt;!-- Парк &amp; &#39;сад&#39;"))
        #expect(html.contains("<span lang=\"pl\">"))
        // Exactly one script end per script element: the JSON cannot end early.
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        let embedded = try ResultVerification.document(from: Data(html.utf8), source: "page.html")
        #expect(embedded == page.document)
        #expect(embedded.projects[0].name == "</script><!-- Парк & 'сад'")
    }

    @Test("the page makes no request: no external src or href, a CSP that forbids loading")
    func selfContained() throws {
        let (_, html) = try Self.page(Self.hostile)
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        let attributes = try NSRegularExpression(pattern: "(?:src|href)\\s*=\\s*\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        for match in attributes.matches(in: html, range: range) {
            let value = (html as NSString).substring(with: match.range(at: 1))
            #expect(value.hasPrefix("#"), "an attribute loads \(value)")
        }
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
    }

    @Test("the same input and options give the same bytes")
    func deterministic() throws {
        let example = PBCountBinary.packageRoot.appendingPathComponent("Ballots/park-library-bikes.pb").path
        let first = try Self.page("", at: example).html
        let second = try Self.page("", at: example).html
        #expect(first == second)
        #expect(first.contains("Library") && first.contains("Bike lanes; north") && first.contains("Benches &quot;old town&quot;"))
        #expect(first.contains("pbcount count election.pb --rule greedy --utility cost --option greedy=skip --tie cost,votes,file --scoring positional --invalid-ballots fail"))
        #expect(first.contains("pbcount verify election.pb result.html"))
    }

    @Test("verify reads the page: accepted as is, a changed selected is a mismatch, broken JSON is refused")
    func verifyThePage() throws {
        let example = PBCountBinary.packageRoot.appendingPathComponent("Ballots/park-library-bikes.pb").path
        let (_, html) = try Self.page(try String(contentsOfFile: example, encoding: .utf8))
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: example)))

        let document = try ResultVerification.document(from: Data(html.utf8), source: "page.html")
        #expect(try ResultVerification.verify(result: document, input: input, inputSource: example).isMatch)

        let selected = "\"selected\" : [\n    \"P2\",\n    \"P3\",\n    \"P4\"\n  ]"
        #expect(html.contains(selected))
        let edited = html.replacingOccurrences(of: selected, with: "\"selected\" : [\n    \"P1\",\n    \"P3\",\n    \"P4\"\n  ]")
        let tampered = try ResultVerification.document(from: Data(edited.utf8), source: "page.html")
        let comparison = try ResultVerification.verify(result: tampered, input: input, inputSource: example)
        #expect(!comparison.isMatch)
        #expect(comparison.onlyRecorded == ["P1"])

        let broken = html.replacingOccurrences(of: "\"selected\" : [", with: "\"selected\" : [[")
        #expect {
            _ = try ResultVerification.document(from: Data(broken.utf8), source: "page.html")
        } throws: { error in
            guard case let ResultError.unreadableResult(path, reason) = error else { return false }
            return path == "page.html" && reason.hasPrefix("the result embedded in the page:")
        }
        let stripped = html.replacingOccurrences(of: "id=\"pbcount-result\"", with: "id=\"other\"")
        #expect {
            _ = try ResultVerification.document(from: Data(stripped.utf8), source: "page.html")
        } throws: { error in
            "\(error)".contains("without an embedded result")
        }
    }

    @Test("every project has its explanation; per-round series where the trace offers one")
    func explanationsAndSeries() throws {
        let (page, html) = try Self.page(Self.hostile) { $0.rule = RuleRegistry.names.first { name in
            // A rule whose trace offers a series, found through the protocol, not by name.
            guard let election = try? FileManagerTemp.read(Self.hostile) else { return false }
            var o = CountOptions()
            o.rule = name
            return ((try? RuleRegistry.count(election, options: o))?.trace as? ReportSeries)?.reportSeries.isEmpty == false
        } ?? RuleRegistry.names[0] }
        #expect(html.components(separatedBy: "<details id=\"p").count - 1 == 3)
        let series = (page.outcome.trace as? ReportSeries)?.reportSeries ?? []
        #expect(!series.isEmpty)
        for one in series { #expect(html.contains(HTMLTextProbe.escape(one.title))) }
    }

    @Test("voters by number of funded projects approved")
    func approvalCounts() throws {
        let election = try FileManagerTemp.read(Self.hostile)
        // Funded a and c: voter 1 approves 1 (a), 2 approves 1, 3 approves 1 (c), 4 approves 1.
        #expect(FundedApprovalCounts(election: election, funded: [0, 2]).voters == [0, 4])
        #expect(FundedApprovalCounts(election: election, funded: [0, 1]).voters == [1, 2, 1])
        #expect(FundedApprovalCounts(election: election, funded: []).voters == [4])
    }
}

/// The escaping the page applies to text, for expectations.
enum HTMLTextProbe {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// Every registered rule's page: it renders, and the result it embeds verifies.
@Suite("Report page, every rule")
struct ReportPageRuleTests {
    @Test("renders and verifies", arguments: RuleRegistry.names)
    func everyRule(rule: String) throws {
        let example = PBCountBinary.packageRoot.appendingPathComponent("Ballots/park-library-bikes.pb").path
        let election = try PabulibReader.read(path: example)
        var options = CountOptions()
        options.rule = rule
        let page = try ReportPage.count(election, options: options, compare: RuleRegistry.names.map { name in
            var other = CountOptions()
            other.rule = name
            return (name, other)
        }) { ReportPage.Commands(file: "park.pb", page: "park.html", document: $0, flagKeys: []) }
        let html = try page.html()
        #expect(html.contains("<h2 id=\"compare-h\">"))
        for p in election.projects.indices { #expect(html.contains("<details id=\"p\(p)\">")) }
        let document = try ResultVerification.document(from: Data(html.utf8), source: "park.html")
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: example)))
        #expect(try ResultVerification.verify(result: document, input: input, inputSource: example).isMatch)
    }

    @Test("points ballots: the score column, and approvals counted with positive points only")
    func cumulative() throws {
        let text = """
            META
            key;value
            num_projects;2
            num_votes;3
            budget;10
            vote_type;cumulative
            max_sum_points;3
            PROJECTS
            project_id;cost;name
            x;5;X
            y;5;Y
            VOTES
            voter_id;vote;points
            1;x,y;3,0
            2;x;2
            3;y;1

            """
        let election = try FileManagerTemp.read(text)
        let page = try ReportPage.count(election, options: CountOptions()) {
            ReportPage.Commands(file: "c.pb", page: "c.html", document: $0, flagKeys: [])
        }
        #expect(try page.html().contains(">Score</th>"))
        #expect(FundedApprovalCounts(election: election, funded: [1]).voters == [2, 1])
    }
}
