import Foundation
import PBEngine
import Testing

/// The `metrics` key of a result: absent unless asked for, and in the schema when present.
@Suite("Metrics in the result file")
struct MetricsDocumentTests {
    @Test("absent without metrics; every metrics key is in the schema", arguments: RuleRegistry.names)
    func document(rule: String) throws {
        let election = try PabulibReader.read(path: ResultDocumentTests.park)
        let options = Counting.options(rule)
        let outcome = try RuleRegistry.count(election, options: options)
        var document = ResultDocument(election: election, options: options, outcome: outcome)
        let plain = try ResultSchemaTests.object(try document.encoded())
        #expect(plain["metrics"] == nil)
        document.metrics = MetricsDocument(OutcomeMetrics(election: election, outcome: outcome), election: election)
        let written = try #require(try ResultSchemaTests.object(try document.encoded())["metrics"] as? [String: Any])
        let schema = try ResultSchemaTests.object(try Data(contentsOf: ResultSchemaTests.schemaPath))
        let metricsSchema = try #require((schema["properties"] as? [String: Any])?["metrics"] as? [String: Any])
        let keys = try ResultSchemaTests.keys(metricsSchema)
        #expect(keys.required.isSubset(of: Set(written.keys)))
        #expect(Set(written.keys).isSubset(of: keys.properties))
    }
}
