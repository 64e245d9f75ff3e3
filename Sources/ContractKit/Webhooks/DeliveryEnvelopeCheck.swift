/// Checks delivered bodies against the version's spec: JSON, the envelope, the event's payload schema,
/// and whether the subscription asked for the event at all.
///
/// v3 documents (`webhooks`) have one entry per event type and payload version, found by their
/// `x-event-type` and `x-webhook-versions`; v2 documents (`x-webhooks`) have one entry per event type.
/// An event type the spec does not know is validated against the base envelope only and reported as
/// a warning, since the event enum is known to grow.
public struct DeliveryEnvelopeCheck: Sendable {
    private let validator: SchemaValidator
    /// Payload schema pointers by event type, then by payload version ("" for v2).
    private let schemas: [String: [String: JSONPointer]]
    private let envelopePointer: JSONPointer?

    /// A check for deliveries described by `document`, a whole OpenAPI document.
    public init(document: JSONValue) {
        let isOpenAPI30 = document["openapi"]?.stringValue?.hasPrefix("3.0") ?? false
        validator = SchemaValidator(document: document, dialect: isOpenAPI30 ? .openAPI30 : .openAPI31)
        schemas = Self.payloadSchemas(in: document)
        let envelope = ["WebhookEnvelopeBase", "WebhookEnvelope"].first {
            document["components"]?["schemas"]?[$0] != nil
        }
        envelopePointer = envelope.map { JSONPointer(tokens: ["components", "schemas", $0]) }
    }

    /// The payload schema for `eventType` in `webhookVersion` (v3), or the event's only one (v2).
    public func schemaPointer(eventType: String, webhookVersion: String?) -> JSONPointer? {
        guard let byVersion = schemas[eventType] else { return nil }
        return byVersion[webhookVersion ?? ""] ?? (byVersion.count == 1 ? byVersion.first?.value : nil)
    }

    /// Every finding about the bodies of `deliveries` to `subscription`.
    public func check(_ deliveries: [ReceivedDelivery], subscription: DeliverySubscription) -> [Finding] {
        deliveries.flatMap { check($0, subscription: subscription) }
    }

    /// The findings about one delivery's body.
    public func check(_ delivery: ReceivedDelivery, subscription: DeliverySubscription) -> [Finding] {
        let label = delivery.label
        if delivery.exceedsBodyLimit {
            return [
                Finding(
                    rule: .webhookEnvelope,
                    message: "\(label): body of \(delivery.body.count) bytes is over the "
                        + "receiver's limit",
                    expected: "a webhook payload of ordinary size",
                    actual: "\(delivery.body.count) bytes"
                )
            ]
        }
        guard !delivery.body.isEmpty else {
            return [
                Finding(
                    rule: .webhookEnvelope,
                    message: "\(label): the delivery has no body",
                    expected: "a JSON envelope",
                    actual: "empty body"
                )
            ]
        }
        let body: JSONValue
        do {
            body = try JSONParser.parse(delivery.body)
        } catch {
            return [
                Finding(
                    rule: .webhookEnvelope,
                    message: "\(label): the body is not JSON: \(error)",
                    expected: "a JSON envelope",
                    actual: "unparseable body (\(delivery.body.count) bytes)"
                )
            ]
        }
        guard let eventType = body["event_type"]?.stringValue else {
            return violations(of: envelopePointer, body, label)
        }
        var findings: [Finding] = []
        if !subscription.eventTypes.contains(eventType) {
            findings.append(
                Finding(
                    rule: .webhookFilter,
                    message: "\(label): event \(eventType) delivered to a subscription that did "
                        + "not subscribe to it",
                    pointer: "/event_type",
                    expected: "one of " + subscription.eventTypes.sorted().joined(separator: ", "),
                    actual: eventType
                )
            )
        }
        if let header = delivery.headers["X-Webhook-Event"], header != eventType {
            findings.append(
                Finding(
                    rule: .webhookEnvelope,
                    message: "\(label): X-Webhook-Event names another event than the body",
                    pointer: "/event_type",
                    expected: eventType,
                    actual: header
                )
            )
        }
        let version = body["webhook_version"]?.stringValue
        if let wanted = subscription.webhookVersion, let version, version != wanted {
            findings.append(
                Finding(
                    rule: .webhookEnvelope,
                    message: "\(label): payload version differs from the subscription URL's "
                        + "?version=",
                    pointer: "/webhook_version",
                    expected: wanted,
                    actual: version
                )
            )
        }
        if let pointer = schemaPointer(eventType: eventType, webhookVersion: version) {
            findings += violations(of: pointer, body, label)
        } else {
            let known = schemas[eventType] != nil
            findings.append(
                Finding(
                    rule: .webhookEnvelope,
                    severity: known ? .error : .warning,
                    message: known
                        ? "\(label): the spec has no \(eventType) payload for webhook_version \(version ?? "(none)")"
                        : "\(label): event type \(eventType) is not in the spec; checked against the envelope only",
                    pointer: known ? "/webhook_version" : "/event_type",
                    expected: known ? "a documented payload version" : "a documented event type",
                    actual: known ? version ?? "(none)" : eventType
                )
            )
            findings += violations(of: envelopePointer, body, label)
        }
        return findings
    }

    /// Deliveries that must not have happened (an unsubscribed type, a line outside the phone filter),
    /// each a `webhook.filter` finding explaining `reason`.
    public static func unexpected(_ deliveries: [ReceivedDelivery], reason: String) -> [Finding] {
        deliveries.map { delivery in
            let eventType = delivery.json?["event_type"]?.stringValue ?? "(unknown event)"
            return Finding(
                rule: .webhookFilter,
                message: "\(delivery.label): \(eventType) delivered although \(reason)",
                pointer: "/event_type",
                expected: "no delivery",
                actual: eventType
            )
        }
    }

    private func violations(of pointer: JSONPointer?, _ body: JSONValue, _ label: String) -> [Finding] {
        guard let pointer else { return [] }
        return validator.validate(body, schemaAt: pointer).map { violation in
            Finding(
                rule: violation.keyword == "enum" ? .enumValue : .webhookEnvelope,
                message: "\(label): \(violation.message)",
                pointer: violation.instancePointer.description,
                expected: violation.expected,
                actual: violation.actual
            )
        }
    }

    private static func payloadSchemas(in document: JSONValue) -> [String: [String: JSONPointer]] {
        var schemas: [String: [String: JSONPointer]] = [:]
        for container in ["webhooks", "x-webhooks"] {
            for (name, entry) in document[container]?.objectValue?.members ?? [] {
                let schema = ["post", "requestBody", "content", "application/json", "schema"]
                guard entry["post"]?["requestBody"]?["content"]?["application/json"]?["schema"] != nil else {
                    continue
                }
                let pointer = JSONPointer(tokens: [container] + [name] + schema)
                let eventType = entry["x-event-type"]?.stringValue ?? name
                let versions = entry["x-webhook-versions"]?.arrayValue?.compactMap(\.stringValue) ?? [""]
                for version in versions { schemas[eventType, default: [:]][version] = pointer }
            }
        }
        return schemas
    }
}
