/// What a long MES count is doing, for a person watching a terminal.
public enum EqualSharesProgress {
    /// Receives a short line (`mes round 12`, `mes add1: share 40213 (5660 steps, 2411
    /// runs)`) at most five times a second, from one second after the work began; `nil`
    /// (the default) costs nothing. Set it before a count, from one thread; the command
    /// line does so only when standard error is a terminal. (A task-local value would be
    /// tidier, but binding one outside a task crashes the Swift 6.3 runtime on Linux.)
    nonisolated(unsafe) public static var report: (@Sendable (String) -> Void)?
}

/// Rate-limits ``EqualSharesProgress/report`` for one piece of work.
struct EqualSharesTicker {
    private let report: (@Sendable (String) -> Void)?
    private var next: ContinuousClock.Instant

    /// Reads ``EqualSharesProgress/report``.
    init() {
        report = EqualSharesProgress.report
        next = ContinuousClock.now + .seconds(1)
    }

    /// Hands `text` to the report if one is bound and it is time.
    @inline(__always)
    mutating func tick(_ text: @autoclosure () -> String) {
        guard let report else { return }
        let now = ContinuousClock.now
        if now < next { return }
        next = now + .milliseconds(200)
        report(text())
    }
}
