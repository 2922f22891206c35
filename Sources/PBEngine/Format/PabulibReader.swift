import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads pabulib `.pb` files strictly and fast.
///
/// Hand-written because it must be both: it reads bytes in large chunks (never a `String`
/// per line), keeps the line of every token for its errors, parses the VOTES section on
/// several cores (parts split at line boundaries and joined in order, so the result does
/// not depend on the thread count), and refuses everything `shared/FORMAT.md` lists.
/// Memory follows the ballots (a few bytes per listed project), not the size of the text.
public enum PabulibReader {
    /// How to read.
    public struct Options: Sendable {
        /// What to do with ballots that break META's limits.
        public var invalidBallots: InvalidBallotPolicy
        /// Threads for the VOTES section (0: one per core).
        public var threads: Int
        /// Read on after a malformed row and report every problem (for `validate`).
        public var collectAllErrors: Bool
        /// Bytes read at a time.
        public var chunkSize: Int
        /// VOTES text below this size is parsed on one thread (splitting would cost more).
        public var minimumPartBytes: Int
        /// The longest row read from a file or standard input (64 MiB by default): a row is
        /// held whole while it is read, so a stream without line breaks (`/dev/zero`) is
        /// refused at this size instead of filling memory. The longest row of the shared
        /// files is under 100 KB.
        public var maximumRowBytes: Int = 1 << 26
        /// Called after each chunk with the number of bytes read so far (for a progress
        /// display); never affects the result.
        public var progress: (@Sendable (_ bytesRead: Int) -> Void)?

        public init(invalidBallots: InvalidBallotPolicy = .fail, threads: Int = 0, collectAllErrors: Bool = false,
                    chunkSize: Int = 8 << 20, minimumPartBytes: Int = 1 << 20) {
            self.invalidBallots = invalidBallots
            self.threads = threads
            self.collectAllErrors = collectAllErrors
            self.chunkSize = chunkSize
            self.minimumPartBytes = minimumPartBytes
        }
    }

    /// Reads the file at `path` (`-` reads standard input).
    ///
    /// - Throws: ``PabulibErrors`` with the first malformed place (or every problem, with
    ///   `collectAllErrors`), or every invalid ballot under ``InvalidBallotPolicy/fail``.
    public static func read(path: String, invalidBallots: InvalidBallotPolicy = .fail, threads: Int = 0) throws -> Election {
        try read(path: path, options: Options(invalidBallots: invalidBallots, threads: threads))
    }

    /// Reads the file at `path` (`-` reads standard input) with `options`.
    public static func read(path: String, options: Options) throws -> Election {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw PabulibErrors([PabulibError(file: path, line: 0, message: "cannot open the file: \(reason)", hint: "check the path")])
            }
        }
        defer { if fd != 0 { close(fd) } }
        let parser = PabulibParser(file: path, options: options)
        var buffer = [UInt8](repeating: 0, count: max(options.chunkSize, 1 << 16))
        var filled = 0
        var bytesRead = 0
        // After a feed that leaves `filled` bytes of an unfinished row, the next one waits
        // until as many bytes again have come (or the buffer is full, or the input ends), so
        // a row that grows over many reads is scanned a logarithmic number of times, not
        // once per read: a 64 MiB row from a pipe took 20 to 50 s that way.
        var feedAt = 0
        func feed(atEnd: Bool) throws {
            let consumed = try buffer.withUnsafeBufferPointer { try parser.feed($0, count: filled, atEnd: atEnd) }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    if consumed < filled, let base = b.baseAddress {
                        base.update(from: base + consumed, count: filled - consumed)
                    }
                }
                filled -= consumed
            }
            feedAt = 2 * filled
        }
        while true {
            if filled == buffer.count {
                try feed(atEnd: false)
                if filled == buffer.count {
                    // One row fills the buffer: grow it, up to the longest row allowed.
                    guard buffer.count < options.maximumRowBytes else {
                        throw PabulibErrors([parser.rowTooLong(bytes: buffer.count)])
                    }
                    buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, options.maximumRowBytes - buffer.count)))
                }
            }
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }  // never: the buffer is at least 64 KiB
                return Glibc.read(fd, base + filled, raw.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw PabulibErrors([PabulibError(file: path, line: 0, message: "cannot read the file: \(reason)")])
            }
            let atEnd = n == 0
            filled += n
            bytesRead += n
            options.progress?(bytesRead)
            if atEnd || filled >= feedAt {
                try feed(atEnd: atEnd)
            }
            if atEnd { break }
        }
        return try parser.finish()
    }

    /// Reads a `.pb` file held in memory.
    public static func read(bytes: [UInt8], source: String = "-", options: Options = Options()) throws -> Election {
        let parser = PabulibParser(file: source, options: options)
        _ = try bytes.withUnsafeBufferPointer { try parser.feed($0, count: $0.count, atEnd: true) }
        return try parser.finish()
    }

    /// Reads a file and reports every problem in it, like a checker: malformed rows and
    /// invalid ballots, each with its line. Never throws.
    public static func validate(path: String, progress: (@Sendable (_ bytesRead: Int) -> Void)? = nil) -> ValidationReport {
        do {
            var options = Options(invalidBallots: .keep, collectAllErrors: true)
            options.progress = progress
            let election = try read(path: path, options: options)
            return ValidationReport(file: path, election: election, errors: [], invalidBallots: election.invalidBallots,
                                    warnings: election.warnings)
        } catch let errors as PabulibErrors {
            return ValidationReport(file: path, election: nil, errors: errors.errors, invalidBallots: [])
        } catch {
            return ValidationReport(file: path, election: nil, errors: [PabulibError(file: path, line: 0, message: "\(error)")], invalidBallots: [])
        }
    }
}

/// What `validate` found in a file.
public struct ValidationReport: Sendable {
    public var file: String
    /// The election, when the file could be read.
    public var election: Election?
    /// Malformed places (the file cannot be counted while there are any).
    public var errors: [PabulibError]
    /// Ballots that break META's limits.
    public var invalidBallots: [InvalidBallot]
    /// What was off but read all the same (empty when the file could not be read).
    public var warnings: [FormatWarning] = []

    /// Whether the file is well-formed and every ballot valid.
    var isClean: Bool { errors.isEmpty && invalidBallots.isEmpty }
}
