/// `TransportError` to and from its `results.json` form: `{"kind", "host"?, "detail"?, "afterMs"?,
/// "limit"?, "message"}`, so a merged report rebuilds the same error.
enum TransportErrorCoding {
    static func encode(_ error: TransportError, redactor: Redactor) -> JSONValue {
        var object = JSONObject()
        switch error {
        case .unreachable(let host, let detail):
            object = JSONObject(literal: ["kind": "unreachable", "host": .string(host), "detail": .string(detail)])
        case .dns(let host): object = JSONObject(literal: ["kind": "dns", "host": .string(host)])
        case .tls(let host, let detail):
            object = JSONObject(literal: ["kind": "tls", "host": .string(host), "detail": .string(detail)])
        case .timeout(let after):
            object = JSONObject(literal: [
                "kind": "timeout", "afterMs": .number(.double(ReportTime.milliseconds(after))),
            ])
        case .connectionReset(let detail):
            object = JSONObject(literal: ["kind": "connectionReset", "detail": .string(detail)])
        case .bodyTooLarge(let limit):
            object = JSONObject(literal: ["kind": "bodyTooLarge", "limit": .number(.integer(Int64(limit)))])
        case .invalidResponse(let detail):
            object = JSONObject(literal: ["kind": "invalidResponse", "detail": .string(detail)])
        case .cancelled: object = JSONObject(literal: ["kind": "cancelled"])
        }
        object["message"] = .string(error.description)
        for key in ["host", "detail", "message"] {
            if let value = object[key]?.stringValue { object[key] = .string(redactor.redact(value)) }
        }
        return .object(object)
    }

    /// The error `value` encodes, or `nil` when it is not one ``encode(_:redactor:)`` writes.
    static func decode(_ value: JSONValue) -> TransportError? {
        let host = value["host"]?.stringValue ?? ""
        let detail = value["detail"]?.stringValue ?? ""
        switch value["kind"]?.stringValue {
        case "unreachable": return .unreachable(host: host, detail: detail)
        case "dns": return .dns(host: host)
        case "tls": return .tls(host: host, detail: detail)
        case "timeout":
            return value["afterMs"]?.numberValue.map {
                .timeout(after: ReportTime.duration(milliseconds: $0.doubleValue))
            }
        case "connectionReset": return .connectionReset(detail: detail)
        case "bodyTooLarge": return value["limit"]?.numberValue?.int64Value.map { .bodyTooLarge(limit: Int($0)) }
        case "invalidResponse": return .invalidResponse(detail: detail)
        case "cancelled": return .cancelled
        default: return nil
        }
    }
}

extension JSONObject {
    /// The members of an object written as a `JSONValue` literal (`JSONObject` has no literal syntax).
    init(literal value: JSONValue) {
        self = value.objectValue ?? JSONObject()
    }
}
