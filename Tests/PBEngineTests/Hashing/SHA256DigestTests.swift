import PBEngine
import Testing

/// SHA-256 through Nettle: the published test vectors, and streaming equal to one shot.
@Suite("SHA-256")
struct SHA256DigestTests {
    /// FIPS 180-2, appendix B (and the empty message, whose digest every implementation
    /// lists): message, digest in lowercase hex.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test("the FIPS 180-2 vectors, one shot and through ResultVerification", arguments: 0..<3)
    func vector(index: Int) {
        let (message, digest) = Self.vectors[index]
        #expect(SHA256Digest.hex(Array(message.utf8)) == digest)
        #expect(ResultVerification.sha256(Array(message.utf8)) == digest)
    }

    @Test("one million 'a' (FIPS 180-2 B.3), one shot and 1000 updates of 1000")
    func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256Digest.hex(bytes) == expected)
        var streamed = SHA256Digest()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        for _ in 0..<1_000 { streamed.update(thousand) }
        #expect(streamed.hexDigest() == expected)
    }

    @Test("the digest is 32 bytes, and finishing leaves the hash to go on")
    func finalizeKeepsState() {
        var digest = SHA256Digest()
        digest.update(Array("ab".utf8))
        #expect(digest.finalize().count == 32)
        #expect(digest.hexDigest() == digest.hexDigest())
        digest.update(Array("c".utf8))
        #expect(digest.hexDigest() == Self.vectors[1].digest)
        let copy = digest
        digest.update(Array("d".utf8))
        #expect(copy.hexDigest() == Self.vectors[1].digest)
        #expect(digest.hexDigest() == SHA256Digest.hex(Array("abcd".utf8)))
    }

    @Test("streaming in irregular chunks equals one shot", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func irregularChunks(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Lengths around the 64-byte block and the 55/56-byte padding edge.
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1_000, 70_001] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var streamed = SHA256Digest()
            var position = 0
            bytes.withUnsafeBufferPointer { all in
                while position < length {
                    let step = Int(random.next(upperBound: 130))  // 0 too: empty updates are fine
                    let end = min(length, position + step)
                    streamed.update(UnsafeBufferPointer(rebasing: all[position..<end]))
                    position = end
                }
            }
            #expect(streamed.hexDigest() == SHA256Digest.hex(bytes), "length \(length), seed \(seed)")
        }
    }

    @Test("the reader's hash, streamed in chunks and beside parallel VOTES, equals one shot", arguments: [1, 3])
    func readerHash(threads: Int) throws {
        var text = PBText.meta(votes: 30_000) + PBText.projects + "VOTES\nvoter_id;vote\n"
        for voter in 0..<30_000 { text += "v\(voter);\(["A", "B", "C", "A,C", "B,C"][voter % 5])\n" }
        let bytes = Array(text.utf8)
        #expect(bytes.count > 3 << 16)  // several chunks of the smallest size
        let options = PabulibReader.Options(threads: threads, chunkSize: 1 << 16, minimumPartBytes: 1)
        let election = try PabulibReader.read(bytes: bytes, options: options)
        #expect(election.sha256 == ResultVerification.sha256(bytes))
    }
}
