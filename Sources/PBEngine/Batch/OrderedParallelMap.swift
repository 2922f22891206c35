import Foundation

/// Runs `work` on indices `0..<count` over `threads` threads and hands each result to
/// `deliver` in index order, as soon as every earlier one is done: the output is the same
/// whatever the thread count and whatever the order the work is taken in.
public enum OrderedParallelMap {
    /// - Parameters:
    ///   - count: Number of items.
    ///   - threads: Threads (at least 1).
    ///   - order: The order in which items are started (a permutation of `0..<count`;
    ///     default index order). `batch` starts the largest files first, so that no large
    ///     file is left alone at the end on one core; results still come out in index order.
    ///   - work: Computes item `i` (called concurrently).
    ///   - deliver: Receives items in order (called under a lock, one at a time).
    /// - Complexity: `count` calls of `work`; results wait in memory until their turn.
    public static func run<T: Sendable>(count: Int, threads: Int, order: [Int]? = nil, work: @Sendable (Int) -> T,
                                        deliver: @Sendable (Int, T) -> Void) {
        let order = order ?? Array(0..<count)
        precondition(order.count == count && Set(order).count == count && order.allSatisfy { (0..<count).contains($0) },
                     "OrderedParallelMap: order must be a permutation of 0..<count")
        let state = OrderedParallelState<T>()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while true {
                state.lock.lock()
                let slot = state.next
                state.next += 1
                state.lock.unlock()
                guard slot < count else { return }
                let i = order[slot]
                let result = work(i)
                state.lock.lock()
                state.done[i] = result
                while let r = state.done.removeValue(forKey: state.delivered) {
                    deliver(state.delivered, r)
                    state.delivered += 1
                }
                state.lock.unlock()
            }
        }
    }
}

/// The shared bookkeeping of ``OrderedParallelMap`` (guarded by its lock).
final class OrderedParallelState<T>: @unchecked Sendable {
    let lock = NSLock()
    /// The next position in the start order to hand out.
    var next = 0
    /// The next index to deliver.
    var delivered = 0
    var done: [Int: T] = [:]
}
