import Foundation
import PBEngine

/// Temporary files for tests that need a path. Callers remove what they write (`defer`),
/// or use ``read(_:)``, which does: test runs must not leave files behind in `/tmp`.
enum FileManagerTemp {
    static func write(_ text: String, name: String = "test") -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pbcount-tests-\(UUID().uuidString)-\(name).pb")
        FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        return url.path
    }

    /// `text` read from a file, as the command line reads one; the file is removed after.
    static func read(_ text: String) throws -> Election {
        let path = write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PabulibReader.read(path: path)
    }
}
