import Foundation
import PBEngine
import Testing

/// `Schemas/pbcount-result-v2.schema.json` describes what `ResultDocument` writes.
@Suite("Result schema")
struct ResultSchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas/pbcount-result-v2.schema.json")

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `required` and `properties` of a schema object.
    static func keys(_ schema: [String: Any]) throws -> (required: Set<String>, properties: Set<String>) {
        let required = try #require(schema["required"] as? [String])
        let properties = try #require(schema["properties"] as? [String: Any])
        return (Set(required), Set(properties.keys))
    }

    @Test("every key written is in the schema and every required key is written", arguments: RuleRegistry.names)
    func keys(rule: String) throws {
        let schema = try Self.object(try Data(contentsOf: Self.schemaPath))
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let election = try PabulibReader.read(path: ResultDocumentTests.park)
        let document = try Self.object(try ResultDocumentTests.document(election, Counting.options(rule)).encoded())
        let top = try Self.keys(schema)
        #expect(top.required.isSubset(of: Set(document.keys)))
        #expect(Set(document.keys).isSubset(of: top.properties))
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        for nested in ["input", "options", "invalid_ballots"] {
            let keys = try Self.keys(try #require(properties[nested]))
            let written = Set(try #require(document[nested] as? [String: Any]).keys)
            #expect(keys.required.isSubset(of: written), "\(nested)")
            if nested == "options" {
                // The rule's own options are additional properties: exactly the rule's keys.
                let ruleKeys = Set(try #require(RuleRegistry.rule(named: rule)).optionSpecs.map(\.key))
                #expect(written.subtracting(keys.properties).isSubset(of: ruleKeys), "\(nested)")
            } else {
                #expect(written.isSubset(of: keys.properties), "\(nested)")
            }
        }
        for list in ["projects", "rounds"] {
            let items = try #require(properties[list]?["items"] as? [String: Any])
            let keys = try Self.keys(items)
            for entry in try #require(document[list] as? [[String: Any]]) {
                #expect(keys.required.isSubset(of: Set(entry.keys)), "\(list)")
                #expect(Set(entry.keys).isSubset(of: keys.properties), "\(list)")
            }
        }
        #expect(document["format_version"] as? Int == ResultDocument.formatVersion)
    }
}
