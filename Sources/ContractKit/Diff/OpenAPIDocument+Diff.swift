/// Lookups the mapping and the diff share.
extension OpenAPIDocument {
    /// The first documented success (2xx) response, which the diff compares field by field.
    func successResponse(of operation: OpenAPIOperation) -> OpenAPIResponse? {
        operation.responses.first { $0.status.hasPrefix("2") }
    }

    /// The value `#/…` points to, if it resolves.
    func value(atReference reference: String) -> (pointer: JSONPointer, value: JSONValue)? {
        guard reference.hasPrefix("#"), let pointer = try? JSONPointer(uriFragment: reference),
            let value = root.value(at: pointer)
        else { return nil }
        return (pointer, value)
    }

    /// The string values of the enum schema `#/…` points to.
    func enumStrings(atReference reference: String) -> [String]? {
        value(atReference: reference)?.value["enum"]?.arrayValue?.compactMap(\.stringValue)
    }

    /// The webhook entry (`webhooks` or `x-webhooks`) delivering `event`, trying each name pattern in order
    /// (`{event}` is replaced by the event type).
    func webhook(for event: String, names: [String]) -> OpenAPIWebhook? {
        for pattern in names.isEmpty ? ["{event}"] : names {
            let name = pattern.replacingOccurrences(of: "{event}", with: event)
            if let webhook = webhooks.first(where: { $0.name == name }) { return webhook }
        }
        return nil
    }
}
