import PBEngine
import Testing

/// Seeded mutation fuzzing of the reader: whatever the bytes, reading ends in an election
/// or in `PabulibErrors` naming a line — never a crash, a hang or another error.
@Suite("Reader fuzzing")
struct ReaderFuzzTests {
    static let alphabet: [UInt8] = Array(";,\"\r\n-.0123456789AVvOTESPRJCMEabcdef \u{7F}".utf8) + [0, 0xFF, 0xC3]

    static func mutate(_ bytes: [UInt8], _ g: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let edits = 1 + Int(g.next(upperBound: 4))
        for _ in 0..<edits {
            guard !out.isEmpty else { break }
            let at = Int(g.next(upperBound: UInt64(out.count)))
            switch g.next(upperBound: 6) {
            case 0: out[at] = alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))]
            case 1: out.insert(alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))], at: at)
            case 2: out.remove(at: at)
            case 3:  // duplicate a slice
                let end = min(out.count, at + Int(g.next(upperBound: 40)))
                out.insert(contentsOf: out[at..<end], at: at)
            case 4:  // cut the file
                out.removeSubrange(at...)
            default:  // swap two bytes
                let other = Int(g.next(upperBound: UInt64(out.count)))
                out.swapAt(at, other)
            }
        }
        return out
    }

    @Test("mutated files are read or refused with a located error", arguments: [11, 12, 13] as [UInt64])
    func mutations(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let seeds = [PBText.valid, PBReaderFuzzCorpus.cumulative, PBReaderFuzzCorpus.knapsack]
        var refused = 0
        for i in 0..<1_500 {
            let base = Array(seeds[i % seeds.count].utf8)
            let bytes = Self.mutate(base, &g)
            for policy in InvalidBallotPolicy.allCases {
                do {
                    let e = try PabulibReader.read(bytes: bytes, source: "fuzz.pb",
                                                   options: .init(invalidBallots: policy, threads: 2, chunkSize: 64, minimumPartBytes: 1))
                    // A file that reads must be consistent with itself.
                    #expect(e.ballots.projects.allSatisfy { Int($0) < e.projects.count })
                    #expect(e.projects.allSatisfy { $0.cost.signum > 0 })
                } catch let errors as PabulibErrors {
                    refused += 1
                    #expect(!errors.errors.isEmpty)
                    #expect(errors.errors.allSatisfy { $0.file == "fuzz.pb" && !$0.message.isEmpty })
                } catch {
                    Issue.record("unexpected error type: \(error)")
                }
            }
        }
        #expect(refused > 0)
    }

    @Test("random bytes are refused, never crash")
    func randomBytes() {
        var g = SplitMix64(seed: 99)
        for _ in 0..<500 {
            let n = Int(g.next(upperBound: 300))
            let bytes = (0..<n).map { _ in Self.alphabet[Int(g.next(upperBound: UInt64(Self.alphabet.count)))] }
            #expect(throws: PabulibErrors.self) {
                try PabulibReader.read(bytes: bytes, source: "fuzz.pb", options: .init(invalidBallots: .keep))
            }
        }
    }
}

/// More seed files for the fuzzer.
enum PBReaderFuzzCorpus {
    static let cumulative = PBText.meta("max_sum_points;5\nmin_points;0", voteType: "cumulative", votes: 3) + "\n" + PBText.projects + """
        VOTES
        voter_id;vote;points;age
        1;A,C;3,2;30
        2;B;5;41
        3;"C";1;"22"

        """

    static let knapsack = PBText.meta("max_sum_cost;100\nmin_length;1", votes: 2) + "\n" + PBText.projects + """
        VOTES
        voter_id;vote
        1;A,C
        2;B,C

        """
}
