import Foundation
import PBEngine
import Testing

/// `OrderedParallelMap` delivers in index order whatever the start order and thread count.
@Suite("Ordered parallel map")
struct OrderedParallelMapTests {
    final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var delivered: [Int] = []
        var started: [Int] = []
    }

    @Test("delivery in index order with any start order", arguments: [1, 2, 4])
    func order(threads: Int) {
        var rng = SplitMix64(seed: UInt64(threads))
        let count = 200
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next(upperBound: UInt64(i + 1)))) }
        let out = Collected()
        OrderedParallelMap.run(count: count, threads: threads, order: order, work: { i in
            out.lock.lock(); out.started.append(i); out.lock.unlock()
            return i * i
        }, deliver: { i, square in
            #expect(square == i * i)
            out.delivered.append(i)
        })
        #expect(out.delivered == Array(0..<count))
        if threads == 1 { #expect(out.started == order) }
    }
}
