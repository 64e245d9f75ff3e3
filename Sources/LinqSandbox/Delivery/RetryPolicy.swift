/// How a failed webhook delivery is retried: the documented v3 policy, also used for v2
/// (whose docs state none).
///
/// 5xx, 429 and network errors are retried up to ``maxRetries`` times with exponential
/// backoff, 1.5 s × 2ⁿ — 1.5 s, 3 s, … 768 s, about 25.6 minutes in all, matching
/// "up to 10 times over ~25 minutes". Other statuses are final. Delays are real-time
/// seconds; the dispatcher multiplies them by the configured time scale.
struct RetryPolicy: Sendable, Hashable {
    var maxRetries = 10
    var initialDelay = 1.5
    var multiplier = 2.0

    static let documented = RetryPolicy()

    /// Whether an attempt that ended in `outcome` is followed by another.
    func shouldRetry(after outcome: DeliveryOutcome, faults: Set<SandboxFault>) -> Bool {
        switch outcome {
        case .networkError: return !faults.contains(.noRetryOnNetworkError)
        case .status(let status) where (200..<300).contains(status): return false
        case .status(429): return true
        case .status(let status) where status >= 500: return !faults.contains(.noRetryOn5xx)
        case .status(let status) where (400..<500).contains(status): return faults.contains(.retryOn4xx)
        case .status: return false
        }
    }

    /// Real-time seconds from the first attempt to attempt `attempt` (1-based) when every earlier one failed.
    func arrival(ofAttempt attempt: Int) -> Double {
        (1..<max(attempt, 1)).reduce(0) { $0 + delay(beforeRetry: $1, faults: []) }
    }

    /// Seconds to wait before retry number `retry` (1 for the first retry).
    func delay(beforeRetry retry: Int, faults: Set<SandboxFault>) -> Double {
        guard !faults.contains(.retryWithoutBackoff) else { return initialDelay }
        var delay = initialDelay
        for _ in 1..<max(retry, 1) { delay *= multiplier }
        return delay
    }
}

/// How one delivery attempt ended.
enum DeliveryOutcome: Sendable, Hashable {
    /// The receiver answered with this status.
    case status(Int)
    /// No answer: refused, reset, timed out (10 s), or the URL could not be reached.
    case networkError(String)
}
