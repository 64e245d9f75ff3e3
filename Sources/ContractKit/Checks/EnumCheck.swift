/// Checks that every enum-typed value of a 2xx body is one the captured spec lists.
///
/// A value outside the set is enum drift: the API knows a value the spec does not (or sends a wrong
/// one). Each is an `enum.value` finding reported at severity `error`, also for enums marked
/// `x-extensible-enum` (the message says so), because a client generated from the spec cannot decode
/// the value; the gate's default ``SeverityPolicy`` lowers the rule to a warning, since APIs add values
/// over time, and `--strict` raises it back. One finding per value: `pointer` is where it sits, `actual`
/// the value as JSON, `expected` the enum's name and size. ``drift(in:)`` folds the findings of a run
/// into the field → unseen values table.
public struct EnumCheck: ResponseCheck {
    private let validators: SpecValidators

    public init(validators: SpecValidators) {
        self.validators = validators
    }

    public func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
        let status = exchange.response.status
        guard (200..<300).contains(status), let operation = context.operation,
            let schema = operation.response(for: status)?.jsonSchema, let body = exchange.json
        else { return [] }
        let violations = validators.validator(for: context.version, spec: context.spec).validate(body, schemaAt: schema)
        return violations.filter { $0.keyword == "enum" }.map { violation in
            let enumSchema = JSONPointer(tokens: violation.schemaPointer.tokens.dropLast())
            let name = Self.name(of: enumSchema)
            let extensible = context.spec.root.value(at: enumSchema)?["x-extensible-enum"] == .bool(true)
            let field = Self.field(violation.instancePointer)
            return Finding(
                rule: .enumValue,
                message: "\(operation.displayName) \(status): \(violation.actual) at \(field) "
                    + "is not a value of \(name)\(extensible ? " (marked extensible)" : "")",
                pointer: violation.instancePointer.description,
                expected: "\(violation.expected) of \(name)",
                actual: violation.actual
            )
        }
    }

    /// The schema's name (`WebhookEventType`) when it is a component, else its pointer.
    static func name(of schema: JSONPointer) -> String {
        let tokens = schema.tokens
        if tokens.count == 3, tokens[0] == "components", tokens[1] == "schemas" { return tokens[2] }
        return schema.description
    }

    /// The field a value belongs to, independent of its array position: `/subscriptions/3/subscribed_events/1`
    /// becomes `/subscriptions/*/subscribed_events/*`.
    public static func field(_ pointer: JSONPointer) -> String {
        let tokens = pointer.tokens.map { token in
            !token.isEmpty && token.allSatisfy(\.isASCII) && token.allSatisfy(\.isNumber) ? "*" : token
        }
        return tokens.isEmpty ? "(root)" : JSONPointer(tokens: tokens).description
    }

    /// Enum drift seen in `findings`: each field (see ``field(_:)``) with the distinct values no spec lists,
    /// sorted by version, field and value.
    public static func drift(in findings: [Finding]) -> [EnumDrift] {
        var values: [EnumDrift.Key: Set<String>] = [:]
        for finding in findings where finding.rule == .enumValue {
            guard let pointer = try? JSONPointer(parsing: finding.pointer) else { continue }
            let key = EnumDrift.Key(version: finding.location?.version ?? "", field: field(pointer))
            values[key, default: []].insert(finding.actual)
        }
        return values.map { EnumDrift(version: $0.key.version, field: $0.key.field, values: $0.value.sorted()) }
            .sorted { ($0.version, $0.field) < ($1.version, $1.field) }
    }
}
