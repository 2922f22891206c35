import Foundation
import FuzzDriver
import PBEngine

/// `verify` on arbitrary JSON: the result is decoded or refused, and a decoded one is
/// recounted against a fixed small election (which it almost never matches); nothing may
/// crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerify(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let json = Data(bytes: data, count: size)
    guard let document = try? ResultVerification.document(from: json, source: "fuzz.json") else { return 0 }
    _ = try? ResultVerification.verify(result: document, input: FixedElection.bytes, inputSource: "fixed.pb", threads: 1)
    // A document recorded for exactly this input reaches the recount.
    var matching = document
    matching.input_sha256 = FixedElection.sha256
    _ = try? ResultVerification.verify(result: matching, input: FixedElection.bytes, inputSource: "fixed.pb", threads: 1)
    return 0
}

enum FixedElection {
    static let bytes = Array("""
        META
        key;value
        num_projects;3
        num_votes;4
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost;name
        A;60;Park
        B;50;Library
        C;30;Bikes
        VOTES
        voter_id;vote
        v1;A,B
        v2;A
        v3;B,C
        v4;C

        """.utf8)
    static let sha256 = ResultVerification.sha256(bytes)
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, with this target's input function.
@_cdecl("FuzzVerify_main")
public func fuzzVerifyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzVerify(data, size)
    }
}
