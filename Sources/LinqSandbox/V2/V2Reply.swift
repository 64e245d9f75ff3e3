import ContractKit
import HTTPServer

/// Turns v2 results into HTTP responses, applying the v2 response faults.
enum V2Reply {
    static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body.serialized())
    }

    /// `error` in `shape`; the sandbox's own endpoints (webhook subscriptions) all use `StandardError`.
    static func error(_ error: V2Error, _ context: RequestContext, shape: V2ErrorShape = .standardError)
        -> HTTPResponse
    {
        var response: HTTPResponse
        if context.has(.v2PlainTextErrors) {
            response = HTTPResponse(
                status: error.status,
                headers: ["Content-Type": "text/plain"],
                body: Array(error.message.utf8)
            )
        } else {
            response = json(error.status, body(error, shape))
        }
        if let retryAfter = error.retryAfter { response.headers["Retry-After"] = String(retryAfter) }
        return response
    }

    private static func body(_ error: V2Error, _ shape: V2ErrorShape) -> JSONValue {
        switch shape {
        case .standardError:
            return [
                "status": .string(String(error.status)), "error_code": .string(error.errorCode),
                "message": .string(error.message), "errors": .array(error.errors.map(JSONValue.string)),
            ]
        case .error:
            var item = JSONObject()
            item["status"] = .number(.integer(Int64(error.status)))
            item["code"] = .string(error.errorCode)
            item["title"] = .string(error.message)
            item["detail"] = .string(error.errors.joined(separator: "; "))
            return ["errors": [.object(item)]]
        }
    }
}
