import Foundation

/// One try at sending a step's request; a step has one per retry plus the first.
public struct Attempt: Sendable, Hashable {
    /// What came back.
    public enum Outcome: Sendable, Hashable {
        case response(status: Int)
        case transportError(TransportError)
    }

    /// Wall-clock time the attempt began.
    public var startedAt: Date
    public var duration: Duration
    public var outcome: Outcome
    /// How long the runner waited before the next attempt; `nil` for the last attempt.
    public var waitBeforeNext: Duration?
    /// Why the runner retried (`"status 503"`, `"retry-after-ms: 200"`), `nil` when it did not.
    public var retryReason: String?

    public init(
        startedAt: Date,
        duration: Duration,
        outcome: Outcome,
        waitBeforeNext: Duration? = nil,
        retryReason: String? = nil
    ) {
        self.startedAt = startedAt
        self.duration = duration
        self.outcome = outcome
        self.waitBeforeNext = waitBeforeNext
        self.retryReason = retryReason
    }
}
