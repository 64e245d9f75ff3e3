/// One documented response of an operation: a status key and its media types.
public struct OpenAPIResponse: Sendable, Hashable {
    /// A media type of a response or request body and where its schema sits.
    public struct MediaType: Sendable, Hashable {
        /// As written, e.g. `application/json`.
        public let name: String
        /// `nil` when the media type declares no schema.
        public let schema: JSONPointer?

        public init(name: String, schema: JSONPointer?) {
            self.name = name
            self.schema = schema
        }
    }

    /// The key as the document writes it: `"200"`, `"2XX"` or `"default"`.
    public let status: String
    /// Where the response object sits (after following a `$ref` to `components/responses`).
    public let pointer: JSONPointer
    /// The media types in document order; empty for a response without a body.
    public let content: [MediaType]

    public init(status: String, pointer: JSONPointer, content: [MediaType]) {
        self.status = status
        self.pointer = pointer
        self.content = content
    }

    /// The schema of the JSON media type; see ``jsonSchema(in:)``.
    public var jsonSchema: JSONPointer? {
        OpenAPIResponse.jsonSchema(in: content)
    }

    /// Returns the schema of `application/json`, else of the first `…+json` type, else of the only media type.
    public static func jsonSchema(in content: [MediaType]) -> JSONPointer? {
        func essence(_ mediaType: MediaType) -> Substring {
            mediaType.name.prefix { $0 != ";" }.trimmingSuffix(" ")
        }
        if let json = content.first(where: { essence($0).lowercased() == "application/json" }) { return json.schema }
        if let json = content.first(where: { essence($0).lowercased().hasSuffix("+json") }) { return json.schema }
        return content.count == 1 ? content[0].schema : nil
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var result = self
        while result.last == character { result = result.dropLast() }
        return result
    }
}
