import ContractKit
import Foundation
import HTTPServer

/// The sandbox-only endpoints under `/_sandbox` (no credentials; errors use the v3 envelope):
///
/// - `POST /_sandbox/events` `{"event_type": "message.sent", "phone_number": "+1…"?, "api": "v3"|"v2",
///   "target_url_contains": "…"?}` delivers the event to every matching active subscription of that API
///   (only those whose target URL contains `target_url_contains`, when given) and answers 202
///   `{"event_id", "event_type", "api", "subscription_ids": [...]}`.
/// - `GET /_sandbox/deliveries[?subscription_id=ID]` answers `{"deliveries": [...]}`, one entry per
///   attempt in the order made: `api`, `subscription_id`, `event_id`, `event_type`, `attempt`,
///   `sent_at`, `status` (or `null`) and `error` (or `null`).
struct ControlAPI: Sendable {
    let store: SandboxStore
    let specs: SandboxSpecs
    let dispatcher: WebhookDispatcher

    func trigger(_ request: HTTPRequest, _ context: RequestContext) throws(V3Error) -> HTTPResponse {
        let body = try V3SubscriptionsAPI.bodyObject(request)
        let api: SandboxAPI
        switch body["api"] {
        case nil, .null: api = .v3
        case .string(let name)?:
            guard let known = SandboxAPI(rawValue: name) else {
                throw .invalidParameter("api must be \"v3\" or \"v2\"")
            }
            api = known
        case let other?: throw .invalidParameter("api must be a string, got \(other.typeName)")
        }
        guard let eventValue = body["event_type"], eventValue != .null else { throw .missingField("event_type") }
        guard let eventType = eventValue.stringValue else { throw .invalidParameter("event_type must be a string") }
        let known = api == .v3 ? specs.v3.eventTypeSet : specs.v2.eventTypeSet
        guard known.contains(eventType) else {
            throw .invalidParameter("Unknown \(api.rawValue) event type: \(eventType)")
        }
        var phoneNumber: String?
        if let value = body["phone_number"], value != .null {
            guard let number = value.stringValue else { throw .invalidParameter("phone_number must be a string") }
            guard FieldRules.isE164(number) else { throw .invalidPhone("phone_number", number) }
            phoneNumber = number
        }
        var targetURLContains: String?
        if let value = body["target_url_contains"], value != .null {
            guard let text = value.stringValue, !text.isEmpty else {
                throw .invalidParameter("target_url_contains must be a non-empty string")
            }
            targetURLContains = text
        }
        let event = WebhookEvent(
            api: api,
            eventType: eventType,
            phoneNumber: phoneNumber,
            eventID: SandboxIdentifiers.uuid(),
            traceID: context.traceID,
            createdAt: context.now,
            targetURLContains: targetURLContains,
            faults: context.faults
        )
        let scheduled = dispatcher.dispatch(event)
        let answer: JSONValue = [
            "event_id": .string(event.eventID), "event_type": .string(eventType), "api": .string(api.rawValue),
            "subscription_ids": .array(scheduled.map(JSONValue.string)),
        ]
        return V3Reply.json(202, answer, RequestContext(faults: [], traceID: context.traceID, now: context.now))
    }

    func deliveries(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
        let wanted = Self.queryValue("subscription_id", in: request.query)
        let records = store.withState { $0.deliveries }.filter { wanted == nil || $0.subscriptionID == wanted }
        let clean = RequestContext(faults: [], traceID: context.traceID, now: context.now)
        return V3Reply.json(200, ["deliveries": .array(records.map(\.json))], clean)
    }

    static func queryValue(_ name: String, in query: String?) -> String? {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first == Substring(name) {
                return parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
            }
        }
        return nil
    }
}
