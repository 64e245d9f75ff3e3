/// A contract rule: what a ``Finding`` says was broken.
///
/// The identifiers are stable; reports, allow-lists and the sandbox's fault
/// catalogue refer to them by ``rawValue``.
public struct Rule: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Rule {
    /// The status is not one the step expects.
    public static let responseStatus = Rule(rawValue: "response.status")
    /// The status is not declared for the operation in the captured spec.
    public static let undocumentedStatus = Rule(rawValue: "response.undocumented-status")
    /// The body does not match the operation's response schema for that status.
    public static let responseSchema = Rule(rawValue: "response.schema")
    /// A JSON body was expected and the body is not JSON (or not UTF-8).
    public static let responseJSON = Rule(rawValue: "response.json")
    /// `Content-Type` is not `application/json` for a JSON body.
    public static let contentType = Rule(rawValue: "response.content-type")
    /// A v3 response without `X-Trace-ID`.
    public static let traceID = Rule(rawValue: "response.trace-id")
    /// A value of an enum-typed field outside the documented set (enum drift).
    public static let enumValue = Rule(rawValue: "enum.value")
    /// A non-2xx body that is not the version's error envelope.
    public static let errorEnvelope = Rule(rawValue: "error.envelope")
    /// v3 `error.status` differs from the HTTP status.
    public static let errorStatus = Rule(rawValue: "error.status")
    /// The error code is unknown, belongs to another HTTP status, or is not the one the case calls for.
    public static let errorCode = Rule(rawValue: "error.code")
    /// A 429 without `Retry-After` or without `error.retry_after`.
    public static let retryAfter = Rule(rawValue: "error.retry-after")
    /// A value assertion of a scenario step failed.
    public static let assertion = Rule(rawValue: "scenario.assertion")
    /// A signing secret was returned where it must not be (anywhere but the v3 create response).
    public static let secretOnce = Rule(rawValue: "secret.once")
    /// The target could not be reached or the exchange broke off (timeout, reset, TLS).
    public static let transport = Rule(rawValue: "transport")
    /// A webhook delivery lacks a promised signature header or its signature does not verify.
    public static let webhookSignature = Rule(rawValue: "webhook.signature")
    /// A webhook timestamp outside the tolerance.
    public static let webhookTimestamp = Rule(rawValue: "webhook.timestamp")
    /// A `webhook-id` seen before on a different event.
    public static let webhookReplay = Rule(rawValue: "webhook.replay")
    /// A delivered body does not match its event's schema or envelope.
    public static let webhookEnvelope = Rule(rawValue: "webhook.envelope")
    /// An event delivered that the subscription's event types or phone filter exclude, or one missing.
    public static let webhookFilter = Rule(rawValue: "webhook.filter")
    /// Retried when it must not be (4xx), or not retried when it must be (5xx, 429, network error).
    public static let webhookRetry = Rule(rawValue: "webhook.retry")
    /// Retry intervals that do not grow.
    public static let webhookBackoff = Rule(rawValue: "webhook.backoff")
    /// The `event_id` changed between attempts of one delivery.
    public static let webhookEventID = Rule(rawValue: "webhook.event-id")
    /// v3 behaves differently from v2 where the mapping says it should not.
    public static let parity = Rule(rawValue: "diff.parity")

    /// Every rule the suite knows, in a stable order.
    public static let all: [Rule] = [
        .responseStatus, .undocumentedStatus, .responseSchema, .responseJSON, .contentType, .traceID,
        .enumValue, .errorEnvelope, .errorStatus, .errorCode, .retryAfter, .assertion, .secretOnce,
        .transport, .webhookSignature, .webhookTimestamp, .webhookReplay, .webhookEnvelope,
        .webhookFilter, .webhookRetry, .webhookBackoff, .webhookEventID, .parity,
    ]
}
