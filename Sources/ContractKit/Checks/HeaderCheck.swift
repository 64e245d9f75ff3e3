/// Checks the response headers the contract promises.
///
/// Rules, at severity `error`:
/// - `response.content-type`: a body that is JSON is not labelled `application/json` (parameters such as
///   `; charset=utf-8` are fine). Bodies that are not JSON are left to `response.json` and `error.envelope`.
/// - `response.trace-id` (v3 only): no `X-Trace-ID` header, or one that differs from the body's `trace_id`.
public struct HeaderCheck: ResponseCheck {
    public init() {}

    public func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
        let label = "\(exchange.request.method) \(exchange.request.url.path) \(exchange.response.status)"
        var findings: [Finding] = []
        let contentType = exchange.response.headers["Content-Type"]
        if exchange.json != nil, !Self.isJSONMediaType(contentType) {
            findings.append(
                Finding(
                    rule: .contentType,
                    message:
                        "\(label): a JSON body labelled \(contentType.map { "'\($0)'" } ?? "with no Content-Type")",
                    expected: "application/json",
                    actual: contentType ?? "absent"
                )
            )
        }
        guard context.version == .v3 else { return findings }
        let header = exchange.response.headers["X-Trace-ID"]
        let inBody = exchange.json?["trace_id"]?.stringValue
        if header == nil {
            findings.append(
                Finding(
                    rule: .traceID,
                    message: "\(label): no X-Trace-ID header",
                    expected: inBody ?? "a trace id",
                    actual: "absent"
                )
            )
        } else if let header, let inBody, header != inBody {
            findings.append(
                Finding(
                    rule: .traceID,
                    message: "\(label): X-Trace-ID differs from the body's trace_id",
                    pointer: "/trace_id",
                    expected: header,
                    actual: inBody
                )
            )
        }
        return findings
    }

    /// Whether a `Content-Type` value is `application/json`, ignoring case, whitespace and parameters.
    static func isJSONMediaType(_ value: String?) -> Bool {
        guard let value else { return false }
        let essence = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return essence.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
