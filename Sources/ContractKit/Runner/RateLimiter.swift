import Synchronization

/// Spaces requests at least `1/rate` seconds apart across the whole run (`--rate N/s`).
///
/// Each caller reserves the next free slot under a lock and then waits for it, so concurrent
/// scenarios never exceed the rate together and waiting callers do not hold the lock. With
/// strict spacing, any one-second window holds at most `rate` request starts.
public final class RateLimiter: Sendable {
    /// Requests per second.
    public let rate: Double
    private let interval: Duration
    private let clock: any RunnerClock
    private let nextSlot: Mutex<Duration?> = Mutex(nil)

    /// - Parameter rate: requests per second; must be positive (``RunConfiguration`` validates it).
    public init(rate: Double, clock: any RunnerClock) {
        precondition(rate > 0 && rate.isFinite, "rate must be positive")
        self.rate = rate
        self.interval = .nanoseconds(Int64((1e9 / rate).rounded(.up)))
        self.clock = clock
    }

    /// Waits until the caller may send; returns the uptime of the slot it was given.
    @discardableResult
    public func acquire() async throws -> Duration {
        let now = clock.uptime
        let slot = nextSlot.withLock { next -> Duration in
            let slot = max(now, next ?? now)
            next = slot + interval
            return slot
        }
        if slot > now { try await clock.sleep(for: slot - now) }
        return slot
    }
}
