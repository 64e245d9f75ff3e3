import HTTPServer

/// One operation (method + path template) of an OpenAPI document, with pointers to its schemas.
///
/// Schemas are not copied: every schema is a ``JSONPointer`` into the document, which is
/// what the validator takes, and what a finding can cite.
public struct OpenAPIOperation: Sendable, Hashable {
    /// Upper-case HTTP method (`GET`).
    public let method: String
    public let path: PathTemplate
    public let operationId: String?
    /// Where the operation object sits, e.g. `/paths/~1v3~1chats/get`.
    public let pointer: JSONPointer
    /// Path-level and operation-level parameters merged; the operation's win on the same name and location.
    public let parameters: [OpenAPIParameter]
    /// The schema of the JSON request body, if the operation takes one.
    public let requestBodySchema: JSONPointer?
    public let responses: [OpenAPIResponse]

    public init(
        method: String,
        path: PathTemplate,
        operationId: String?,
        pointer: JSONPointer,
        parameters: [OpenAPIParameter],
        requestBodySchema: JSONPointer?,
        responses: [OpenAPIResponse]
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.pointer = pointer
        self.parameters = parameters
        self.requestBodySchema = requestBodySchema
        self.responses = responses
    }

    /// The status keys the document lists, in document order (`["200", "4XX", "default"]`).
    public var documentedStatuses: [String] {
        responses.map(\.status)
    }

    /// The response documented for `status`: the exact code, else its range (`2XX`), else `default`.
    public func response(for status: Int) -> OpenAPIResponse? {
        let exact = String(status)
        let range = "\(status / 100)XX"
        return responses.first { $0.status == exact }
            ?? responses.first { $0.status.uppercased() == range }
            ?? responses.first { $0.status == "default" }
    }

    /// A readable name for messages: the operationId, else `GET /v3/chats`.
    public var displayName: String {
        operationId ?? "\(method) \(path)"
    }
}
