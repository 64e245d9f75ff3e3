/// One way an instance fails its schema.
///
/// Both pointers are absolute: `instancePointer` into the validated value,
/// `schemaPointer` into the document the validator was built with, ending at the
/// failing keyword (for example `/components/schemas/Chat/properties/id/type`).
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    public var instancePointer: JSONPointer
    public var schemaPointer: JSONPointer
    /// The schema keyword that failed (`type`, `required`, `oneOf`, …).
    public var keyword: String
    /// What the schema asks for, short (`string`, `>= 1`, `one of 17 values`).
    public var expected: String
    /// What the instance has, short (a type name or a truncated value).
    public var actual: String
    /// A sentence for people, naming the instance location.
    public var message: String

    public init(
        instancePointer: JSONPointer, schemaPointer: JSONPointer, keyword: String,
        expected: String, actual: String, message: String
    ) {
        self.instancePointer = instancePointer
        self.schemaPointer = schemaPointer
        self.keyword = keyword
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    public var description: String {
        let location = instancePointer.tokens.isEmpty ? "(root)" : instancePointer.description
        return "\(location): \(message) [schema \(schemaPointer)]"
    }
}
