/// A v3 error answer: the HTTP status, the Linq error code and the message of the envelope
/// `{success: false, error: {status, code, message, doc_url, retry_after?}, trace_id}`.
struct V3Error: Error, Sendable, Hashable {
    var status: Int
    var code: Int
    var message: String
    /// Seconds; only on 429, where it is also sent as `Retry-After`.
    var retryAfter: Int?

    /// `https://docs.linqapp.com/error/codes/1xxx/1001/`, as the live API links each code.
    var docURL: String {
        let range = "\(code / 1000)xxx"
        return "https://docs.linqapp.com/error/codes/\(range)/\(code)/"
    }

    static func missingField(_ name: String) -> V3Error {
        V3Error(status: 400, code: 1001, message: "Missing required field: \(name)")
    }

    static func invalidPhone(_ field: String, _ value: String) -> V3Error {
        V3Error(
            status: 400,
            code: 1002,
            message: "\(field) must be in E.164 format (e.g. +14155551234), got '\(value)'"
        )
    }

    static func invalidBody(_ reason: String) -> V3Error {
        V3Error(status: 400, code: 1003, message: "Invalid request body: \(reason)")
    }

    static func invalidParameter(_ message: String) -> V3Error {
        V3Error(status: 400, code: 1005, message: message)
    }

    static let unauthorized = V3Error(
        status: 401,
        code: 2004,
        message: "Missing or invalid authentication token (send Authorization: Bearer <key>)"
    )

    static let accessDenied = V3Error(
        status: 403,
        code: 2005,
        message: "You don't have permission to access this resource"
    )

    static func subscriptionNotFound(_ id: String) -> V3Error {
        V3Error(status: 404, code: 2010, message: "Webhook subscription not found: \(id)")
    }

    /// A path the sandbox does not serve. No code is documented for it; 1005 says the path is not a valid parameter.
    static func unknownPath(_ path: String) -> V3Error {
        V3Error(status: 404, code: 1005, message: "No such endpoint: \(path)")
    }

    /// A known path with a method it does not take. No code is documented for 405; 1005 as for unknown paths.
    static func methodNotAllowed(_ method: String, allowed: [String]) -> V3Error {
        V3Error(
            status: 405,
            code: 1005,
            message: "Method \(method) not allowed here; allowed: \(allowed.joined(separator: ", "))"
        )
    }

    /// A body over the sandbox's limit; 5005 is the documented "file too large" code.
    static func payloadTooLarge(limit: Int) -> V3Error {
        V3Error(status: 413, code: 5005, message: "Request body larger than \(limit) bytes")
    }

    static func rateLimited(retryAfter: Int) -> V3Error {
        V3Error(
            status: 429,
            code: 1007,
            message: "Rate limit exceeded; retry after \(retryAfter) s",
            retryAfter: retryAfter
        )
    }

    static let internalError = V3Error(status: 500, code: 3006, message: "Internal server error")
}
