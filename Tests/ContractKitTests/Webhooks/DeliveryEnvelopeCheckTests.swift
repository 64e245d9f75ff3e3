import ContractKit
import Foundation
import Testing

@Suite("DeliveryEnvelopeCheck")
struct DeliveryEnvelopeCheckTests {
    private let subscription = DeliverySubscription(
        path: "/hooks/a",
        secret: nil,
        eventTypes: ["message.sent", "message.received"]
    )

    private func body(_ value: JSONValue) -> [UInt8] { value.serialized() }

    @Test("every example of the v3 and v2 specs passes against its own event schema")
    func specExamplesPass() throws {
        for (version, container) in [("v3", "webhooks"), ("v2", "x-webhooks")] {
            let spec = try DeliveryFixtures.spec(version)
            let check = DeliveryEnvelopeCheck(document: spec)
            var checked = 0
            for (name, _) in spec[container]?.objectValue?.members ?? [] {
                guard let example = DeliveryFixtures.example(name, in: spec, container: container),
                    let eventType = example["event_type"]?.stringValue
                else { continue }
                let everything = DeliverySubscription(path: "/hooks/a", secret: nil, eventTypes: [eventType])
                let findings = check.check(DeliveryFixtures.delivery(body(example)), subscription: everything)
                #expect(findings.isEmpty, "\(version) \(name): \(findings.map(\.message))")
                checked += 1
            }
            #expect(checked >= 3, "\(version) has too few examples to mean anything")
        }
    }

    @Test("the payload schema is chosen by event type and webhook_version")
    func schemaByVersion() throws {
        let check = DeliveryEnvelopeCheck(document: try DeliveryFixtures.spec("v3"))
        #expect(
            check.schemaPointer(eventType: "message.sent", webhookVersion: "2026-02-03")?.description
                == "/webhooks/message.sent.v2026/post/requestBody/content/application~1json/schema"
        )
        #expect(
            check.schemaPointer(eventType: "message.sent", webhookVersion: "2025-01-01")?.description
                == "/webhooks/message.sent.v2025/post/requestBody/content/application~1json/schema"
        )
        #expect(check.schemaPointer(eventType: "message.sent", webhookVersion: "1999-01-01") == nil)
        let v2 = DeliveryEnvelopeCheck(document: try DeliveryFixtures.spec("v2"))
        #expect(v2.schemaPointer(eventType: "message.sent", webhookVersion: nil) != nil)
    }

    @Test("a missing envelope field is a webhook.envelope finding pointing at its parent")
    func missingField() throws {
        let spec = try DeliveryFixtures.spec("v3")
        var example = try #require(DeliveryFixtures.example("message.sent.v2026", in: spec)?.objectValue)
        example["event_id"] = nil
        example["data"] = ["id": 42]
        let findings = DeliveryEnvelopeCheck(document: spec).check(
            DeliveryFixtures.delivery(body(.object(example))),
            subscription: subscription
        )
        #expect(
            findings.contains { $0.rule == .webhookEnvelope && $0.pointer == "" && $0.message.contains("event_id") }
        )
        #expect(findings.contains { $0.rule == .webhookEnvelope && $0.pointer.hasPrefix("/data") })
    }

    @Test("an event the subscription did not ask for is webhook.filter")
    func unsubscribedType() throws {
        let spec = try DeliveryFixtures.spec("v3")
        let example = try #require(DeliveryFixtures.example("message.read.v2026", in: spec))
        let findings = DeliveryEnvelopeCheck(document: spec).check(
            DeliveryFixtures.delivery(body(example)),
            subscription: subscription
        )
        #expect(findings.map(\.rule) == [.webhookFilter])
        #expect(findings.first?.actual == "message.read")
    }

    @Test("a payload version other than the URL's ?version= and a mismatching X-Webhook-Event are findings")
    func versionAndHeader() throws {
        let spec = try DeliveryFixtures.spec("v3")
        let example = try #require(DeliveryFixtures.example("message.sent.v2026", in: spec))
        var expecting2025 = subscription
        expecting2025.webhookVersion = "2025-01-01"
        let delivery = DeliveryFixtures.delivery(body(example), headers: ["X-Webhook-Event": "message.received"])
        let findings = DeliveryEnvelopeCheck(document: spec).check(delivery, subscription: expecting2025)
        #expect(Set(findings.map(\.pointer)) == ["/webhook_version", "/event_type"])
        #expect(findings.allSatisfy { $0.rule == .webhookEnvelope })
    }

    @Test("an event type the spec does not know is a warning and is still checked against the envelope")
    func unknownEventType() throws {
        let spec = try DeliveryFixtures.spec("v3")
        var example = try #require(DeliveryFixtures.example("message.sent.v2026", in: spec)?.objectValue)
        example["event_type"] = "message.bounced"
        var open = subscription
        open.eventTypes.insert("message.bounced")
        let findings = DeliveryEnvelopeCheck(document: spec).check(
            DeliveryFixtures.delivery(body(.object(example))),
            subscription: open
        )
        #expect(findings.contains { $0.rule == .webhookEnvelope && $0.severity == .warning })
        #expect(findings.contains { $0.rule == .enumValue && $0.pointer == "/event_type" })
    }

    @Test(
        "no body, invalid UTF-8, non-JSON and oversized bodies are findings, not crashes",
        arguments: [[], [0x7b, 0xff, 0xfe, 0x7d], Array("OK".utf8)] as [[UInt8]]
    )
    func badBodies(bytes: [UInt8]) throws {
        let check = DeliveryEnvelopeCheck(document: try DeliveryFixtures.spec("v3"))
        let findings = check.check(DeliveryFixtures.delivery(bytes), subscription: subscription)
        #expect(findings.map(\.rule) == [.webhookEnvelope])
        var oversized = DeliveryFixtures.delivery(Array(repeating: 0x20, count: 64))
        oversized.exceedsBodyLimit = true
        #expect(check.check(oversized, subscription: subscription).first?.actual == "64 bytes")
    }

    @Test("deliveries that must not have arrived are webhook.filter, naming the reason")
    func unexpected() throws {
        let spec = try DeliveryFixtures.spec("v3")
        let example = try #require(DeliveryFixtures.example("message.sent.v2026", in: spec))
        let findings = DeliveryEnvelopeCheck.unexpected(
            [DeliveryFixtures.delivery(body(example))],
            reason: "the subscription filters to +15550000001"
        )
        #expect(findings.map(\.rule) == [.webhookFilter])
        #expect(findings.first?.message.contains("+15550000001") == true)
        #expect(DeliveryEnvelopeCheck.unexpected([], reason: "x").isEmpty)
    }
}
