import CNettle

/// The SHA-256 (FIPS 180-4) of a byte stream, computed as the bytes arrive.
///
/// The `.pb` reader feeds each chunk as it streams the file, and results record the
/// digest in lowercase hex. The work is Nettle's (`Sources/CNettle`); its state is a
/// plain C struct, so this is an ordinary value type: a copy carries on from the same
/// point independently, and ``finalize()`` leaves the value as it was.
package struct SHA256Digest: Sendable {
    /// Nettle's running state.
    private var state = sha256_ctx()

    /// A hash of the empty message, ready for the first `update`.
    package init() {
        pb_sha256_init(&state)
    }

    /// Appends `bytes` to the message.
    ///
    /// - Complexity: O(`bytes.count`).
    package mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        pb_sha256_update(&state, bytes.count, base)
    }

    /// Appends `bytes` to the message.
    ///
    /// - Complexity: O(`bytes.count`).
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// The 32-byte digest of the message so far.
    package func finalize() -> [UInt8] {
        var finishing = state  // Nettle resets the state it finishes; keep ours.
        var digest = [UInt8](repeating: 0, count: pb_sha256_digest_size)
        pb_sha256_digest(&finishing, &digest)
        return digest
    }

    /// The digest of the message so far in lowercase hex (64 characters).
    package func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(2 * pb_sha256_digest_size)
        for byte in finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The lowercase hex digest of `bytes`.
    ///
    /// - Complexity: O(`bytes.count`).
    package static func hex(_ bytes: [UInt8]) -> String {
        var digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest()
    }
}
