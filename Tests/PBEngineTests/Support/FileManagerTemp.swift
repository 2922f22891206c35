import Foundation

/// Temporary files for tests that need a path.
enum FileManagerTemp {
    static func write(_ text: String, name: String = "test") -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pbcount-tests-\(UUID().uuidString)-\(name).pb")
        FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        return url.path
    }
}
