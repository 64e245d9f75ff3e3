/// Which JSON Schema rules a ``SchemaValidator`` applies.
///
/// The dialects differ only where OpenAPI 3.0 departs from JSON Schema:
/// `nullable: true` admits `null`, `$ref` ignores its siblings, and
/// `exclusiveMinimum`/`exclusiveMaximum` are booleans that modify `minimum`/`maximum`.
/// Type arrays (`"type": ["string", "null"]`) are accepted in every dialect.
public enum SchemaDialect: String, Sendable, Hashable, CaseIterable {
    /// OpenAPI 3.0.x schema objects (a draft-04 subset plus `nullable`).
    case openAPI30
    /// OpenAPI 3.1.x, whose schema objects are JSON Schema draft 2020-12.
    case openAPI31
    /// Plain JSON Schema draft 2020-12.
    case draft2020_12
}
