/// A webhook the document declares (OpenAPI 3.1 `webhooks`, or the `x-webhooks` extension).
public struct OpenAPIWebhook: Sendable, Hashable {
    /// The key under `webhooks`, e.g. `message.sent.v2026`.
    public let name: String
    public let method: String
    public let operationId: String?
    public let pointer: JSONPointer
    /// The schema of the delivered JSON payload.
    public let requestBodySchema: JSONPointer?

    public init(
        name: String,
        method: String,
        operationId: String?,
        pointer: JSONPointer,
        requestBodySchema: JSONPointer?
    ) {
        self.name = name
        self.method = method
        self.operationId = operationId
        self.pointer = pointer
        self.requestBodySchema = requestBodySchema
    }
}
