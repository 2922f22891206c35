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

    /// File names of every shared `.pb` file, sorted; under a sanitizer only the small ones.
    ///
    /// `scripts/sanitize` sets `PBCOUNT_SANITIZER=1`: the sweeps that recount every shared
    /// file with every rule then take the files under ``sanitizerFileBytes`` (14 of 29,
    /// approval, cumulative and ordinal ballots), which run the same code as the large
    /// cities at a fraction of the instrumented time. Tests that name a file keep it.
    static var pabulibFiles: [String] {
        guard isAvailable else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: pabulibFolder.path)) ?? [])
            .filter { $0.hasSuffix(".pb") }.sorted()
        guard underSanitizer else { return names }
        return names.filter { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: path(name)))?[.size] as? Int
            return (size ?? .max) < sanitizerFileBytes
        }
    }

    /// Tests that check how many shared files have some property need every file.
    static let isSweptWhole: Bool = isAvailable && !underSanitizer
    static let partialSweepMessage: Comment = "../shared/pabulib is absent, or PBCOUNT_SANITIZER takes only the small files"

    /// Whether the suite runs under a sanitizer (`PBCOUNT_SANITIZER` set, by `scripts/sanitize`).
    static let underSanitizer: Bool = ProcessInfo.processInfo.environment["PBCOUNT_SANITIZER"] != nil

    /// The size below which a shared file is swept under a sanitizer.
    static let sanitizerFileBytes = 100_000

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
