import Foundation
import Synchronization

/// Time as the runner sees it: monotonic readings for durations and waits, wall time for reports.
///
/// Injected so that retry back-off, rate limits and timelines are tested instantly and exactly.
public protocol RunnerClock: Sendable {
    /// Monotonic time since the clock's origin.
    var uptime: Duration { get }
    /// Wall-clock time, for timestamps in reports.
    var date: Date { get }
    /// Waits; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `ContinuousClock` for readings and waits, `Date()` for wall time.
public struct SystemClock: RunnerClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var uptime: Duration { ContinuousClock.now - origin }
    public var date: Date { Date() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// A clock for tests: `sleep` returns at once and moves the clock forward by the duration asked for.
///
/// Every sleep is recorded, so a test can assert the exact back-off or rate-limit waits.
public final class VirtualClock: RunnerClock {
    private struct State {
        var uptime: Duration = .zero
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())
    private let epoch: Date

    public init(epoch: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.epoch = epoch
    }

    public var uptime: Duration { state.withLock { $0.uptime } }

    public var date: Date {
        let uptime = self.uptime
        return epoch.addingTimeInterval(
            Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        )
    }

    /// Every duration passed to ``sleep(for:)``, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(duration)
            $0.uptime += max(duration, .zero)
        }
    }

    /// Moves the clock forward without a sleep, as if work took that long.
    public func advance(by duration: Duration) {
        state.withLock { $0.uptime += duration }
    }
}
