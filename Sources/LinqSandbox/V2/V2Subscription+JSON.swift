import ContractKit

extension V2Subscription {
    /// The v2 `WebhookSubscription` object; the secret appears only as `secret_configured`
    /// unless the `v2-secret-returned` fault is active.
    func json(_ context: RequestContext) -> JSONValue {
        var object = JSONObject()
        object["id"] = .number(.integer(Int64(id)))
        object["webhook_url"] = .string(webhookURL)
        object["version"] = .number(.integer(Int64(version)))
        object["events"] = .array(events.map(JSONValue.string))
        object["active"] = .bool(active)
        object["secret_configured"] = .bool(secret != nil)
        if context.has(.v2SecretReturned), let secret { object["secret"] = .string(secret) }
        object["last_delivered_at"] = lastDeliveredAt.map { .string(SandboxTimestamp.string($0)) } ?? .null
        object["delivery_attempts"] = .number(.integer(Int64(deliveryAttempts)))
        object["created_at"] = .string(SandboxTimestamp.string(createdAt))
        object["updated_at"] = .string(SandboxTimestamp.string(updatedAt))
        return .object(object)
    }
}
