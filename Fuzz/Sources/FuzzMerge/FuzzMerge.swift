import FuzzDriver
import PBEngine

/// `merge` on arbitrary pairs: the input is cut in two at its first NUL byte (or in the
/// middle). When the merge succeeds, the merged file must read, with as many ballots as
/// the two files together (BallotFileMerge's contract: counting the merged file counts the
/// concatenated ballots).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerge(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
    let a = Array(bytes[..<cut])
    let b = Array(bytes[min(cut + 1, bytes.count)...])
    guard let merged = try? BallotFileMerge.merge([(source: "a.pb", bytes: a), (source: "b.pb", bytes: b)]) else { return 0 }
    let options = PabulibReader.Options(invalidBallots: .keep, threads: 1)
    do {
        let total = try PabulibReader.read(bytes: merged, source: "merged.pb", options: options).ballots.count
        let first = try PabulibReader.read(bytes: a, source: "a.pb", options: options).ballots.count
        let second = try PabulibReader.read(bytes: b, source: "b.pb", options: options).ballots.count
        precondition(total == first + second, "FuzzMerge: \(total) merged ballots from \(first) + \(second)")
    } catch {
        preconditionFailure("FuzzMerge: the merged file does not read: \(error)")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, with this target's input function.
@_cdecl("FuzzMerge_main")
public func fuzzMergeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzMerge(data, size)
    }
}
