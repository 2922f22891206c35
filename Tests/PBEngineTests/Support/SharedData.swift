import Foundation
import Testing

/// The real elections and reference outcomes in `../shared/` beside the repository.
///
/// Absent in a user's clone: tests that need it are disabled with a message
/// (`.enabled(if: SharedData.isAvailable, SharedData.absentMessage)`); CI has it.
enum SharedData {
    /// `../shared` relative to the package root (found from this file's path).
    static let root: URL = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var pabulibFolder: URL { root.appendingPathComponent("pabulib") }
    static var referenceFolder: URL { root.appendingPathComponent("reference") }

    static let isAvailable: Bool = FileManager.default.fileExists(atPath: root.appendingPathComponent("pabulib").path)
    static let absentMessage: Comment = "../shared/pabulib is absent (a user's clone): real-election tests skipped"

    /// File names of every shared `.pb` file, sorted.
    static var pabulibFiles: [String] {
        guard isAvailable else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pabulibFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }.sorted()
    }

    static func path(_ file: String) -> String {
        pabulibFolder.appendingPathComponent(file).path
    }

    /// The reference outcomes of one file (`../shared/reference/NAME.json`).
    static func reference(for file: String) -> ReferenceOutcomes? {
        let url = referenceFolder.appendingPathComponent(file.replacingOccurrences(of: ".pb", with: ".json"))
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ReferenceOutcomes.self, from: data)
    }
}

/// One reference file: pabutools' outcome per rule key (`greedy-cost`, `mes-card`, ...).
struct ReferenceOutcomes: Decodable {
    struct RuleOutcome: Decodable {
        /// Funded project ids, sorted as strings (absent when the reference timed out).
        let selected: [String]?
        let cost: String?
        let welfare: String?
        let timeout: Double?
    }

    let file: String
    let sha256: String
    let vote_type: String
    let rules: [String: RuleOutcome]
}
