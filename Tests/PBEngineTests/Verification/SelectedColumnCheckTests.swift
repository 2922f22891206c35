import PBEngine
import Testing

/// `verify --selected-column`: a file's published outcome against a rule.
@Suite("Checking a selected column")
struct SelectedColumnCheckTests {
    static func election(selected: [String], rule: String = "greedy") throws -> Election {
        let text = PBText.valid.replacingOccurrences(of: "rule;greedy", with: "rule;\(rule)")
            .replacingOccurrences(of: "project_id;cost;name", with: "project_id;cost;name;selected")
            .replacingOccurrences(of: "\"Park \"\"North\"\"\"", with: "\"Park \"\"North\"\"\";\(selected[0])")
            .replacingOccurrences(of: "Library", with: "Library;\(selected[1])")
            .replacingOccurrences(of: "\"Bikes; lanes\"", with: "\"Bikes; lanes\";\(selected[2])")
        return try PBText.read(text)
    }

    // Greedy (cost utility, ties cost,votes,file): A 2 votes, B 2 votes, C 2 votes; C (30)
    // first, then B (50): 20 left, A (60) does not fit.
    @Test("agrees when the column is the greedy outcome, from META rule")
    func match() throws {
        let check = try SelectedColumnCheck.check(try Self.election(selected: ["0", "1", "1"]), options: nil)
        #expect(check.isMatch)
        #expect(check.ruleSource == "META rule 'greedy'")
        #expect(check.recounted == ["C", "B"])
    }

    @Test("names the projects on either side of a disagreement")
    func mismatch() throws {
        let check = try SelectedColumnCheck.check(try Self.election(selected: ["1", "1", "0"]), options: nil)
        #expect(!check.isMatch)
        #expect(check.onlyPublished == ["A"])
        #expect(check.onlyRecounted == ["C"])
    }

    @Test("3 (reserve money) counts as not funded by the rule; 2 (special case) is not compared")
    func special() throws {
        let reserve = try SelectedColumnCheck.check(try Self.election(selected: ["3", "1", "1"]), options: nil)
        #expect(reserve.isMatch)
        #expect(reserve.special.map(\.id) == ["A"])
        let reserveFunded = try SelectedColumnCheck.check(try Self.election(selected: ["0", "1", "3"]), options: nil)
        #expect(reserveFunded.onlyRecounted == ["C"])
        let specialCase = try SelectedColumnCheck.check(try Self.election(selected: ["0", "1", "2"]), options: nil)
        #expect(specialCase.isMatch)
    }

    @Test("an explicit rule overrides META; unknown META rules and odd values are refused")
    func errors() throws {
        let noSkip = try SelectedColumnCheck.check(try Self.election(selected: ["0", "1", "1"], rule: "unknown"),
                                                   options: Counting.options("greedy") { $0.greedyVariant = .noSkip })
        #expect(noSkip.isMatch)
        #expect(throws: SelectedColumnError.self) {
            try SelectedColumnCheck.check(try Self.election(selected: ["0", "1", "1"], rule: "unknown"), options: nil)
        }
        #expect(throws: SelectedColumnError.self) {
            try SelectedColumnCheck.check(try Self.election(selected: ["0", "yes", "1"]), options: nil)
        }
        #expect(throws: SelectedColumnError.self) {
            try SelectedColumnCheck.check(try PBText.read(PBText.valid), options: nil)
        }
    }

    @Test("META rule names map to the options RULES.md gives them")
    func presets() throws {
        #expect(RuleRegistry.options(forMetaRule: "greedy-no-skip")?.greedyVariant == .noSkip)
        #expect(RuleRegistry.options(forMetaRule: "greedy-threshold")?.greedyVariant == .threshold)
        let add1 = try #require(RuleRegistry.options(forMetaRule: "equalshares/add1-comparison"))
        #expect(add1.rule == "mes" && add1.completion == .add1 && add1.add1Variant == .pabulib && add1.comparison == .satisfaction)
        #expect(add1.tieChain == [.cost, .votes])
        #expect(RuleRegistry.options(forMetaRule: "equalshares")?.completion == Completion.none)
        #expect(RuleRegistry.options(forMetaRule: "unknown") == nil)
        #expect(RuleRegistry.options(forMetaRule: "greedy-custom") == nil)
    }

    static let definedRules: [String] = SharedData.pabulibFiles.filter { file in
        guard let election = try? PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep),
              let rule = election.meta("rule"), RuleRegistry.options(forMetaRule: rule) != nil,
              RuleRegistry.rule(named: RuleRegistry.options(forMetaRule: rule)?.rule ?? "") != nil else { return false }
        return election.projects.contains { $0.field("selected") != nil }
    }

    @Test("agrees with each shared file's META rule where RULES.md defines it",
          .enabled(if: SharedData.isAvailable, SharedData.absentMessage), arguments: definedRules)
    func shared(file: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let check = try SelectedColumnCheck.check(election, options: nil, base: Counting.options("greedy"))
        #expect(check.isMatch, "\(file): only published \(check.onlyPublished), only recounted \(check.onlyRecounted)")
    }

    @Test("the shared files with a defined META rule are all found", .enabled(if: SharedData.isSweptWhole, SharedData.partialSweepMessage))
    func found() {
        #expect(Self.definedRules.count >= 12)
    }
}
