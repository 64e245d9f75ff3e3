/// The retry behaviour a target promises for failed deliveries, and the tolerance used to judge it.
///
/// Read from the spec's `x-webhook-delivery` (v3); v2 documents none, so it gets the same defaults,
/// which are the current v3 docs: up to 10 retries over about 25 minutes, exponential backoff,
/// 5xx, 429, timeouts and network errors retried, other 4xx not.
public struct DeliveryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; more attempts than `maxRetries + 1` is a finding.
    public var maxRetries: Int
    /// The real-time span the retries are said to cover; reported, not judged (the schedule is unpublished).
    public var retryWindowSeconds: Double?
    /// How long the sender waits for an answer; a scripted delay at least this long counts as a timeout.
    public var responseTimeoutSeconds: Double
    /// Signed timestamps may lie this far from the arrival time.
    public var timestampToleranceSeconds: Int
    /// The smallest fitted per-step growth factor of the retry gaps
    /// (``DeliveryTimeline/Series/backoffFactor``) that counts as backoff.
    ///
    /// 1.4 leaves room for jitter and for the request latency added to every gap under a small time
    /// scale, while a constant interval (factor ≈ 1), even one stretched by latency that grows with
    /// the machine's load, still fails; exponential schedules usually double (the sandbox's 1.5 s × 2ⁿ
    /// fits "10 retries over about 25 minutes"). It is not in the spec: the docs say only "exponential".
    public var minimumGrowthFactor: Double

    public init(
        maxRetries: Int = 10,
        retryWindowSeconds: Double? = 1500,
        responseTimeoutSeconds: Double = 10,
        timestampToleranceSeconds: Int = 300,
        minimumGrowthFactor: Double = 1.4
    ) {
        self.maxRetries = maxRetries
        self.retryWindowSeconds = retryWindowSeconds
        self.responseTimeoutSeconds = responseTimeoutSeconds
        self.timestampToleranceSeconds = timestampToleranceSeconds
        self.minimumGrowthFactor = minimumGrowthFactor
    }

    /// The documented v3 policy.
    public static let documented = DeliveryPolicy()

    /// The policy in `document`'s `x-webhook-delivery`, each missing field taken from ``documented``.
    public init(document: JSONValue) {
        self = .documented
        guard let policy = document["x-webhook-delivery"] else { return }
        if let value = policy["maxRetries"]?.numberValue?.int64Value { maxRetries = Int(value) }
        if let value = policy["retryWindowSeconds"]?.numberValue?.doubleValue { retryWindowSeconds = value }
        if let value = policy["responseTimeoutSeconds"]?.numberValue?.doubleValue { responseTimeoutSeconds = value }
        if let value = policy["timestampToleranceSeconds"]?.numberValue?.int64Value {
            timestampToleranceSeconds = Int(value)
        }
    }

    /// Whether a sender must retry after the receiver answered `answer`.
    public func requiresRetry(after answer: WebhookReceiver.Answer) -> Bool {
        switch answer {
        case .drop: true
        case .status(let status): status == 429 || status >= 500
        case .delayed(let delay, let then):
            Double(delay.components.seconds) >= responseTimeoutSeconds || requiresRetry(after: then)
        }
    }

    /// Whether a sender must not retry after `answer`: a 2xx, or a 4xx other than 429.
    public func forbidsRetry(after answer: WebhookReceiver.Answer) -> Bool {
        guard !requiresRetry(after: answer), let status = answer.status else { return false }
        return (200..<300).contains(status) || ((400..<500).contains(status) && status != 429)
    }
}
