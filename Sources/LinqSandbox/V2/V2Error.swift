import ContractKit
import HTTPServer

/// A v2 error answer in the `StandardError` shape the webhook-subscription endpoints use:
/// `{"status": "422", "error_code": "validation_failed", "message": "…", "errors": ["…"]}`.
///
/// v2 publishes no code catalogue; the sandbox uses these `error_code` strings:
///
/// | HTTP | `error_code` | When |
/// |---|---|---|
/// | 400 | `invalid_json` | body empty, not JSON, or not an object |
/// | 400 | `parameter_missing` | `webhook_url`, `version` or `events` absent |
/// | 401 | `unauthorized` | `X-LINQ-INTEGRATION-TOKEN` missing or wrong |
/// | 404 | `not_found` | unknown subscription id or unknown path |
/// | 405 | `method_not_allowed` | known path, other method (with `Allow`) |
/// | 413 | `payload_too_large` | body over the sandbox's limit |
/// | 422 | `validation_failed` | a field of the wrong type or an invalid value |
/// | 429 | `rate_limited` | simulated rate limit (with `Retry-After`) |
/// | 500 | `internal_server_error` | simulated server error |
struct V2Error: Error, Sendable, Hashable {
    var status: Int
    var errorCode: String
    var message: String
    var errors: [String]
    var retryAfter: Int?

    static func invalidJSON(_ reason: String) -> V2Error {
        V2Error(status: 400, errorCode: "invalid_json", message: "Request body is not valid JSON", errors: [reason])
    }

    static func parameterMissing(_ name: String) -> V2Error {
        V2Error(
            status: 400,
            errorCode: "parameter_missing",
            message: "param is missing or the value is empty: \(name)",
            errors: ["\(name) is required"]
        )
    }

    static func validationFailed(_ problem: String) -> V2Error {
        V2Error(status: 422, errorCode: "validation_failed", message: "Validation failed", errors: [problem])
    }

    static let unauthorized = V2Error(
        status: 401,
        errorCode: "unauthorized",
        message: "Invalid or missing X-LINQ-INTEGRATION-TOKEN",
        errors: ["authentication required"]
    )

    static func notFound(_ what: String) -> V2Error {
        V2Error(status: 404, errorCode: "not_found", message: "\(what) not found", errors: ["\(what) not found"])
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> V2Error {
        V2Error(
            status: 405,
            errorCode: "method_not_allowed",
            message: "Method \(method) not allowed",
            errors: ["allowed: \(allowed.joined(separator: ", "))"]
        )
    }

    static func payloadTooLarge(limit: Int) -> V2Error {
        V2Error(
            status: 413,
            errorCode: "payload_too_large",
            message: "Request body too large",
            errors: ["limit is \(limit) bytes"]
        )
    }

    static func rateLimited(retryAfter: Int) -> V2Error {
        V2Error(
            status: 429,
            errorCode: "rate_limited",
            message: "Rate limit exceeded",
            errors: ["retry after \(retryAfter) seconds"],
            retryAfter: retryAfter
        )
    }

    static let internalError = V2Error(
        status: 500,
        errorCode: "internal_server_error",
        message: "Internal server error",
        errors: ["unexpected error"]
    )
}

/// Turns v2 results into HTTP responses, applying the v2 response faults.
enum V2Reply {
    static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body.serialized())
    }

    static func error(_ error: V2Error, _ context: RequestContext) -> HTTPResponse {
        var response: HTTPResponse
        if context.has(.v2PlainTextErrors) {
            response = HTTPResponse(
                status: error.status,
                headers: ["Content-Type": "text/plain"],
                body: Array(error.message.utf8)
            )
        } else {
            response = json(
                error.status,
                [
                    "status": .string(String(error.status)), "error_code": .string(error.errorCode),
                    "message": .string(error.message), "errors": .array(error.errors.map(JSONValue.string)),
                ]
            )
        }
        if let retryAfter = error.retryAfter { response.headers["Retry-After"] = String(retryAfter) }
        return response
    }
}
