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

    /// A path the sandbox does not serve. No code is documented for an unknown path; every 404 of the
    /// 2026-02 document points at its shared `NotFound` response ("Resource not found", code 2001), which
    /// `specs/v3/openapi.json` keeps, so the sandbox answers with that generic not-found.
    static func unknownPath(_ path: String) -> V3Error {
        V3Error(status: 404, code: 2001, message: "Resource not found: no endpoint \(path)")
    }

    /// A known path with a method it does not take. The v3 documents declare no 405 and no code for one:
    /// a method the path lacks is an operation that does not exist, so it is answered like an unknown path
    /// (404, 2001); the service adds `Allow` with the methods the path does take.
    static func unsupportedMethod(_ method: String, path: String, allowed: [String]) -> V3Error {
        V3Error(
            status: 404,
            code: 2001,
            message: "Resource not found: no \(method) \(path); allowed: \(allowed.joined(separator: ", "))"
        )
    }

    /// A body over the sandbox's limit. No code is documented with 413: the one "too large" code, 5005,
    /// comes with 400 (docs error page), and the 2026-02 document's only 413 example carries 5001, which
    /// the table lists under 500. So the sandbox answers as the table says: 400 with 5005.
    static func bodyTooLarge(limit: Int) -> V3Error {
        V3Error(status: 400, code: 5005, message: "Request body larger than \(limit) bytes")
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
