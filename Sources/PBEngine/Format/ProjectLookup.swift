/// Maps a project id, as bytes from a VOTES row, to the project's index without making a
/// `String`.
///
/// Three tiers, chosen once per election: numeric ids (`1`..`9999`, no leading zeros)
/// index a table directly; ids of at most 16 bytes are packed into two words and looked up
/// in a standard `Dictionary`; longer ids fall back to a `Dictionary<String, UInt16>`.
struct ProjectLookup: Sendable {
    private struct Packed: Hashable {
        var a: UInt64
        var b: UInt64
    }

    private enum Storage {
        case numeric([Int32])
        case packed([Packed: UInt16])
        case strings([String: UInt16])
    }

    private let storage: Storage

    /// For numeric ids: the project index of each id value (`-1`: no such project).
    /// Hot loops read it through a buffer pointer instead of calling ``index(_:_:_:)``,
    /// which would retain and release the table on every call.
    let numericTable: [Int32]?

    /// Largest id that the numeric table serves.
    private static let numericLimit = 1 << 20

    init(ids: [String]) {
        if let values = ids.map(ProjectLookup.numericValue).reduce(Optional([Int]()), { acc, v in
            guard var acc, let v else { return nil }
            acc.append(v)
            return acc
        }), let top = values.max(), top < ProjectLookup.numericLimit {
            var table = [Int32](repeating: -1, count: top + 1)
            for (i, v) in values.enumerated() { table[v] = Int32(i) }
            storage = .numeric(table)
            numericTable = table
            return
        } else if ids.allSatisfy({ $0.utf8.count <= 16 }) {
            var map = [Packed: UInt16]()
            for (i, id) in ids.enumerated() {
                let bytes = Array(id.utf8)
                map[bytes.withUnsafeBufferPointer { ProjectLookup.pack($0, 0, $0.count) }] = UInt16(i)
            }
            storage = .packed(map)
        } else {
            var map = [String: UInt16]()
            for (i, id) in ids.enumerated() { map[id] = UInt16(i) }
            storage = .strings(map)
        }
        numericTable = nil
    }

    /// The project index of a numeric id in `bytes[start..<end]` looked up in `table`
    /// (``numericTable``), or `nil` if unknown: the same answer as ``index(_:_:_:)``.
    @inline(__always)
    static func numericIndex(_ table: UnsafeBufferPointer<Int32>, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt16? {
        let count = end - start
        guard count >= 1 && count <= 7 else { return nil }
        if count > 1 && bytes[start] == 48 { return nil }
        var v = 0
        for i in start..<end {
            let d = Int(bytes[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v &* 10 &+ d
        }
        guard v < table.count, table[v] >= 0 else { return nil }
        return UInt16(truncatingIfNeeded: table[v])
    }

    /// A decimal id without leading zeros or sign, as an integer.
    private static func numericValue(_ id: String) -> Int? {
        guard !id.isEmpty, id.utf8.count <= 7, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              id == "0" || id.utf8.first != 48 else { return nil }
        return Int(id)
    }

    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Packed {
        var a: UInt64 = 0
        var b: UInt64 = 0
        var k = 0
        for i in start..<end {
            if k < 8 { a |= UInt64(bytes[i]) << (8 * UInt64(k)) } else { b |= UInt64(bytes[i]) << (8 * UInt64(k - 8)) }
            k += 1
        }
        // Ids of different lengths differ in a zero byte: ids containing NUL are never
        // looked up (``index(_:_:_:)`` refuses them).
        return Packed(a: a, b: b)
    }

    /// The project index of the id in `bytes[start..<end]`, or `nil` if unknown.
    @inline(__always)
    func index(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt16? {
        switch storage {
        case let .numeric(table):
            let count = end - start
            guard count >= 1 && count <= 7 else { return nil }
            if count > 1 && bytes[start] == 48 { return nil }
            var v = 0
            for i in start..<end {
                let d = Int(bytes[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            guard v < table.count, table[v] >= 0 else { return nil }
            return UInt16(table[v])
        case let .packed(map):
            guard end - start <= 16 else { return nil }
            for i in start..<end where bytes[i] == 0 { return nil }  // NUL would alias a shorter id
            return map[ProjectLookup.pack(bytes, start, end)]
        case let .strings(map):
            return map[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)]
        }
    }
}
