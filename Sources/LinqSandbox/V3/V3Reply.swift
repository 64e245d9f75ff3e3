import ContractKit
import HTTPServer

/// Turns v3 results into HTTP responses: `Content-Type`, `X-Trace-ID`, the error envelope,
/// and the header- and envelope-level faults, applied here and nowhere else.
enum V3Reply {
    static func json(_ status: Int, _ body: JSONValue, _ context: RequestContext) -> HTTPResponse {
        var bytes = body.serialized()
        if context.has(.nonJSONSuccessBody), (200..<300).contains(status) {
            bytes = Array("OK".utf8)
        }
        let contentType = context.has(.wrongContentType) ? "text/plain" : "application/json"
        return HTTPResponse(status: status, headers: headers(contentType, context), body: bytes)
    }

    static func noContent(_ context: RequestContext) -> HTTPResponse {
        HTTPResponse(status: 204, headers: headers(nil, context))
    }

    static func error(_ error: V3Error, _ context: RequestContext) -> HTTPResponse {
        if context.has(.errorWithoutEnvelope) {
            var response = HTTPResponse(
                status: error.status,
                headers: headers("text/plain", context),
                body: Array(error.message.utf8)
            )
            addRetryAfter(error, context, to: &response)
            return response
        }
        var detail = JSONObject()
        detail["status"] = .number(.integer(Int64(envelopeStatus(error, context))))
        detail["code"] = .number(.integer(Int64(error.code)))
        detail["message"] = .string(error.message)
        detail["doc_url"] = .string(error.docURL)
        if let retryAfter = error.retryAfter {
            detail["retry_after"] = .number(.integer(Int64(retryAfter)))
        }
        let body: JSONValue = ["success": false, "error": .object(detail), "trace_id": .string(context.traceID)]
        var response = json(error.status, body, context)
        addRetryAfter(error, context, to: &response)
        return response
    }

    private static func envelopeStatus(_ error: V3Error, _ context: RequestContext) -> Int {
        guard context.has(.errorStatusMismatch) else { return error.status }
        return error.status == 500 ? 400 : 500
    }

    private static func addRetryAfter(_ error: V3Error, _ context: RequestContext, to response: inout HTTPResponse) {
        guard let retryAfter = error.retryAfter, !context.has(.rateLimitWithoutRetryAfter) else { return }
        response.headers["Retry-After"] = String(retryAfter)
    }

    private static func headers(_ contentType: String?, _ context: RequestContext) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let contentType { headers["Content-Type"] = contentType }
        if !context.has(.missingTraceID) { headers["X-Trace-ID"] = context.traceID }
        return headers
    }
}
