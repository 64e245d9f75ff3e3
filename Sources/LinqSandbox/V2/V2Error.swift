/// A v2 error answer: the HTTP status, a code and the messages, rendered by ``V2Reply`` in the
/// ``V2ErrorShape`` of the path.
///
/// v2 publishes no code catalogue; the sandbox uses these codes (`error_code`, or `code` in `Error`):
///
/// | HTTP | code | When |
/// |---|---|---|
/// | 400 | `invalid_json` | body empty, not JSON, or not an object |
/// | 400 | `parameter_missing` | `webhook_url`, `version` or `events` absent |
/// | 400 | `payload_too_large` | body over the sandbox's limit |
/// | 401 | `unauthorized` | `X-LINQ-INTEGRATION-TOKEN` missing or wrong |
/// | 404 | `not_found` | unknown subscription id, unknown path, or a method the path does not take (with `Allow`) |
/// | 422 | `validation_failed` | a field of the wrong type or an invalid value |
/// | 429 | `rate_limited` | simulated rate limit (with `Retry-After`) |
/// | 500 | `internal_server_error` | simulated server error |
///
/// No v2 operation declares 405 or 413 (nor does either error shape, `specs/errors.json` `/v2/shapes`),
/// so a method a path lacks is a route that does not exist (404) and an oversized body a bad request (400),
/// as in v3.
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

    static func unsupportedMethod(_ method: String, path: String, allowed: [String]) -> V2Error {
        V2Error(
            status: 404,
            errorCode: "not_found",
            message: "No route \(method) \(path)",
            errors: ["allowed: \(allowed.joined(separator: ", "))"]
        )
    }

    static func bodyTooLarge(limit: Int) -> V2Error {
        V2Error(
            status: 400,
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
