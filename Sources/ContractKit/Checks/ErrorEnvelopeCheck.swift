import Foundation

/// Checks every 4xx/5xx body against its version's error envelope and, for v3, the envelope's content.
///
/// The envelope is the schema the operation documents for the status, else the version's default:
/// v3 `ErrorResponse`; v2 `StandardError` on the webhook-subscription and contact endpoints and `Error`
/// elsewhere (the v2 spec's split). Rules, all at severity `error`:
/// - `error.envelope`: the body is empty or not JSON, or violates the envelope schema (v3 `success` is
///   `const false` there, so `success: true` lands here);
/// - `error.status` (v3): `error.status` differs from the HTTP status;
/// - `error.code` (v3): the code is missing from `specs/errors.json`, documented for another HTTP status
///   (`alternativeStatus` counts), documented only inside webhooks, or, on a 404, a not-found code for
///   another resource than the path names while the table has one for it (`{subscriptionId}` wants the
///   code whose meaning says "subscription", 2010, not 2001 "chat");
/// - `error.retry-after` (v3): a 429 without the `Retry-After` header, without `error.retry_after`, or with
///   the two disagreeing (when the header is in seconds; an HTTP date is not compared).
public struct ErrorEnvelopeCheck: ResponseCheck {
    private let validators: SpecValidators
    private let codes: ErrorCodeTable

    public init(validators: SpecValidators, codes: ErrorCodeTable) {
        self.validators = validators
        self.codes = codes
    }

    public func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
        let status = exchange.response.status
        guard status >= 400 else { return [] }
        let path = exchange.request.url.path
        let label = "\(context.operation?.displayName ?? "\(exchange.request.method) \(path)") \(status)"
        guard let envelope = envelopeSchema(status: status, path: path, context: context) else { return [] }
        let body: JSONValue
        switch exchange.body {
        case .json(let value): body = value
        case .empty:
            return [envelopeFinding("\(label): the error has no body", actual: "no body")]
        case .invalid(let error):
            return [
                envelopeFinding(
                    "\(label): the error body is not JSON (\(error.reason))",
                    actual: ResponseShapeCheck.preview(exchange.response.body)
                )
            ]
        }
        let name = EnumCheck.name(of: envelope)
        var findings = validators.validator(for: context.version, spec: context.spec).validate(body, schemaAt: envelope)
            .map { violation in
                Finding(
                    rule: .errorEnvelope,
                    message: "\(label): not a \(name) envelope: \(violation.message)",
                    pointer: violation.instancePointer.description,
                    expected: violation.expected,
                    actual: violation.actual
                )
            }
        if context.version == .v3 {
            findings += v3Findings(body, exchange: exchange, label: label, context: context)
        }
        return findings
    }

    private func v3Findings(_ body: JSONValue, exchange: Exchange, label: String, context: CheckContext) -> [Finding] {
        let status = exchange.response.status
        var findings: [Finding] = []
        if let reported = body["error"]?["status"]?.integerValue, reported != status {
            findings.append(
                Finding(
                    rule: .errorStatus,
                    message: "\(label): the envelope says status \(reported)",
                    pointer: "/error/status",
                    expected: String(status),
                    actual: String(reported)
                )
            )
        }
        if let code = body["error"]?["code"]?.integerValue, let problem = codeProblem(code, status, context) {
            findings.append(
                Finding(
                    rule: .errorCode,
                    message: "\(label): error code \(code) \(problem.reason)",
                    pointer: "/error/code",
                    expected: problem.expected,
                    actual: String(code)
                )
            )
        }
        if status == 429 {
            findings += retryAfterFindings(body, exchange.response.headers["Retry-After"], label: label)
        }
        return findings
    }

    private func codeProblem(_ code: Int, _ status: Int, _ context: CheckContext) -> (reason: String, expected: String)?
    {
        guard let entry = codes[code] else {
            return ("is not in specs/errors.json", "a documented code for HTTP \(status)")
        }
        guard !entry.statuses.isEmpty else {
            return ("is documented only inside webhooks, not as an HTTP error", "a code returned with HTTP \(status)")
        }
        guard entry.statuses.contains(status) else {
            let documented = entry.statuses.map(String.init).joined(separator: " or ")
            return ("is documented with HTTP \(documented)", "a code returned with HTTP \(status)")
        }
        if status == 404, let operation = context.operation, let resource = Self.resource(of: operation) {
            let fitting = codes.entries.filter { $0.statuses.contains(404) && Self.mentions($0, resource) }
            if !fitting.isEmpty, !fitting.contains(where: { $0.code == code }) {
                let expected = fitting.map { String($0.code) }.joined(separator: " or ")
                return ("(\(entry.meaning)) is not the not-found code for a \(resource)", expected)
            }
        }
        return nil
    }

    private func retryAfterFindings(_ body: JSONValue, _ header: String?, label: String) -> [Finding] {
        let inBody = body["error"]?["retry_after"]?.integerValue
        var findings: [Finding] = []
        if header == nil {
            findings.append(
                Finding(
                    rule: .retryAfter,
                    message: "\(label): no Retry-After header",
                    expected: "Retry-After: \(inBody.map(String.init) ?? "seconds")",
                    actual: "absent"
                )
            )
        }
        if inBody == nil {
            findings.append(
                Finding(
                    rule: .retryAfter,
                    message: "\(label): no error.retry_after in the envelope",
                    pointer: "/error/retry_after",
                    expected: header ?? "seconds to wait",
                    actual: body["error"]?["retry_after"]?.jsonString() ?? "absent"
                )
            )
        }
        if let header, let inBody, let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds != inBody {
            findings.append(
                Finding(
                    rule: .retryAfter,
                    message: "\(label): Retry-After says \(seconds) s, error.retry_after \(inBody) s",
                    pointer: "/error/retry_after",
                    expected: String(seconds),
                    actual: String(inBody)
                )
            )
        }
        return findings
    }

    private func envelopeSchema(status: Int, path: String, context: CheckContext) -> JSONPointer? {
        if let documented = context.operation?.response(for: status)?.jsonSchema { return documented }
        switch context.version {
        case .v3: return context.spec.schemaPointer(named: "ErrorResponse")
        case .v2:
            let standard = path.contains("/webhook_subscriptions") || path.contains("/contacts")
            return context.spec.schemaPointer(named: standard ? "StandardError" : "Error")
        }
    }

    private func envelopeFinding(_ message: String, actual: String) -> Finding {
        Finding(rule: .errorEnvelope, message: message, expected: "a JSON error envelope", actual: actual)
    }

    /// The resource the operation's last path parameter names: `{subscriptionId}` → `subscription`,
    /// `{webhook_subscription_id}` → `webhook subscription`.
    static func resource(of operation: OpenAPIOperation) -> String? {
        guard var name = operation.path.parameterNames.last else { return nil }
        for suffix in ["_id", "Id", "ID"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
        }
        var words = ""
        for character in name {
            if character == "_" {
                words.append(" ")
            } else if character.isUppercase {
                words += " " + character.lowercased()
            } else {
                words.append(character)
            }
        }
        return words.trimmingCharacters(in: .whitespaces)
    }

    private static func mentions(_ entry: ErrorCodeTable.Entry, _ resource: String) -> Bool {
        let text = (entry.meaning + " " + (entry.name ?? "").replacingOccurrences(of: "_", with: " ")).lowercased()
        return text.contains(resource)
    }
}
