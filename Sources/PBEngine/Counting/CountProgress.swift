/// Where a long count says what it is doing (a round, an add1 share), for a person
/// watching a terminal. Never part of a result: every progress compares equal.
public struct CountProgress: Sendable, Hashable {
    /// Receives a short line; `nil` (the default) costs nothing.
    public var report: (@Sendable (String) -> Void)?

    public init(report: (@Sendable (String) -> Void)? = nil) {
        self.report = report
    }

    public static func == (a: CountProgress, b: CountProgress) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// Rate-limits a ``CountProgress`` for one piece of work: at most five lines a second,
/// from one second after the work began.
struct ProgressTicker {
    private let report: (@Sendable (String) -> Void)?
    private var next: ContinuousClock.Instant

    init(_ progress: CountProgress) {
        report = progress.report
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

/// A ``ProgressTicker`` shared by pieces of work that one thread does one after the other
/// (the stretches of an add1 or `add-opt` walk that one lane walks): the first line comes
/// one second after the first piece began, not after each piece began.
final class SharedProgressTicker {
    private var ticker: ProgressTicker

    init(_ progress: CountProgress) {
        ticker = ProgressTicker(progress)
    }

    @inline(__always)
    func tick(_ text: @autoclosure () -> String) {
        ticker.tick(text())
    }
}
