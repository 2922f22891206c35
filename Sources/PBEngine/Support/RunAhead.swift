import Dispatch
import Foundation

/// One piece of work at a time run ahead on a second thread, for loops whose next step is
/// often, but not always, a computation they can name in advance (the completions' runs):
/// the loop names it with ``start(_:_:)`` and goes on with its own work; if it turns out to
/// need it, ``take(_:)`` hands it over, waiting for it if it is still running. The loop
/// never waits for work it did not ask for, so a wrong guess costs only the otherwise idle
/// core, and the loop's decisions (and so its output) do not depend on whether the work ran
/// ahead or not: a key's work must give the same result wherever it runs.
///
/// `@unchecked Sendable`: the fields are read and written under ``lock``; the work itself
/// runs on the background queue with what its closure captured.
final class RunAhead<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var running: Key?
    private var finished: [Key: Value] = [:]
    private let done = DispatchGroup()
    private let queue = DispatchQueue(label: "pbcount.run-ahead")

    init() {}

    deinit { done.wait() }

    /// Starts `work` for `key` on the second thread if nothing runs there and `key` is not
    /// known yet; otherwise does nothing. Never waits.
    func start(_ key: Key, _ work: @escaping @Sendable () -> Value) {
        let idle = lock.withLock { () -> Bool in
            guard running == nil, finished[key] == nil else { return false }
            running = key
            return true
        }
        guard idle else { return }
        done.enter()
        queue.async { [self] in
            let value = work()
            lock.withLock {
                finished[key] = value
                running = nil
            }
            done.leave()
        }
    }

    /// The result of the work started for `key`, waiting for it if it still runs; `nil` if
    /// none was started (or it was taken already).
    func take(_ key: Key) -> Value? {
        let state = lock.withLock { () -> (value: Value?, running: Bool) in
            (finished.removeValue(forKey: key), running == key)
        }
        if let value = state.value { return value }
        guard state.running else { return nil }
        done.wait()
        return lock.withLock { finished.removeValue(forKey: key) }
    }

    /// Every finished result not taken yet, removed.
    func takeFinished() -> [Key: Value] {
        lock.withLock {
            defer { finished = [:] }
            return finished
        }
    }

    /// Waits until nothing runs.
    func finish() { done.wait() }
}
