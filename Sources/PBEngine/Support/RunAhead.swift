import Dispatch
import Foundation
import Synchronization

/// Thrown by work run ahead (a completion's run) that stopped because it was called off
/// (``RunAhead/Token``); it has no result.
struct CalledOff: Error {
    /// What a piece of work run ahead returns: `body`'s value or error, `nil` when it stopped
    /// because it was called off (``RunAhead/start(_:_:)`` drops it).
    static func outcome<T>(_ body: () throws -> T) -> Result<T, any Error>? {
        do {
            return .success(try body())
        } catch is CalledOff {
            return nil
        } catch {
            return .failure(error)
        }
    }
}

/// One piece of work at a time run ahead on a second thread, for loops whose next step is
/// often, but not always, a computation they can name in advance (the completions' runs):
/// the loop names it with ``start(_:_:)`` and goes on with its own work; if it turns out to
/// need it, ``take(_:)`` hands it over, waiting for it if it is still running. The loop
/// never waits for work it did not ask for, so a wrong guess costs only the otherwise idle
/// core, and the loop's decisions (and so its output) do not depend on whether the work ran
/// ahead or not: a key's work must give the same result wherever it runs.
///
/// A guess the loop no longer wants can be called off (``cancel(keeping:)``): its work sees
/// its ``Token`` cancelled, stops early, and whatever it returns is dropped, never handed
/// out; the next guess starts as soon as it has stopped.
///
/// `@unchecked Sendable`: the fields are read and written under ``lock``; the work itself
/// runs on the background queue with what its closure captured.
final class RunAhead<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// Tells a piece of work run ahead whether it was called off.
    final class Token: Sendable {
        private let flag = Atomic<Bool>(false)
        var isCancelled: Bool { flag.load(ordering: .relaxed) }
        fileprivate func cancel() { flag.store(true, ordering: .relaxed) }
    }

    private let lock = NSLock()
    /// The work that counts: started and not called off (it may still wait behind work
    /// called off, on the serial queue).
    private var live: (key: Key, token: Token)?
    private var finished: [Key: Value] = [:]
    private let done = DispatchGroup()
    private let queue = DispatchQueue(label: "pbcount.run-ahead")

    init() {}

    deinit { done.wait() }

    /// Starts `work` for `key` on the second thread if no other work counts there and `key`
    /// is not known yet; otherwise does nothing. Never waits. `work` returns `nil` when it
    /// stopped because its token was cancelled.
    func start(_ key: Key, _ work: @escaping @Sendable (Token) -> Value?) {
        let token = Token()
        let idle = lock.withLock { () -> Bool in
            guard live == nil, finished[key] == nil else { return false }
            live = (key, token)
            return true
        }
        guard idle else { return }
        done.enter()
        queue.async { [self] in
            let value = token.isCancelled ? nil : work(token)
            lock.withLock {
                if !token.isCancelled, let value { finished[key] = value }
                if live?.token === token { live = nil }
            }
            done.leave()
        }
    }

    /// Calls off the work that counts unless its key is one of `keys`: it stops early and its
    /// result is dropped, and the second thread is free for the next ``start(_:_:)``.
    func cancel(keeping keys: [Key]) {
        lock.withLock {
            if let running = live, !keys.contains(running.key) {
                running.token.cancel()
                live = nil
            }
        }
    }

    /// The result of the work started for `key`, waiting for it if it still runs; `nil` if
    /// none was started (or it was taken already, or called off).
    func take(_ key: Key) -> Value? {
        let state = lock.withLock { () -> (value: Value?, running: Bool) in
            (finished.removeValue(forKey: key), live?.key == key)
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
