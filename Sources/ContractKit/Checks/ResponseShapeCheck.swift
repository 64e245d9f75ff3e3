/// Checks a response against its operation in the captured spec: the status must be documented, and a
/// 2xx body must be JSON matching the documented response schema for that status.
///
/// Rules and severities (all `error`):
/// - `response.undocumented-status`: the operation lists neither the status, its range (`4XX`) nor `default`
///   (also when the spec has no operation for the request at all, unless the step asks for a path outside
///   the spec on purpose, ``CheckContext/isOutsideSpec``; its error body is left to ``ErrorEnvelopeCheck``);
/// - `response.json`: a JSON schema is documented and the body is empty, not UTF-8 or not JSON;
/// - `response.schema`: one finding per schema violation, with the instance pointer, the keyword, and the
///   expected and actual values.
///
/// Extra members are not findings: no schema in the captured specs is closed, and a server may add
/// fields without breaking a client. `enum` violations are left to ``EnumCheck`` and non-2xx bodies to
/// ``ErrorEnvelopeCheck``, so no violation is reported twice.
public struct ResponseShapeCheck: ResponseCheck {
    private let validators: SpecValidators

    public init(validators: SpecValidators) {
        self.validators = validators
    }

    public func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
        let request = "\(exchange.request.method) \(exchange.request.url.path)"
        let status = exchange.response.status
        guard let operation = context.operation else {
            guard !context.isOutsideSpec else { return [] }
            return [
                Finding(
                    rule: .undocumentedStatus,
                    message: "\(request): the \(context.version) spec documents no operation for this request",
                    expected: "an operation in the spec",
                    actual: "none"
                )
            ]
        }
        guard let documented = operation.response(for: status) else {
            let statuses = operation.documentedStatuses.joined(separator: ", ")
            return [
                Finding(
                    rule: .undocumentedStatus,
                    message: "\(operation.displayName) answered \(status), which the spec does not document",
                    expected: "one of \(statuses)",
                    actual: String(status)
                )
            ]
        }
        guard (200..<300).contains(status), let schema = documented.jsonSchema else { return [] }
        switch exchange.body {
        case .empty:
            return [
                Finding(
                    rule: .responseJSON,
                    message: "\(operation.displayName) \(status): the body is empty, the spec documents a JSON body",
                    expected: "a JSON body",
                    actual: "no body"
                )
            ]
        case .invalid(let error):
            return [
                Finding(
                    rule: .responseJSON,
                    message: "\(operation.displayName) \(status): the body is not JSON: \(error.description)",
                    expected: "a JSON body",
                    actual: Self.preview(exchange.response.body)
                )
            ]
        case .json(let body):
            let violations = validators.validator(for: context.version, spec: context.spec)
                .validate(body, schemaAt: schema)
            return violations.filter { $0.keyword != "enum" }.map { violation in
                Finding(
                    rule: .responseSchema,
                    message: "\(operation.displayName) \(status): \(violation.keyword): \(violation.message)",
                    pointer: violation.instancePointer.description,
                    expected: violation.expected,
                    actual: violation.actual
                )
            }
        }
    }

    /// The start of a body for a message: text when it is UTF-8, else its size.
    static func preview(_ body: [UInt8]) -> String {
        guard let text = String(validating: body, as: UTF8.self) else { return "\(body.count) bytes, not UTF-8" }
        return text.count > 80 ? text.prefix(80) + "…" : text
    }
}
