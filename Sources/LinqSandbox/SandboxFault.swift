import ContractKit
import Foundation

/// A realistic contract violation the sandbox can act out on request.
///
/// This enum is the one catalogue of faults: each case names what it breaks
/// (``summary``) and the ``Rule`` a conformance run must report when the fault
/// is active (``rule``). A fault changes exactly what its summary says and
/// nothing else, so a run against a faulted sandbox proves that the check for
/// that rule works.
///
/// Faults are selected for the whole server (``SandboxConfiguration/faults``)
/// or per request with the header `X-Sandbox-Fault: name[,name]`. Deliveries use
/// the faults active on the `POST /_sandbox/events` request that triggered them.
/// Unprefixed API faults affect the v3 API; `v2-` faults affect the v2 API;
/// delivery faults affect deliveries of both versions unless the summary says otherwise.
public enum SandboxFault: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    // v3 response bodies
    case missingRequiredField = "missing-required-field"
    case wrongFieldType = "wrong-field-type"
    case undocumentedEventType = "undocumented-event-type"
    case secretOnGet = "secret-on-get"
    // v3 errors and headers
    case errorWithoutEnvelope = "error-without-envelope"
    case errorStatusMismatch = "error-status-mismatch"
    case wrongNotFoundCode = "wrong-not-found-code"
    case rateLimitWithoutRetryAfter = "rate-limit-without-retry-after"
    case nonJSONSuccessBody = "non-json-success-body"
    case wrongContentType = "wrong-content-type"
    case missingTraceID = "missing-trace-id"
    // v3 behaviour
    case targetURLNotUnique = "target-url-not-unique"
    case httpTargetURLAccepted = "http-target-url-accepted"
    case putIgnoresIsActive = "put-ignores-is-active"
    // deliveries
    case badSignature = "bad-signature"
    case staleTimestamp = "stale-timestamp"
    case signatureOverReserializedBody = "signature-over-reserialized-body"
    case noRetryOn5xx = "no-retry-on-5xx"
    case noRetryOnNetworkError = "no-retry-on-network-error"
    case retryOn4xx = "retry-on-4xx"
    case retryWithoutBackoff = "retry-without-backoff"
    case newEventIDPerRetry = "new-event-id-per-retry"
    case phoneFilterIgnored = "phone-filter-ignored"
    // v2
    case v2PlainTextErrors = "v2-plain-text-errors"
    case v2SecretReturned = "v2-secret-returned"
    case v2UnsignedDelivery = "v2-unsigned-delivery"

    /// The kebab-case name used by the configuration, the header and the command line.
    public var name: String { rawValue }

    public var description: String { rawValue }

    /// What the fault breaks, in one line.
    public var summary: String {
        switch self {
        case .missingRequiredField:
            "v3 subscription objects omit the required `created_at`"
        case .wrongFieldType:
            "v3 subscription objects carry `is_active` as the string \"true\"/\"false\" instead of a boolean"
        case .undocumentedEventType:
            "v3 subscription objects list the undocumented event type `message.bounced` in `subscribed_events`"
        case .secretOnGet:
            "v3 GET of a subscription (one or the list) returns its `signing_secret` again"
        case .errorWithoutEnvelope:
            "v3 errors answer a `text/plain` message instead of the JSON error envelope (status unchanged)"
        case .errorStatusMismatch:
            "v3 envelope `error.status` differs from the HTTP status"
        case .wrongNotFoundCode:
            "v3 unknown subscription id answers code 2001 (chat not found) instead of 2010"
        case .rateLimitWithoutRetryAfter:
            "v3 429 responses lack the `Retry-After` header (`error.retry_after` stays)"
        case .nonJSONSuccessBody:
            "v3 2xx responses with a body send `OK` instead of JSON (Content-Type unchanged)"
        case .wrongContentType:
            "v3 JSON responses are labelled `Content-Type: text/plain` (body unchanged)"
        case .missingTraceID:
            "v3 responses lack the `X-Trace-ID` header (body `trace_id` stays)"
        case .targetURLNotUnique:
            "v3 create and update accept a `target_url` another subscription already uses"
        case .httpTargetURLAccepted:
            "v3 create and update accept a plain-HTTP, non-loopback `target_url`"
        case .putIgnoresIsActive:
            "v3 PUT answers 200 but leaves `is_active` unchanged"
        case .badSignature:
            "deliveries are signed with a key other than the subscription's secret (every scheme)"
        case .staleTimestamp:
            "v3 deliveries carry timestamps ten minutes old, correctly signed"
        case .signatureOverReserializedBody:
            "deliveries are signed over a pretty-printed re-serialisation, not the bytes sent"
        case .noRetryOn5xx:
            "deliveries answered 5xx are not retried"
        case .noRetryOnNetworkError:
            "deliveries that get no answer (connection refused, dropped or timed out) are not retried"
        case .retryOn4xx:
            "deliveries answered 4xx (other than 429) are retried like 5xx"
        case .retryWithoutBackoff:
            "delivery retries come at a constant interval instead of growing ones"
        case .newEventIDPerRetry:
            "every delivery attempt carries a new `event_id` (and `webhook-id`)"
        case .phoneFilterIgnored:
            "deliveries ignore the subscription's `phone_numbers` filter"
        case .v2PlainTextErrors:
            "v2 errors answer a `text/plain` message instead of the StandardError JSON (status unchanged)"
        case .v2SecretReturned:
            "v2 subscription objects return the client's `secret`"
        case .v2UnsignedDelivery:
            "v2 deliveries to a subscription with a secret lack `X-Webhook-Signature`"
        }
    }

    /// The rule a conformance run must report while this fault is active.
    public var rule: Rule {
        switch self {
        case .missingRequiredField, .wrongFieldType: .responseSchema
        case .undocumentedEventType: .enumValue
        case .secretOnGet, .v2SecretReturned: .secretOnce
        case .errorWithoutEnvelope, .v2PlainTextErrors: .errorEnvelope
        case .errorStatusMismatch: .errorStatus
        case .wrongNotFoundCode: .errorCode
        case .rateLimitWithoutRetryAfter: .retryAfter
        case .nonJSONSuccessBody: .responseJSON
        case .wrongContentType: .contentType
        case .missingTraceID: .traceID
        case .targetURLNotUnique, .httpTargetURLAccepted: .responseStatus
        case .putIgnoresIsActive: .assertion
        case .badSignature, .signatureOverReserializedBody, .v2UnsignedDelivery: .webhookSignature
        case .staleTimestamp: .webhookTimestamp
        case .noRetryOn5xx, .noRetryOnNetworkError, .retryOn4xx: .webhookRetry
        case .retryWithoutBackoff: .webhookBackoff
        case .newEventIDPerRetry: .webhookEventID
        case .phoneFilterIgnored: .webhookFilter
        }
    }

    /// The fault called `name`; throws an error listing every valid name otherwise.
    public init(name: String) throws(SandboxError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let fault = SandboxFault(rawValue: trimmed.lowercased()) else {
            throw .unknownFault(name: trimmed, valid: SandboxFault.allCases.map(\.name))
        }
        self = fault
    }

    /// The faults in a comma-separated list such as `bad-signature, stale-timestamp`; empty items are ignored.
    public static func parseList(_ list: String) throws(SandboxError) -> Set<SandboxFault> {
        var faults: Set<SandboxFault> = []
        for item in list.split(separator: ",") where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            faults.insert(try SandboxFault(name: String(item)))
        }
        return faults
    }

    public static func < (lhs: SandboxFault, rhs: SandboxFault) -> Bool { lhs.rawValue < rhs.rawValue }
}
