import Foundation

/// A walk over shares cut into stretches `0, 1, 2, ...` that can each be walked on their
/// own, walked on one or two threads with the result of walking them one after the other:
/// the stretches are taken in order, and their results handed to `join` in order until it
/// says that the walk ends; a stretch beyond that end is called off (its `callsOff` turns
/// true) and its result never read. So what `join` sees does not depend on the number of
/// threads. Used by MES add1 (``EqualShares/completeByAdd1(_:budget:variant:threads:stretch:)``)
/// and EES `add-opt` (``ExactEqualShares/count(_:options:common:)``).
enum StretchWalk {
    /// - Parameters:
    ///   - lanes: 1 (one stretch after the other, on the caller's thread) or 2.
    ///   - walk: walks stretch `c` on lane `lane` (called on two threads at once with two
    ///     lanes, each lane one stretch at a time); `callsOff` turns true once the walk is
    ///     known to end before `c`.
    ///   - join: receives each stretch's result in order, and returns whether the walk ends
    ///     there (called one at a time).
    /// - Throws: the error of the first stretch, in order, whose walk threw (the walk ends
    ///   there).
    /// - Complexity: the stretches up to the end, and at most one more per extra lane.
    static func run<Part>(lanes: Int, walk: (_ c: Int, _ lane: Int, _ callsOff: @escaping @Sendable () -> Bool) throws -> Part,
                          join: (Part) -> Bool) throws {
        if lanes <= 1 {
            var c = 0
            while !join(try walk(c, 0, { false })) { c += 1 }
            return
        }
        let state = StretchWalkState<Part>()
        nonisolated(unsafe) let walk = walk
        nonisolated(unsafe) let join = join
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            while let c = state.take() {
                let part = Result { try walk(c, lane, { state.isCalledOff(c) }) }
                state.put(c, part, join: join)
            }
        }
        try state.finish()
    }
}

/// The bookkeeping of ``StretchWalk`` on two lanes (guarded by its lock).
final class StretchWalkState<Part>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var joined = 0
    private var done: [Int: Result<Part, any Error>] = [:]
    /// The stretch where the walk ends, once joined.
    private var endAt: Int?
    /// The error of the stretch where the walk ends, if it failed.
    private var failure: (any Error)?

    /// The next stretch to walk, or `nil` once the walk is known to end before it.
    func take() -> Int? {
        lock.withLock {
            if let endAt, next > endAt { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Whether stretch `c` lies beyond the end of the walk.
    func isCalledOff(_ c: Int) -> Bool {
        lock.withLock { endAt.map { c > $0 } ?? false }
    }

    /// Stretch `c`'s result; hands every result now in order to `join`, until one ends the
    /// walk or is an error.
    func put(_ c: Int, _ part: Result<Part, any Error>, join: (Part) -> Bool) {
        lock.withLock {
            done[c] = part
            while endAt == nil, let part = done.removeValue(forKey: joined) {
                switch part {
                case .success(let part) where !join(part): joined += 1
                case .success: endAt = joined
                case .failure(let error):
                    failure = error
                    endAt = joined
                }
            }
        }
    }

    /// Throws the error that ended the walk, if one did (once both lanes are done).
    func finish() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
