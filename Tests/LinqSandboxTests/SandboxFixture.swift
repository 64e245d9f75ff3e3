import ContractKit
import Foundation
import HTTPServer
import Synchronization
import Testing

@testable import LinqSandbox

/// Builders for sandbox requests and readers for its responses.
enum SandboxFixture {
    static let specsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs")

    static let v3Key = SandboxConfiguration.defaultV3APIKey
    static let v2Token = SandboxConfiguration.defaultV2IntegrationToken

    static func configuration(faults: Set<SandboxFault> = [], timeScale: Double = 0.001) -> SandboxConfiguration {
        SandboxConfiguration(faults: faults, timeScale: timeScale, specsDirectory: specsDirectory)
    }

    /// Loaded once for the whole test target: parsing the specs and generating payloads is the slow part.
    private static let loadedSpecs = Result { () throws(SandboxError) in try SandboxSpecs.load(from: specsDirectory) }

    static func specs() throws -> SandboxSpecs {
        try loadedSpecs.get()
    }

    /// A service that posts deliveries to `poster` (a scripted stub by default).
    static func service(
        faults: Set<SandboxFault> = [],
        timeScale: Double = 0.001,
        poster: any WebhookPoster = ScriptedPoster()
    ) throws -> SandboxService {
        SandboxService(
            configuration: configuration(faults: faults, timeScale: timeScale),
            specs: try specs(),
            poster: poster
        )
    }

    static func request(
        _ method: String,
        _ target: String,
        json body: JSONValue? = nil,
        raw: String? = nil,
        headers: [String: String] = [:]
    ) -> HTTPRequest {
        var fields = HTTPHeaders(headers.map { ($0.key, $0.value) })
        if body != nil || raw != nil { fields["Content-Type"] = "application/json" }
        let bytes = raw.map { Array($0.utf8) } ?? body?.serialized() ?? []
        return HTTPRequest(method: method, target: target, headers: fields, body: bytes)
    }

    /// A v3 request with the sandbox's bearer key unless `headers` says otherwise.
    static func v3(
        _ method: String,
        _ target: String,
        json body: JSONValue? = nil,
        raw: String? = nil,
        headers: [String: String] = [:]
    ) -> HTTPRequest {
        var all = ["Authorization": "Bearer \(v3Key)"]
        all.merge(headers) { $1 }
        return request(method, target, json: body, raw: raw, headers: all)
    }

    /// A v2 request with the sandbox's integration token unless `headers` says otherwise.
    static func v2(
        _ method: String,
        _ target: String,
        json body: JSONValue? = nil,
        raw: String? = nil,
        headers: [String: String] = [:]
    ) -> HTTPRequest {
        var all = ["X-LINQ-INTEGRATION-TOKEN": v2Token]
        all.merge(headers) { $1 }
        return request(method, target, json: body, raw: raw, headers: all)
    }

    static func createBody(
        _ url: String = "https://example.com/hook",
        events: [String] = ["message.sent"],
        phones: [String]? = nil
    ) -> JSONValue {
        var body: JSONValue = [
            "target_url": .string(url), "subscribed_events": .array(events.map(JSONValue.string)),
        ]
        if let phones, case .object(var object) = body {
            object["phone_numbers"] = .array(phones.map(JSONValue.string))
            body = .object(object)
        }
        return body
    }

    /// Creates a v3 subscription and returns the create response body.
    static func createV3(
        _ service: SandboxService,
        _ url: String = "https://example.com/hook",
        events: [String] = ["message.sent"],
        phones: [String]? = nil
    ) throws -> JSONValue {
        let response = service.handle(
            v3("POST", "/v3/webhook-subscriptions", json: createBody(url, events: events, phones: phones))
        )
        try #require(response.status == 201, "create answered \(response.status): \(response.text)")
        return try response.json()
    }

    static func v2Body(
        _ url: String = "https://example.com/v2hook",
        events: [String] = ["message.sent"],
        secret: String? = nil
    ) -> JSONValue {
        var fields = JSONObject()
        fields["webhook_url"] = .string(url)
        fields["version"] = 2
        fields["events"] = .array(events.map(JSONValue.string))
        if let secret { fields["secret"] = .string(secret) }
        return ["webhook_subscription": .object(fields)]
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> JSONValue { try JSONParser.parse(body) }

    /// The v3 envelope's `error.code`, or `nil`.
    var v3Code: Int64? { (try? json())?["error"]?["code"]?.numberValue?.int64Value }
}

/// A poster that answers from a script (then 200) and remembers every request, for deliveries without sockets.
final class ScriptedPoster: WebhookPoster {
    struct Sent: Sendable {
        var url: URL
        var headers: HTTPHeaders
        var body: [UInt8]
        var at: ContinuousClock.Instant
    }

    private let state: Mutex<(script: [DeliveryOutcome], sent: [Sent])>

    init(_ script: [DeliveryOutcome] = []) {
        state = Mutex((script, []))
    }

    var sent: [Sent] { state.withLock { $0.sent } }

    func post(to url: URL, headers: HTTPHeaders, body: [UInt8]) async -> DeliveryOutcome {
        state.withLock { state in
            state.sent.append(Sent(url: url, headers: headers, body: body, at: .now))
            return state.script.isEmpty ? .status(200) : state.script.removeFirst()
        }
    }

    /// Waits until `count` requests were posted or `timeout` passed; returns what was posted.
    func waitFor(_ count: Int, timeout: Duration = .seconds(5)) async -> [Sent] {
        let deadline = ContinuousClock.now + timeout
        while sent.count < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return sent
    }
}
