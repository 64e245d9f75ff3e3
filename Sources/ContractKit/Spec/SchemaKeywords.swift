/// The schema keywords the suite understands; anything else in a schema is probably a typo.
public enum SchemaKeywords {
    /// JSON Schema draft 2020-12 (core, applicator, unevaluated, validation, format, content, meta-data),
    /// the older spellings OpenAPI 3.0 documents still use, and OpenAPI's own schema keywords.
    public static let known: Set<String> = [
        // Core
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
        "definitions", "$recursiveRef", "$recursiveAnchor",
        // Applicator
        "prefixItems", "items", "additionalItems", "contains", "additionalProperties", "properties",
        "patternProperties", "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf",
        "not", "unevaluatedItems", "unevaluatedProperties",
        // Validation
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired", "dependencies",
        // Format, content, meta-data
        "format", "contentEncoding", "contentMediaType", "contentSchema",
        "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
        // OpenAPI
        "nullable", "discriminator", "xml", "externalDocs", "example",
    ]

    /// Whether `keyword` is in ``known`` or is an `x-` extension.
    public static func isKnown(_ keyword: String) -> Bool {
        known.contains(keyword) || keyword.hasPrefix("x-")
    }

    /// Keywords whose value is one subschema.
    static let singleSubschema: Set<String> = [
        "items", "additionalItems", "contains", "additionalProperties", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    static let subschemaArrays: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    /// Keywords whose value maps names to subschemas.
    static let subschemaMaps: Set<String> = [
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions",
    ]
}
