import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error while a large file is read, only when standard error
/// is a terminal (scripts and CI see nothing).
enum ReadProgress {
    /// Files smaller than this read too fast for a progress line to help.
    static let minimumBytes = 32 << 20

    /// A callback for ``PabulibReader/Options/progress``, or `nil` when no line should show.
    static func callback(for path: String) -> (@Sendable (Int) -> Void)? {
        guard path != "-", isatty(STDERR_FILENO) != 0,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue, size >= minimumBytes else { return nil }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let total = size >> 20
        return { read in
            let percent = min(100, read * 100 / size)
            let line = read >= size
                ? "\r\u{1B}[K"  // done: clear the line
                : "\rreading \(name): \(percent)% of \(total) MB"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
