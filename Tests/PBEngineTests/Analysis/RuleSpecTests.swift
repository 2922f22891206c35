import PBEngine
import Testing

@Suite("Rule specs")
struct RuleSpecTests {
    @Test("a rule alone, with options, and a list; every registered rule reads")
    func parse() throws {
        for name in RuleRegistry.names { #expect(try RuleSpec(name).settings.isEmpty) }
        let rule = RuleRegistry.rules.first { $0.optionSpecs.contains { $0.key == "utility" } }!
        let spec = try RuleSpec("\(rule.name):utility=cardinality")
        #expect(spec.rule == rule.name && spec.settings == ["utility": "cardinality"])
        #expect(try RuleSpec.list("\(rule.name),\(rule.name):utility=cost").count == 2)
    }

    @Test("unknown rules, keys and values are refused")
    func refuse() {
        #expect(throws: CountError.self) { try RuleSpec("no-such-rule") }
        #expect(throws: CountError.self) { try RuleSpec("\(RuleRegistry.names[0]):no_such_key=1") }
        #expect(throws: CountError.self) { try RuleSpec("\(RuleRegistry.names[0]):utility") }
        #expect(throws: CountError.self) { try RuleSpec("\(RuleRegistry.names[0]):utility=cost:utility=cardinality") }
    }
}
