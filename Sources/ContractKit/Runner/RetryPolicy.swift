import Foundation
import HTTPServer

/// When and how long to wait before sending a request again, as the Linq SDKs do.
///
/// Retries connection failures and timeouts, 408, 409, 429 and 5xx; never another 4xx.
/// `x-should-retry: true|false` overrides the status rule. The wait is the server's
/// `retry-after-ms`, else `Retry-After` (seconds or an HTTP date), when it lies in
/// (0, ``maxServerDelay``]; otherwise `initialDelay × 2^retry`, capped at ``maxDelay``,
/// minus up to 25 % jitter. Pure: randomness and the current date are passed in.
public struct RetryPolicy: Sendable, Hashable {
    /// What to do after an attempt.
    public enum Decision: Sendable, Hashable {
        case stop
        /// Wait `delay`, then send again; `reason` goes into the attempt timeline.
        case retry(after: Duration, reason: String)
    }

    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    /// Server-requested waits longer than this are ignored in favour of back-off (the Python SDK's rule;
    /// the Go and Node SDKs wait however long they are told, which could stall a run for hours).
    public var maxServerDelay: Duration

    public init(
        maxRetries: Int = 2,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        maxServerDelay: Duration = .seconds(60)
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay
    }

    /// Sends each request exactly once.
    public static let never = RetryPolicy(maxRetries: 0)

    /// The decision after an attempt that ended in `outcome`, when `retriesSoFar` retries were made.
    /// - Parameters:
    ///   - jitter: a random number in `0..<1`; 0 means no jitter.
    ///   - now: the current date, to interpret an HTTP-date `Retry-After`.
    public func decision(
        after outcome: Result<TransportResponse, TransportError>,
        retriesSoFar: Int,
        jitter: Double,
        now: Date
    ) -> Decision {
        guard retriesSoFar < maxRetries else { return .stop }
        switch outcome {
        case .failure(let error):
            guard error.isRetryable else { return .stop }
            return .retry(after: backoff(retriesSoFar, jitter: jitter), reason: "transport: \(error.caseName)")
        case .success(let response):
            let override = response.headers["x-should-retry"]?.lowercased()
            let statusReason = "status \(response.status)"
            switch override {
            case "true": break
            case "false": return .stop
            default: guard Self.isRetryable(status: response.status) else { return .stop }
            }
            if let (delay, header) = serverDelay(response.headers, now: now) {
                return .retry(after: delay, reason: "\(statusReason), \(header)")
            }
            return .retry(after: backoff(retriesSoFar, jitter: jitter), reason: statusReason)
        }
    }

    /// 408, 409, 429 and every 5xx.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || status >= 500
    }

    func backoff(_ retry: Int, jitter: Double) -> Duration {
        let exponential = initialDelay * Int(1 << min(retry, 30))
        let capped = min(exponential, maxDelay)
        return capped * (1 - 0.25 * min(max(jitter, 0), 1))
    }

    /// The wait the server asked for, with the header that asked, when it is usable.
    func serverDelay(_ headers: HTTPHeaders, now: Date) -> (Duration, String)? {
        if let text = headers["retry-after-ms"], let ms = Double(text.trimmingCharacters(in: .whitespaces)),
            let delay = usable(ms / 1000)
        {
            return (delay, "retry-after-ms: \(text)")
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        let seconds = Double(text) ?? Self.httpDate(text).map { $0.timeIntervalSince(now) }
        guard let seconds, let delay = usable(seconds) else { return nil }
        return (delay, "retry-after: \(text)")
    }

    private func usable(_ seconds: Double) -> Duration? {
        guard seconds.isFinite, seconds > 0 else { return nil }
        let delay = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        return delay <= maxServerDelay ? delay : nil
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form RFC 9110 requires senders to use.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
