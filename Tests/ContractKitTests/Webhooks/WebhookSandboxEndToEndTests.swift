import ContractKit
import Foundation
import LinqSandbox
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
import TestSupport
#endif

/// The sandbox delivers to the receiver; the delivery checks must pass on a clean run and each delivery
/// fault of the sandbox must make its own rule fail.
@Suite("Webhooks end to end against the sandbox", .timeLimit(.minutes(2)), .blockingIO)
struct WebhookSandboxEndToEndTests {
    /// One trigger against one subscription, with the receiver's script and the sandbox fault to act out.
    struct Case: Sendable, CustomTestStringConvertible {
        var version: APIVersion
        var fault: SandboxFault?
        /// Five failures: enough gaps that one attempt delayed by the machine cannot sway the backoff fit.
        var script: WebhookReceiver.Script = [503, 503, 503, 503, 503, 200]
        /// How many attempts a conforming sender makes under `script`.
        var attempts = 6
        var phoneFilter: [String] = []
        var phoneNumber: String?

        var testDescription: String {
            "\(version) \(fault?.name ?? "no fault"), receiver answers \(script)"
        }
    }

    /// The sandbox's schedule (1.5 s, 3 s, 6 s, …) at 75 ms, 150 ms, 300 ms: slow enough that the latency
    /// of a loaded machine (seen up to 150 ms on one attempt) stays an outlier the backoff fit ignores.
    private static let timeScale = 0.05

    static let cases: [Case] = [
        Case(version: .v3, fault: nil),
        Case(version: .v2, fault: nil),
        Case(version: .v3, fault: .badSignature, script: [200], attempts: 1),
        Case(version: .v3, fault: .staleTimestamp, script: [200], attempts: 1),
        Case(version: .v3, fault: .signatureOverReserializedBody, script: [200], attempts: 1),
        Case(version: .v2, fault: .signatureOverReserializedBody, script: [200], attempts: 1),
        Case(version: .v2, fault: .v2UnsignedDelivery, script: [200], attempts: 1),
        Case(version: .v3, fault: .noRetryOn5xx),
        Case(version: .v3, fault: nil, script: [.drop, 200], attempts: 2),
        Case(version: .v2, fault: .noRetryOnNetworkError, script: [.drop, 200], attempts: 2),
        Case(version: .v3, fault: .retryOn4xx, script: [400, 200], attempts: 1),
        Case(version: .v3, fault: .retryWithoutBackoff),
        Case(version: .v3, fault: .newEventIDPerRetry),
        Case(
            version: .v3,
            fault: .phoneFilterIgnored,
            script: [200],
            attempts: 0,
            phoneFilter: ["+15550000001"],
            phoneNumber: "+15550000002"
        ),
    ]

    @Test("every delivery fault of the sandbox has a case")
    func everyDeliveryFaultCovered() {
        let deliveryFaults = SandboxFault.allCases.filter { $0.rule.rawValue.hasPrefix("webhook.") }
        #expect(Set(deliveryFaults).isSubset(of: Set(Self.cases.compactMap(\.fault))))
    }

    @Test("a clean sandbox passes every delivery check; each delivery fault fails its own rule", arguments: cases)
    func deliveries(_ testCase: Case) async throws {
        let sandbox = LinqSandbox(
            configuration: SandboxConfiguration(
                timeScale: Self.timeScale,
                specsDirectory: URL(fileURLWithPath: SpecFixtures.packageRoot + "/specs")
            )
        )
        let base = try sandbox.start()
        defer { sandbox.stop() }
        let receiver = WebhookReceiver()
        try receiver.start()
        defer { receiver.stop() }

        let path = "/hooks/e2e/\(testCase.version)"
        receiver.setScript(testCase.script, for: path)
        let secret = try await subscribe(testCase, base: base, url: receiver.url(for: path + "?version=2026-02-03"))
        try await trigger(testCase, base: base)

        var received = await receiver.waitForDeliveries(path: path, count: testCase.attempts, timeout: .seconds(6))
        received = await receiver.waitUntilQuiet(path: path, quiet: .seconds(1), timeout: .seconds(10))
        let findings = try check(received, testCase, secret: secret, path: path)

        if let fault = testCase.fault {
            #expect(findings.contains { $0.rule == fault.rule }, "\(fault.name): \(findings.map(\.message))")
        } else {
            #expect(received.count == testCase.attempts)
            #expect(findings.isEmpty, "\(findings.map(\.message))")
        }
    }

    private func check(
        _ received: [ReceivedDelivery],
        _ testCase: Case,
        secret: String,
        path: String
    ) throws
        -> [Finding]
    {
        let spec = try DeliveryFixtures.spec(testCase.version.rawValue)
        let subscription = DeliverySubscription(
            path: path,
            secret: secret,
            eventTypes: ["message.sent"],
            phoneNumbers: testCase.phoneFilter,
            webhookVersion: testCase.version == .v3 ? "2026-02-03" : nil
        )
        if let phoneNumber = testCase.phoneNumber, !testCase.phoneFilter.contains(phoneNumber) {
            return DeliveryEnvelopeCheck.unexpected(received, reason: "the subscription filters to other lines")
        }
        let signatures = testCase.version == .v3 ? DeliverySignatureCheck.v3() : .v2
        return signatures.check(received, secret: secret).findings
            + DeliveryEnvelopeCheck(document: spec).check(received, subscription: subscription)
            + DeliveryTimeline(received, timeScale: Self.timeScale).findings(policy: DeliveryPolicy(document: spec))
    }

    /// Creates the subscription and returns its signing secret.
    private func subscribe(_ testCase: Case, base: URL, url: URL) async throws -> String {
        switch testCase.version {
        case .v3:
            var body = JSONObject()
            body["target_url"] = .string(url.absoluteString)
            body["subscribed_events"] = ["message.sent"]
            if !testCase.phoneFilter.isEmpty {
                body["phone_numbers"] = .array(testCase.phoneFilter.map(JSONValue.string))
            }
            let created = try await post(
                base.appending(path: "v3/webhook-subscriptions"),
                .object(body),
                headers: ["Authorization": "Bearer " + SandboxConfiguration.defaultV3APIKey]
            )
            return try #require(created["signing_secret"]?.stringValue)
        case .v2:
            let secret = "e2e-v2-secret"
            let body: JSONValue = [
                "webhook_subscription": [
                    "webhook_url": .string(url.absoluteString), "version": 2, "events": ["message.sent"],
                    "secret": .string(secret),
                ]
            ]
            _ = try await post(
                base.appending(path: "api/partner/v2/webhook_subscriptions"),
                body,
                headers: ["X-LINQ-INTEGRATION-TOKEN": SandboxConfiguration.defaultV2IntegrationToken]
            )
            return secret
        }
    }

    private func trigger(_ testCase: Case, base: URL) async throws {
        var body = JSONObject()
        body["event_type"] = "message.sent"
        body["api"] = .string(testCase.version.rawValue)
        if let phoneNumber = testCase.phoneNumber { body["phone_number"] = .string(phoneNumber) }
        let headers = testCase.fault.map { ["X-Sandbox-Fault": $0.name] } ?? [:]
        _ = try await post(base.appending(path: "_sandbox/events"), .object(body), headers: headers)
    }

    private func post(_ url: URL, _ body: JSONValue, headers: [String: String]) async throws -> JSONValue {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body.serialized())
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        #expect(
            (200..<300).contains(status),
            "\(url.path) answered \(status): \(String(decoding: data, as: UTF8.self))"
        )
        return try JSONParser.parse(Array(data))
    }
}
