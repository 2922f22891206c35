import Foundation
@testable import PBEngine
import Testing

/// Maximin support on the real elections against pabutools 1.2.3 `maximin_support`
/// (outcomes in `pabutools-maximin.json` beside this file, written by
/// `scripts/compare-maximin --write-expected`; only the files pabutools finished within
/// its timeout), with ties by project id and every ballot counted.
///
/// pabutools funds projects nobody approves at the end, in id order, where this count
/// stops; the JSON keeps pabutools' funding order without them (and lists them apart).
@Suite("MaximinSupport: reference", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct MaximinSupportReferenceTests {
    struct Expected: Decodable {
        struct File: Decodable {
            let order: [String]
            let unsupported_funded: [String]
        }
        let files: [String: File]
    }

    static let expected: Expected? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pabutools-maximin.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Expected.self, from: data)
    }()

    static var files: [String] { (expected?.files.keys.sorted()) ?? [] }

    static func count(_ file: String) throws -> (Election, MaximinSupportTrace) {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let trace = try MaximinSupportCount.run(election, ties: TieBreaking(chain: [.id], election: election))
        return (election, trace)
    }

    @Test("funding order equals pabutools' (supported projects)", arguments: Self.files)
    func reference(file: String) throws {
        let expected = try #require(Self.expected?.files[file])
        let (election, trace) = try Self.count(file)
        #expect(trace.funded.map { election.projects[$0].id } == expected.order, "\(file)")
        if !expected.unsupported_funded.isEmpty {
            #expect(trace.stop == .onlyUnsupportedFit, "\(file)")
        }
    }
}
