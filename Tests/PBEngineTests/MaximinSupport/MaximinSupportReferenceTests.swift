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

    /// Lodz 2022 (90,494 voters, 160 projects): prints the count's time. Heavy in a debug
    /// build; runs only when PBCOUNT_MAXIMIN_MEASURE is set (e.g. with
    /// `swift test -c release --filter MaximinSupportReference`).
    @Test("time on Lodz 2022", .enabled(if: ProcessInfo.processInfo.environment["PBCOUNT_MAXIMIN_MEASURE"] != nil))
    func lodz() throws {
        let election = try PabulibReader.read(path: SharedData.path("Poland_Lodz_2022.pb"), invalidBallots: .keep)
        let ties = TieBreaking(chain: [.id], election: election)
        let clock = ContinuousClock()
        var trace: MaximinSupportTrace?
        let elapsed = try clock.measure { trace = try MaximinSupportCount.run(election, ties: ties) }
        let result = try #require(trace)
        let fresh = result.rounds.map { $0.candidates.filter(\.isExact).count }.reduce(0, +)
        let considered = result.rounds.map(\.candidates.count).reduce(0, +)
        var classes = SupportClasses(election)
        for p in result.funded { classes.fund(p) }
        print("maximin-support Lodz 2022: \(elapsed), \(result.rounds.count) rounds, \(fresh) of \(considered) candidate loads computed exactly, \(classes.classCount) voter classes at the end, stop \(result.stop), final load \(result.rounds.last?.load.description ?? "-")")
        #expect(!result.funded.isEmpty)
    }
}
