import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox
import TestSupport

/// Delivery faults and filters, with a scripted poster instead of sockets.
@Suite(.blockingIO) struct DeliveryFaultTests {
    typealias F = SandboxFixture
    typealias T = WebhookDeliveryTests

    /// One v3 delivery under `faults`, with the subscription's secret.
    func deliver(
        _ faults: [SandboxFault],
        script: [DeliveryOutcome] = [],
        count: Int = 1
    ) async throws
        -> (sent: [ScriptedPoster.Sent], secret: String)
    {
        let poster = ScriptedPoster(script)
        let service = try F.service(poster: poster)
        defer { service.cancelDeliveries() }
        let secret = try F.createV3(service)["signing_secret"]?.stringValue ?? ""
        _ = try T.trigger(service, "message.sent", faults: faults)
        _ = await poster.waitFor(count)
        try await Task.sleep(for: .milliseconds(60))
        return (poster.sent, secret)
    }

    func verdicts(_ sent: ScriptedPoster.Sent, _ secret: String, now: Int) -> [SignatureVerdict] {
        [StandardWebhooksScheme() as any WebhookSignatureScheme, LegacyHexScheme()].map {
            $0.verify(body: sent.body, headers: sent.headers, secret: secret, now: now, tolerance: 300)
        }
    }

    @Test(arguments: [SandboxFault.badSignature, .signatureOverReserializedBody, .staleTimestamp])
    func signingFaultsBreakEverySchemeWhileTheCleanDeliveryVerifies(_ fault: SandboxFault) async throws {
        let now = Int(Date().timeIntervalSince1970)
        let clean = try await deliver([])
        #expect(verdicts(clean.sent[0], clean.secret, now: now).allSatisfy { $0.isValid })
        let faulted = try await deliver([fault])
        let results = verdicts(faulted.sent[0], faulted.secret, now: now)
        #expect(results.allSatisfy { !$0.isValid })
        if fault == .staleTimestamp {
            #expect(verdicts(faulted.sent[0], faulted.secret, now: now - 600).allSatisfy { $0.isValid })
        }
        #expect(clean.sent[0].body.count == faulted.sent[0].body.count)
    }

    @Test func retryFaultsChangeWhichOutcomesAreRetried() async throws {
        #expect(try await deliver([], script: [.status(503)], count: 2).sent.count == 2)
        #expect(try await deliver([.noRetryOn5xx], script: [.status(503)]).sent.count == 1)
        #expect(try await deliver([], script: [.status(400)]).sent.count == 1)
        #expect(try await deliver([.retryOn4xx], script: [.status(400)], count: 2).sent.count == 2)
        #expect(try await deliver([], script: [.networkError("dropped")], count: 2).sent.count == 2)
        #expect(try await deliver([.noRetryOnNetworkError], script: [.networkError("dropped")]).sent.count == 1)
        #expect(try await deliver([.noRetryOnNetworkError], script: [.status(503)], count: 2).sent.count == 2)
    }

    @Test func newEventIDPerRetryChangesTheIDOnEveryAttempt() async throws {
        let script: [DeliveryOutcome] = [.status(500), .status(500)]
        let clean = try await deliver([], script: script, count: 3).sent.map { $0.headers["webhook-id"] }
        #expect(Set(clean).count == 1 && clean.count == 3)
        let faulted = try await deliver([.newEventIDPerRetry], script: script, count: 3).sent
        #expect(Set(faulted.map { $0.headers["webhook-id"] }).count == 3)
        #expect(Set(faulted.compactMap { try? JSONParser.parse($0.body)["event_id"] }).count == 3)
    }

    @Test func theDocumentedScheduleGrowsToAbout25MinutesAndTheFaultFlattensIt() {
        let policy = RetryPolicy.documented
        let delays = (1...policy.maxRetries).map { policy.delay(beforeRetry: $0, faults: []) }
        #expect(delays.first == 1.5 && zip(delays, delays.dropFirst()).allSatisfy { $1 == $0 * 2 })
        #expect((1500...1560).contains(delays.reduce(0, +)))
        let flat = (1...policy.maxRetries).map { policy.delay(beforeRetry: $0, faults: [.retryWithoutBackoff]) }
        #expect(Set(flat) == [1.5])
        #expect(policy.shouldRetry(after: .networkError("refused"), faults: []))
        #expect(!policy.shouldRetry(after: .status(204), faults: [.retryOn4xx]))
    }

    @Test func filtersSelectByEventTypePhoneNumberAndActivity() throws {
        let service = try F.service()
        defer { service.cancelDeliveries() }
        let filtered = try F.createV3(service, "https://example.com/a", phones: ["+12025550100"])["id"]
        let everyLine = try F.createV3(service, "https://example.com/b")["id"]
        let otherEvent = try F.createV3(service, "https://example.com/c", events: ["message.read"])["id"]
        let inactive = try F.createV3(service, "https://example.com/d")["id"]?.stringValue ?? ""
        _ = service.handle(F.v3("PUT", "/v3/webhook-subscriptions/\(inactive)", json: ["is_active": false]))

        let ids = { (answer: JSONValue) in Set(answer["subscription_ids"]?.arrayValue ?? []) }
        #expect(ids(try T.trigger(service, "message.sent", phone: "+12025550100")) == [filtered, everyLine])
        #expect(ids(try T.trigger(service, "message.sent", phone: "+12025550199")) == [everyLine])
        #expect(ids(try T.trigger(service, "message.sent")) == [everyLine])
        #expect(ids(try T.trigger(service, "message.read")) == [otherEvent])
        let ignoring = try T.trigger(service, "message.sent", phone: "+12025550199", faults: [.phoneFilterIgnored])
        #expect(ids(ignoring) == [filtered, everyLine])
        _ = otherEvent
    }

    @Test func v2UnsignedDeliveryDropsOnlyTheSignature() async throws {
        let poster = ScriptedPoster()
        let service = try F.service(poster: poster)
        defer { service.cancelDeliveries() }
        _ = service.handle(F.v2("POST", "/api/partner/v2/webhook_subscriptions", json: F.v2Body(secret: "k")))
        _ = try T.trigger(service, "message.sent", api: "v2")
        _ = try T.trigger(service, "message.sent", api: "v2", faults: [.v2UnsignedDelivery])
        let sent = await poster.waitFor(2)
        try #require(sent.count == 2)
        #expect(sent.filter { $0.headers["X-Webhook-Signature"] != nil }.count == 1)
    }

    @Test func cancellingStopsPendingRetries() async throws {
        let poster = ScriptedPoster([.status(503), .status(503)])
        let service = try F.service(timeScale: 1, poster: poster)
        _ = try F.createV3(service)
        _ = try T.trigger(service, "message.sent")
        _ = await poster.waitFor(1)
        service.cancelDeliveries()
        try await Task.sleep(for: .milliseconds(1700))
        #expect(poster.sent.count == 1)
        #expect(try T.trigger(service, "message.sent")["subscription_ids"]?.arrayValue?.count == 1)
        try await Task.sleep(for: .milliseconds(50))
        #expect(poster.sent.count == 1)
    }

    @Test func badControlRequestsGetTheV3Envelope() throws {
        let service = try F.service()
        let cases: [(JSONValue, Int64)] = [
            (["api": "v3"], 1001), (["event_type": "nope"], 1005), (["event_type": "message.sent", "api": "v4"], 1005),
            (["event_type": "message.sent", "phone_number": "555"], 1002),
            (["event_type": "message.edited", "api": "v2"], 1005),
        ]
        for (body, code) in cases {
            #expect(service.handle(F.request("POST", "/_sandbox/events", json: body)).v3Code == code, "\(body)")
        }
    }
}
