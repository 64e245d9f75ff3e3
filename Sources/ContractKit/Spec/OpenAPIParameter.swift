/// A parameter of an operation, after following a `$ref` to `components/parameters`.
public struct OpenAPIParameter: Sendable, Hashable {
    public let name: String
    /// `path`, `query`, `header` or `cookie`.
    public let location: String
    public let isRequired: Bool
    /// Where the parameter's schema sits in the document, if it has one.
    public let schema: JSONPointer?

    public init(name: String, location: String, isRequired: Bool, schema: JSONPointer?) {
        self.name = name
        self.location = location
        self.isRequired = isRequired
        self.schema = schema
    }
}
