import Foundation
import HTTPServer

@testable import ContractKit

/// The committed specs and error table, and hand-made exchanges to run checks on.
enum CheckFixtures {
    static let specs: [APIVersion: OpenAPIDocument] = {
        var specs: [APIVersion: OpenAPIDocument] = [:]
        for version in APIVersion.allCases {
            specs[version] = try! OpenAPIDocument.load(
                from: "\(SpecFixtures.packageRoot)/specs/\(version.rawValue)/openapi.json"
            )
        }
        return specs
    }()

    static let codes = try! ErrorCodeTable.load(from: "\(SpecFixtures.packageRoot)/specs/errors.json")
    static let validators = SpecValidators(specs: specs)

    /// A v3 subscription exactly as the spec describes it.
    static let subscription: JSONValue = [
        "id": "b2c3d4e5-f6a7-8901-bcde-f23456789012",
        "target_url": "https://example.com/hook",
        "subscribed_events": ["message.sent", "message.received"],
        "phone_numbers": .null,
        "is_active": true,
        "created_at": "2026-01-15T10:30:00Z",
        "updated_at": "2026-01-15T10:30:00Z",
    ]

    static let traceID = "2eff5df5c6f688733c007523c4d61cd9"

    /// The v3 error envelope for `status` and `code`.
    static func v3Error(status: Int, code: Int, retryAfter: Int? = nil) -> JSONValue {
        var detail = JSONObject()
        detail["status"] = .number(.integer(Int64(status)))
        detail["code"] = .number(.integer(Int64(code)))
        detail["message"] = "m"
        if let retryAfter { detail["retry_after"] = .number(.integer(Int64(retryAfter))) }
        return ["success": false, "error": .object(detail), "trace_id": .string(traceID)]
    }

    /// `value` (an object) with `key` set to `member`, or removed when `member` is `nil`.
    static func setting(_ value: JSONValue, _ key: String, _ member: JSONValue?) -> JSONValue {
        var object = value.objectValue ?? JSONObject()
        object[key] = member
        return .object(object)
    }

    /// One exchange: `method path` answered with `status`, `body` (JSON or raw bytes) and `headers`.
    static func exchange(
        _ method: String,
        _ path: String,
        status: Int,
        json: JSONValue? = nil,
        raw: [UInt8]? = nil,
        headers: HTTPHeaders? = nil,
        base: String = "http://127.0.0.1:9"
    ) -> Exchange {
        var defaultHeaders: HTTPHeaders = ["Content-Type": "application/json", "X-Trace-ID": traceID]
        if json == nil && raw == nil { defaultHeaders = ["X-Trace-ID": traceID] }
        let response = TransportResponse(
            status: status,
            headers: headers ?? defaultHeaders,
            body: raw ?? json?.serialized() ?? []
        )
        return Exchange(request: TransportRequest(method: method, url: URL(string: base + path)!), response: response)
    }

    /// The context the runner would give for `method path` of `version`.
    static func context(_ version: APIVersion, _ method: String, _ path: String) -> CheckContext {
        let spec = specs[version]!
        return CheckContext(
            version: version,
            spec: spec,
            operation: spec.operation(method: method, path: path),
            expectedStatuses: [],
            scenario: "fixture",
            step: "step"
        )
    }

    static func run(_ check: some ResponseCheck, _ exchange: Exchange, version: APIVersion = .v3) -> [Finding] {
        check.check(exchange, context: context(version, exchange.request.method, exchange.request.url.path))
    }
}
