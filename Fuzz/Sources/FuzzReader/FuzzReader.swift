import FuzzDriver
import PBEngine

/// The reader on arbitrary bytes: it reads them or refuses them with located errors, on
/// one thread and (one input in eight) on three, which must agree; it never crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let one = Result { try PabulibReader.read(bytes: bytes, options: .init(invalidBallots: .keep, threads: 1)) }
    // Handing parts to worker threads costs milliseconds of waiting on a busy machine:
    // one input in eight (chosen by its length, so a crash reproduces) is also read on three.
    guard bytes.count % 8 == 0 else {
        _ = try? PabulibReader.read(bytes: bytes, options: .init(invalidBallots: .keep, threads: 1, collectAllErrors: true))
        return 0
    }
    let many = Result {
        try PabulibReader.read(bytes: bytes, options: .init(invalidBallots: .keep, threads: 3, minimumPartBytes: 1))
    }
    switch (one, many) {
    case let (.success(a), .success(b)):
        precondition(a.ballots.count == b.ballots.count && a.ballots.projects == b.ballots.projects
                     && a.ballots.points == b.ballots.points && a.sha256 == b.sha256
                     && a.warnings == b.warnings && a.invalidBallots == b.invalidBallots,
                     "FuzzReader: one thread and three threads read different elections")
    case (.failure, .failure):
        break
    default:
        preconditionFailure("FuzzReader: one thread and three threads disagree on whether the file reads")
    }
    // Validation collects every problem; it must not crash either.
    _ = try? PabulibReader.read(bytes: bytes, options: .init(invalidBallots: .keep, threads: 1, collectAllErrors: true))
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, with this target's input function.
@_cdecl("FuzzReader_main")
public func fuzzReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzReader(data, size)
    }
}
