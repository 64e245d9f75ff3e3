import Synchronization

/// Validates JSON values against schemas of an OpenAPI document (or a standalone JSON Schema).
///
/// Draft 2020-12 keywords with local `$ref`s, plus OpenAPI 3.0 `nullable` and `discriminator`
/// (the latter only to explain which `oneOf` branch failed). Every violation is reported; the
/// attempts inside `anyOf`, `oneOf`, `not` and `if` are summarised, never leaked.
///
/// Schemas compile on first use into a node tree cached per pointer, shared by copies of the
/// validator and safe to use from concurrent tasks. `$id`, `$anchor`, `$dynamicRef`, remote
/// references and `unevaluated*` are not supported (see ``supportedKeywords``).
public struct SchemaValidator: Sendable {
    /// The keywords that affect validation; anything else is an annotation and ignored.
    public static let supportedKeywords: Set<String> = [
        "type", "nullable", "enum", "const", "properties", "required", "additionalProperties",
        "patternProperties", "propertyNames", "items", "prefixItems", "minItems", "maxItems", "uniqueItems",
        "contains", "minContains", "maxContains", "minLength", "maxLength", "pattern", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minProperties", "maxProperties", "allOf",
        "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "$defs", "definitions", "dependentRequired",
        "dependentSchemas", "discriminator", "format",
    ]

    struct Options: Sendable {
        let dialect: SchemaDialect
        let assertFormats: Bool
        let e164PropertyNames: Set<String>
    }

    private let cache: Cache

    /// - Parameters:
    ///   - document: the whole OpenAPI document, or a standalone schema; `$ref`s resolve inside it.
    ///   - dialect: which rules apply (see ``SchemaDialect``).
    ///   - assertFormats: whether `format` fails on malformed values (`date-time`, `uri`, `uuid`,
    ///     `email`, `e164`/`phone`) instead of being an annotation.
    ///   - e164PropertyNames: declared properties whose strings (or array of strings) must be
    ///     E.164 phone numbers even though the schema does not say so, e.g. `["phone_number",
    ///     "phone_numbers"]` for the Linq specs. `null` values are left to the schema.
    public init(
        document: JSONValue, dialect: SchemaDialect = .openAPI31, assertFormats: Bool = true,
        e164PropertyNames: Set<String> = []
    ) {
        let options = Options(dialect: dialect, assertFormats: assertFormats, e164PropertyNames: e164PropertyNames)
        cache = Cache(document: document, options: options)
    }

    /// All ways `instance` fails the schema at `pointer`; empty when it is valid.
    ///
    /// A pointer that names no schema, and `$ref`s that do not resolve, are reported as
    /// violations with keyword `$ref` rather than thrown, so a broken spec shows up in results.
    public func validate(_ instance: JSONValue, schemaAt pointer: JSONPointer) -> [SchemaViolation] {
        let (nodes, root) = cache.nodes(forSchemaAt: pointer.tokens)
        var evaluator = Evaluator(nodes: nodes)
        evaluator.evaluate(root, instance)
        return evaluator.violations
    }

    /// Compiled nodes shared by all copies of one validator.
    private final class Cache: Sendable {
        let document: JSONValue
        let options: Options
        let arena = Mutex(Arena())

        init(document: JSONValue, options: Options) {
            self.document = document
            self.options = options
        }

        /// A snapshot of the arena that contains everything reachable from the schema's node.
        func nodes(forSchemaAt location: [String]) -> ([Node], Int) {
            arena.withLock { arena in
                if let index = arena.indexByLocation[location] { return (arena.nodes, index) }
                var compiler = Compiler(document: document, options: options, arena: arena)
                arena = Arena()  // hand the storage to the compiler so appends do not copy it
                let index = compiler.compile(at: location)
                arena = compiler.arena
                return (arena.nodes, index)
            }
        }
    }
}
