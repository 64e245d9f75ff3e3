import ContractKit
import Foundation

/// One delivery attempt as the sandbox remembers it, for `GET /_sandbox/deliveries`.
struct DeliveryRecord: Sendable, Hashable {
    var api: SandboxAPI
    var subscriptionID: String
    var eventID: String
    var eventType: String
    /// 1 for the first attempt.
    var attempt: Int
    var sentAt: Date
    var outcome: DeliveryOutcome

    var status: Int? {
        if case .status(let status) = outcome { status } else { nil }
    }

    var json: JSONValue {
        var object = JSONObject()
        object["api"] = .string(api.rawValue)
        object["subscription_id"] = .string(subscriptionID)
        object["event_id"] = .string(eventID)
        object["event_type"] = .string(eventType)
        object["attempt"] = .number(.integer(Int64(attempt)))
        object["sent_at"] = .string(SandboxTimestamp.string(sentAt))
        switch outcome {
        case .status(let status):
            object["status"] = .number(.integer(Int64(status)))
            object["error"] = .null
        case .networkError(let reason):
            object["status"] = .null
            object["error"] = .string(reason)
        }
        return .object(object)
    }
}

/// The API version an event or subscription belongs to.
enum SandboxAPI: String, Sendable, Hashable {
    case v3
    case v2
}
