import ContractKit

/// The fields of a v3 create or update body, validated in the order the error codes are
/// documented: missing fields (1001), then wrong types and values (1005), then phone formats (1002).
struct V3SubscriptionInput: Sendable, Equatable {
    /// What the body says about the phone filter.
    enum PhoneFilter: Sendable, Equatable {
        case absent
        /// `[]` or `null`: every line.
        case cleared
        case only([String])
    }

    var targetURL: String?
    var subscribedEvents: [String]?
    var phoneNumbers: PhoneFilter = .absent
    var isActive: Bool?

    /// Validates a create body (`target_url` and `subscribed_events` required) or an update body (all optional).
    /// Unknown members are ignored; `signing_secret` in an update is ignored because the secret cannot change.
    init(
        _ body: JSONObject,
        isCreate: Bool,
        knownEvents: Set<String>,
        acceptsInsecureHTTP: Bool
    ) throws(V3Error) {
        if isCreate {
            for field in ["target_url", "subscribed_events"] where body[field] == nil || body[field] == .null {
                throw .missingField(field)
            }
        }
        if let value = body["target_url"] {
            targetURL = try Self.targetURL(value, acceptsInsecureHTTP: acceptsInsecureHTTP)
        }
        if let value = body["subscribed_events"] {
            subscribedEvents = try Self.events(value, knownEvents: knownEvents)
        }
        if let value = body["phone_numbers"] {
            phoneNumbers = try Self.phoneFilter(value)
        }
        if !isCreate, let value = body["is_active"] {
            guard let flag = value.boolValue else {
                throw .invalidParameter("is_active must be a boolean, got \(value.typeName)")
            }
            isActive = flag
        }
    }

    private static func targetURL(_ value: JSONValue, acceptsInsecureHTTP: Bool) throws(V3Error) -> String {
        guard let url = value.stringValue else {
            throw .invalidParameter("target_url must be a string, got \(value.typeName)")
        }
        switch FieldRules.classify(targetURL: url) {
        case .https, .loopbackHTTP: return url
        case .insecureHTTP where acceptsInsecureHTTP: return url
        case .insecureHTTP: throw .invalidParameter("target_url must use HTTPS: \(url)")
        case .invalid: throw .invalidParameter("target_url must be an absolute HTTPS URL: \(url)")
        }
    }

    private static func events(_ value: JSONValue, knownEvents: Set<String>) throws(V3Error) -> [String] {
        guard let items = value.arrayValue else {
            throw .invalidParameter("subscribed_events must be an array of event types, got \(value.typeName)")
        }
        guard !items.isEmpty else { throw .invalidParameter("subscribed_events must list at least one event type") }
        var events: [String] = []
        for item in items {
            guard let event = item.stringValue else {
                throw .invalidParameter("subscribed_events must contain strings, got \(item.typeName)")
            }
            guard knownEvents.contains(event) else {
                throw .invalidParameter(
                    "Unknown event type in subscribed_events: \(event) (see GET /v3/webhook-events)"
                )
            }
            if !events.contains(event) { events.append(event) }
        }
        return events
    }

    private static func phoneFilter(_ value: JSONValue) throws(V3Error) -> PhoneFilter {
        if value == .null { return .cleared }
        guard let items = value.arrayValue else {
            throw .invalidParameter("phone_numbers must be an array of E.164 strings, got \(value.typeName)")
        }
        var numbers: [String] = []
        for item in items {
            guard let number = item.stringValue else {
                throw .invalidParameter("phone_numbers must contain strings, got \(item.typeName)")
            }
            guard FieldRules.isE164(number) else { throw .invalidPhone("phone_numbers", number) }
            if !numbers.contains(number) { numbers.append(number) }
        }
        return numbers.isEmpty ? .cleared : .only(numbers)
    }
}
