import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

/// Deliveries over real loopback sockets: signatures, envelopes and the retry schedule.
@Suite struct WebhookDeliveryTests {
    typealias F = SandboxFixture

    static func trigger(
        _ service: SandboxService,
        _ eventType: String,
        api: String = "v3",
        phone: String? = nil,
        faults: [SandboxFault] = []
    ) throws -> JSONValue {
        var body: JSONValue = ["event_type": .string(eventType), "api": .string(api)]
        if let phone, case .object(var object) = body {
            object["phone_number"] = .string(phone)
            body = .object(object)
        }
        let headers = faults.isEmpty ? [:] : ["X-Sandbox-Fault": faults.map(\.name).joined(separator: ",")]
        let response = service.handle(F.request("POST", "/_sandbox/events", json: body, headers: headers))
        try #require(response.status == 202, "\(response.text)")
        return try response.json()
    }

    /// The attempts `GET /_sandbox/deliveries` lists for `id`, once there are `count` (or after 5 s).
    static func deliveries(_ service: SandboxService, _ id: String, atLeast count: Int) async throws -> [JSONValue] {
        var attempts: [JSONValue] = []
        for _ in 0..<500 where attempts.count < count {
            try await Task.sleep(for: .milliseconds(10))
            let response = service.handle(F.request("GET", "/_sandbox/deliveries?subscription_id=\(id)"))
            attempts = try response.json()["deliveries"]?.arrayValue ?? []
        }
        return attempts
    }

    @Test func v3DeliveriesCarryBothValidSignaturesAndASchemaValidEnvelope() async throws {
        let receiver = try LoopbackReceiver()
        defer { receiver.stop() }
        let service = try SandboxService(configuration: F.configuration())
        defer { service.cancelDeliveries() }
        let created = try F.createV3(service, receiver.url("/hook?version=2025-01-01"), events: ["message.received"])
        let secret = try #require(created["signing_secret"]?.stringValue)
        let answer = try Self.trigger(service, "message.received")
        #expect(answer["subscription_ids"] == [created["id"] ?? .null])

        let arrived = try #require(await receiver.waitFor(1).first?.request)
        let now = Int(Date().timeIntervalSince1970)
        for scheme in [StandardWebhooksScheme() as any WebhookSignatureScheme, LegacyHexScheme()] {
            let verdict = scheme.verify(
                body: arrived.body,
                headers: arrived.headers,
                secret: secret,
                now: now,
                tolerance: 300
            )
            #expect(verdict.isValid, "\(scheme.name): \(verdict.problems)")
        }
        let envelope = try JSONParser.parse(arrived.body)
        #expect(envelope["api_version"] == "v3")
        #expect(envelope["webhook_version"] == "2025-01-01")
        #expect(envelope["event_id"] == answer["event_id"])
        #expect(envelope["partner_id"] == "sandbox-partner")
        #expect(arrived.headers["webhook-id"] == answer["event_id"]?.stringValue)
        #expect(arrived.headers["X-Webhook-Event"] == "message.received")
        let specs = try F.specs()
        let pointer = try #require(specs.v3.payloadSchema(eventType: "message.received", version: "2025-01-01"))
        #expect(SchemaValidator(document: specs.v3.document).validate(envelope, schemaAt: pointer).isEmpty)

        let history = try await Self.deliveries(service, created["id"]?.stringValue ?? "", atLeast: 1)
        #expect(history.count == 1)
        #expect(history.first?["status"] == 200)
    }

    @Test func v2DeliveriesAreSignedWithSha256AndCountedOnTheSubscription() async throws {
        let receiver = try LoopbackReceiver()
        defer { receiver.stop() }
        let service = try SandboxService(configuration: F.configuration())
        defer { service.cancelDeliveries() }
        let collection = "/api/partner/v2/webhook_subscriptions"
        _ = service.handle(F.v2("POST", collection, json: F.v2Body(receiver.url(), secret: "your-webhook-secret-key")))
        _ = try Self.trigger(service, "message.sent", api: "v2")
        let arrived = try #require(await receiver.waitFor(1).first?.request)
        #expect(arrived.headers["X-Webhook-Signature"]?.hasPrefix("sha256=") == true)
        let verdict = V2SignatureScheme().verify(
            body: arrived.body,
            headers: arrived.headers,
            secret: "your-webhook-secret-key",
            now: 0,
            tolerance: 300
        )
        #expect(verdict.isValid)
        let envelope = try JSONParser.parse(arrived.body)
        #expect(envelope.objectValue?.keys == ["api_version", "created_at", "data", "event_id", "event_type"])
        let specs = try F.specs()
        let pointer = try #require(
            specs.v2.payloadSchema(eventType: "message.sent", version: EventCatalog.defaultWebhookVersion)
        )
        #expect(SchemaValidator(document: specs.v2.document).validate(envelope, schemaAt: pointer).isEmpty)

        _ = try await Self.deliveries(service, "1", atLeast: 1)
        let listed = try service.handle(F.v2("GET", collection)).json()["webhook_subscriptions"]?[0]
        #expect(listed?["delivery_attempts"] == 1)
        #expect(listed?["last_delivered_at"]?.stringValue != nil)
    }

    @Test func serverErrorsAreRetriedWithGrowingGapsAndTheSameEventID() async throws {
        let receiver = try LoopbackReceiver(script: [503, 503])
        defer { receiver.stop() }
        let service = try SandboxService(configuration: F.configuration(timeScale: 0.05))
        defer { service.cancelDeliveries() }
        _ = try F.createV3(service, receiver.url())
        _ = try Self.trigger(service, "message.sent")
        let arrived = await receiver.waitFor(3)
        try await Task.sleep(for: .milliseconds(400))
        #expect(receiver.received.count == 3)
        let ids = Set(arrived.map { $0.request.headers["webhook-id"] })
        #expect(ids.count == 1)
        let eventIDs = Set(arrived.compactMap { try? JSONParser.parse($0.request.body)["event_id"] })
        #expect(eventIDs.count == 1)
        try #require(arrived.count == 3)
        let first = arrived[1].at - arrived[0].at
        let second = arrived[2].at - arrived[1].at
        // Sleeps never end early, so the scheduled 1.5 s and 3 s (× 0.05) are lower bounds even on a busy machine.
        #expect(first >= .milliseconds(75) && second >= .milliseconds(150), "gaps \(first), \(second)")
    }

    @Test(arguments: [(400, 1), (404, 1), (429, 2)])
    func clientErrorsAreFinalExceptRateLimits(_ status: Int, _ attempts: Int) async throws {
        let receiver = try LoopbackReceiver(script: [status])
        defer { receiver.stop() }
        let service = try SandboxService(configuration: F.configuration())
        defer { service.cancelDeliveries() }
        _ = try F.createV3(service, receiver.url())
        _ = try Self.trigger(service, "message.sent")
        _ = await receiver.waitFor(attempts)
        try await Task.sleep(for: .milliseconds(150))
        #expect(receiver.received.count == attempts)
    }

    @Test func refusedConnectionsAreRetried() async throws {
        let closed = try LoopbackReceiver()
        closed.stop()
        let service = try SandboxService(configuration: F.configuration())
        defer { service.cancelDeliveries() }
        let id = try F.createV3(service, closed.url())["id"]?.stringValue ?? ""
        _ = try Self.trigger(service, "message.sent")
        let attempts = try await Self.deliveries(service, id, atLeast: 3)
        #expect(attempts.count >= 3)
        #expect(attempts.allSatisfy { $0["status"] == .null && $0["error"]?.stringValue != nil })
    }
}
