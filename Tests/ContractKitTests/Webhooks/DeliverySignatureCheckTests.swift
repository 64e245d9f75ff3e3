import ContractKit
import Foundation
import HTTPServer
import Testing

@Suite("DeliverySignatureCheck")
struct DeliverySignatureCheckTests {
    private typealias Vectors = WebhookTestVectors
    private let v3Schemes: [any WebhookSignatureScheme] = [StandardWebhooksScheme(), LegacyHexScheme()]

    /// The research notes' vector delivery: both v3 header sets, exactly as published.
    private var vectorDelivery: ReceivedDelivery {
        DeliveryFixtures.delivery(
            Vectors.Standard.body,
            headers: [
                "webhook-id": Vectors.Standard.id, "webhook-timestamp": String(Vectors.timestamp),
                "webhook-signature": Vectors.Standard.signature,
                "X-Webhook-Timestamp": String(Vectors.timestamp), "X-Webhook-Signature": Vectors.Legacy.signature,
            ]
        )
    }

    @Test("the published v3 vectors verify under both schemes, and the legacy key is the secret string")
    func v3Vectors() {
        let report = DeliverySignatureCheck.v3().check([vectorDelivery], secret: Vectors.Standard.secret)
        #expect(report.findings.isEmpty)
        #expect(report.legacyKeyDerivation == .secretStringBytes)
    }

    @Test("the published v2 vector verifies; without a secret nothing is promised")
    func v2Vector() {
        let delivery = DeliveryFixtures.delivery(
            Vectors.V2.body,
            headers: ["X-Webhook-Signature": Vectors.V2.signature]
        )
        #expect(DeliverySignatureCheck.v2.check([delivery], secret: Vectors.V2.secret).findings.isEmpty)
        let unsigned = DeliveryFixtures.delivery(Vectors.V2.body)
        #expect(DeliverySignatureCheck.v2.check([unsigned], secret: nil).findings.isEmpty)
        let missing = DeliverySignatureCheck.v2.check([unsigned], secret: Vectors.V2.secret).findings
        #expect(missing.map(\.rule) == [.webhookSignature])
        #expect(missing.first?.message.contains("v2-sha256") == true)
    }

    @Test("a tampered body fails every scheme, each finding naming its scheme")
    func tampered() throws {
        var body = Vectors.Standard.body
        body[body.count - 3] = UInt8(ascii: "x")
        var delivery = vectorDelivery
        delivery.body = body
        let findings = DeliverySignatureCheck.v3().check([delivery], secret: Vectors.Standard.secret).findings
        #expect(findings.map(\.rule) == [.webhookSignature, .webhookSignature])
        #expect(findings.map(\.severity) == [.error, .error])
        #expect(findings[0].message.contains("standard-webhooks") && findings[1].message.contains("legacy-hex"))
        #expect(!findings.contains { $0.message.contains(Vectors.Standard.secret) })
    }

    @Test("a body signed as re-serialised JSON does not verify against the bytes sent")
    func reserialisedBody() throws {
        let secret = Vectors.Standard.secret
        let sent = Vectors.Standard.body
        let resigned = try JSONParser.parse(sent).serialized([.prettyPrinted, .sortedKeys])
        let headers = try DeliveryFixtures.signed(resigned, schemes: v3Schemes, secret: secret)
        let findings = DeliverySignatureCheck.v3().check(
            [DeliveryFixtures.delivery(sent, headers: headers)],
            secret: secret
        ).findings
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.rule == .webhookSignature && $0.actual.contains("does not match") })
        let v2Headers = try DeliveryFixtures.signed(resigned, schemes: [V2SignatureScheme()], secret: "s")
        let v2 = DeliverySignatureCheck.v2.check([DeliveryFixtures.delivery(sent, headers: v2Headers)], secret: "s")
        #expect(v2.findings.map(\.rule) == [.webhookSignature])
    }

    @Test(
        "timestamps beyond the tolerance, either way, are webhook.timestamp for both v3 schemes",
        arguments: [-301, 301, 600]
    )
    func staleOrFuture(offset: Int) throws {
        let headers = try DeliveryFixtures.signed(
            Vectors.Standard.body,
            schemes: v3Schemes,
            secret: Vectors.Standard.secret,
            timestamp: Vectors.timestamp - offset
        )
        let findings = DeliverySignatureCheck.v3().check(
            [DeliveryFixtures.delivery(Vectors.Standard.body, headers: headers)],
            secret: Vectors.Standard.secret
        ).findings
        #expect(findings.map(\.rule) == [.webhookTimestamp, .webhookTimestamp])
        let withinTolerance = DeliverySignatureCheck.v3(tolerance: 3600).check(
            [DeliveryFixtures.delivery(Vectors.Standard.body, headers: headers)],
            secret: Vectors.Standard.secret
        )
        #expect(withinTolerance.findings.isEmpty)
    }

    @Test("missing headers are a finding per missing header, naming the scheme")
    func missingHeaders() {
        let findings = DeliverySignatureCheck.v3().check(
            [DeliveryFixtures.delivery(Vectors.Standard.body)],
            secret: Vectors.Standard.secret
        ).findings
        #expect(findings.count == 5)
        #expect(findings.allSatisfy { $0.rule == .webhookSignature && $0.actual.contains("missing") })
        #expect(findings.filter { $0.message.contains("standard-webhooks") }.count == 3)
        #expect(findings.filter { $0.message.contains("legacy-hex") }.count == 2)
    }

    @Test("a legacy signature keyed with the decoded secret is a warning, and the derivation is reported")
    func wrongKeyDerivation() throws {
        let headers = try DeliveryFixtures.signed(
            Vectors.Standard.body,
            schemes: [StandardWebhooksScheme(), LegacyHexScheme(keyDerivation: .decodedSecretBytes)],
            secret: Vectors.Standard.secret
        )
        let report = DeliverySignatureCheck.v3().check(
            [DeliveryFixtures.delivery(Vectors.Standard.body, headers: headers)],
            secret: Vectors.Standard.secret
        )
        #expect(report.legacyKeyDerivation == .decodedSecretBytes)
        #expect(report.findings.map(\.severity) == [.warning])
        #expect(report.findings.first?.actual.contains("decodedSecretBytes") == true)
        let configured = DeliverySignatureCheck.v3(legacyKeyDerivation: .decodedSecretBytes).check(
            [DeliveryFixtures.delivery(Vectors.Standard.body, headers: headers)],
            secret: Vectors.Standard.secret
        )
        #expect(configured.findings.isEmpty)
    }

    @Test("garbage and duplicated signature headers are findings, not crashes")
    func garbageHeaders() {
        var headers: HTTPHeaders = [
            "webhook-id": "msg_1", "webhook-timestamp": "17672256000000", "webhook-signature": "v1,!!!",
            "X-Webhook-Signature": "sha256=zz",
        ]
        headers.add(name: "X-Webhook-Timestamp", value: "1")
        headers.add(name: "X-Webhook-Timestamp", value: "2")
        let findings = DeliverySignatureCheck.v3().check(
            [DeliveryFixtures.delivery([0xff, 0x00], headers: headers)],
            secret: Vectors.Standard.secret
        ).findings
        #expect(findings.contains { $0.rule == .webhookTimestamp && $0.message.contains("future") })
        #expect(findings.contains { $0.actual.contains("no entry of the form v1") })
        #expect(findings.contains { $0.actual.contains("different values") })
        #expect(findings.contains { $0.actual.contains("sha256= prefix") })
    }

    @Test("a webhook-id reused with another body is a replay; a retry of the same bytes is not")
    func replay() throws {
        let secret = Vectors.Standard.secret
        let first = Array(#"{"event_id":"a"}"#.utf8)
        let other = Array(#"{"event_id":"b"}"#.utf8)
        let deliveries = try [first, first, other].enumerated().map { index, body in
            DeliveryFixtures.delivery(
                body,
                headers: try DeliveryFixtures.signed(body, schemes: v3Schemes, secret: secret, id: "msg_same"),
                sequence: index
            )
        }
        let findings = DeliverySignatureCheck.v3().check(deliveries, secret: secret).findings
        #expect(findings.map(\.rule) == [.webhookReplay])
        #expect(findings.first?.message.contains("#2") == true)
        var elsewhere = deliveries[2]
        elsewhere.path = "/hooks/other"
        #expect(DeliverySignatureCheck.v3().check([deliveries[0], elsewhere], secret: secret).findings.isEmpty)
    }
}
