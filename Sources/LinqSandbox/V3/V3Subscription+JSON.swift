import ContractKit

extension V3Subscription {
    /// The `WebhookSubscription` object (`WebhookSubscriptionCreatedResponse` with `includingSecret`),
    /// with the body-level faults of `context` applied.
    func json(includingSecret: Bool, _ context: RequestContext) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(id)
        object["target_url"] = .string(targetURL)
        if includingSecret { object["signing_secret"] = .string(signingSecret) }
        var events = subscribedEvents.map(JSONValue.string)
        if context.has(.undocumentedEventType) { events.append("message.bounced") }
        object["subscribed_events"] = .array(events)
        object["phone_numbers"] = phoneNumbers.map { .array($0.map(JSONValue.string)) } ?? .null
        object["is_active"] = context.has(.wrongFieldType) ? .string(isActive ? "true" : "false") : .bool(isActive)
        if !context.has(.missingRequiredField) {
            object["created_at"] = .string(SandboxTimestamp.string(createdAt))
        }
        object["updated_at"] = .string(SandboxTimestamp.string(updatedAt))
        return .object(object)
    }
}
