/// One ``SchemaValidator`` per API version, built once so compiled schemas are reused across every response.
///
/// The dialect follows each spec's `openapi` version: 3.0 documents (v2) are validated as
/// ``SchemaDialect/openAPI30`` (`nullable`, boolean exclusive bounds), 3.1 documents as ``SchemaDialect/openAPI31``.
public struct SpecValidators: Sendable {
    private let validators: [APIVersion: SchemaValidator]

    public init(specs: [APIVersion: OpenAPIDocument]) {
        validators = specs.mapValues(Self.validator(for:))
    }

    /// The validator of `version`; for a spec this set was not built with, a fresh one for `spec`.
    public func validator(for version: APIVersion, spec: OpenAPIDocument) -> SchemaValidator {
        validators[version] ?? Self.validator(for: spec)
    }

    /// The validator for one document, in its dialect.
    public static func validator(for spec: OpenAPIDocument) -> SchemaValidator {
        SchemaValidator(document: spec.root, dialect: spec.isOpenAPI31 ? .openAPI31 : .openAPI30)
    }
}
