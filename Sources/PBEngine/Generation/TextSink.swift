#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where generated `.pb` text goes, one chunk at a time (so that a file of ten million
/// ballots is never held in memory).
public protocol TextSink {
    /// Takes the next chunk of bytes.
    mutating func write(_ chunk: [UInt8]) throws
}

extension Array: TextSink where Element == UInt8 {
    /// Appends the chunk (for tests and small elections built in memory).
    public mutating func write(_ chunk: [UInt8]) throws {
        append(contentsOf: chunk)
    }
}

/// Writes chunks to an open file descriptor (a file, or standard output).
public struct FileDescriptorSink: TextSink {
    /// The descriptor written to; the caller opens and closes it.
    public let descriptor: Int32
    /// The name shown in errors (a path, or `-`).
    public let name: String

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes the whole chunk, retrying short writes and interruptions.
    ///
    /// - Throws: ``GenerationError`` with the system's reason when the write fails.
    public mutating func write(_ chunk: [UInt8]) throws {
        var done = 0
        while done < chunk.count {
            let n = chunk.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + done }, raw.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw GenerationError(message: "\(name): cannot write: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}
