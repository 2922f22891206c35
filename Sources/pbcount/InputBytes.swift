import Foundation
import PBEngine

/// Reads a whole input (`-` for standard input) as bytes.
enum InputBytes {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw PabulibErrors([PabulibError(file: path, line: 0, message: "cannot read the file: \(error.localizedDescription)", hint: "check the path")])
        }
    }
}
