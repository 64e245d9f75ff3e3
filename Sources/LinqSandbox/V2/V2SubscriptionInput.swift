import ContractKit

/// A v2 create or update body, wrapped as `{"webhook_subscription": {…}}` as the reference pages show.
///
/// An unwrapped body (as the v2 "Your First Message" page shows) is accepted too, the way
/// Rails' `wrap_parameters` accepts it; the docs disagree, so the sandbox serves both.
struct V2SubscriptionInput: Sendable, Equatable {
    /// What the body says about the secret.
    enum Secret: Sendable, Equatable {
        case absent
        case cleared
        case set(String)
    }

    var webhookURL: String
    var version: Int
    var events: [String]
    var active: Bool?
    var secret: Secret = .absent

    /// Validates `body`; `webhook_url`, `version` (2) and `events` are required for create and update alike.
    init(_ body: JSONObject, knownEvents: Set<String>) throws(V2Error) {
        var fields = body
        if let wrapped = body["webhook_subscription"] {
            guard let object = wrapped.objectValue else {
                throw .validationFailed("webhook_subscription must be an object, got \(wrapped.typeName)")
            }
            fields = object
        }
        for name in ["webhook_url", "version", "events"] where fields[name] == nil || fields[name] == .null {
            throw .parameterMissing(name)
        }
        guard let url = fields["webhook_url"]?.stringValue else {
            throw .validationFailed("webhook_url must be a string")
        }
        guard FieldRules.classify(targetURL: url) != .invalid else {
            throw .validationFailed("webhook_url must be an absolute http(s) URL: \(url)")
        }
        webhookURL = url
        guard let number = fields["version"]?.numberValue, number.isInteger, number.int64Value == 2 else {
            throw .validationFailed("version must be the integer 2")
        }
        version = 2
        events = try Self.events(fields["events"] ?? .null, knownEvents: knownEvents)
        if let value = fields["active"] {
            guard let flag = value.boolValue else { throw .validationFailed("active must be a boolean") }
            active = flag
        }
        if let value = fields["secret"] {
            switch value {
            case .null: secret = .cleared
            case .string(let text) where text.isEmpty: secret = .cleared
            case .string(let text): secret = .set(text)
            default: throw .validationFailed("secret must be a string")
            }
        }
    }

    private static func events(_ value: JSONValue, knownEvents: Set<String>) throws(V2Error) -> [String] {
        guard let items = value.arrayValue, !items.isEmpty else {
            throw .validationFailed("events must be a non-empty array of event types")
        }
        var events: [String] = []
        for item in items {
            guard let event = item.stringValue else { throw .validationFailed("events must contain strings") }
            guard knownEvents.contains(event) else {
                throw .validationFailed("events contains unknown event: \(event)")
            }
            if !events.contains(event) { events.append(event) }
        }
        return events
    }
}
