import Testing

@testable import ContractKit

struct ResponseShapeCheckTests {
    let check = ResponseShapeCheck(validators: CheckFixtures.validators)

    @Test func aConformingBodyHasNoFindings() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-subscriptions/x",
            status: 200,
            json: CheckFixtures.subscription
        )
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func extraMembersAreNotFindings() {
        var body = CheckFixtures.subscription
        body = CheckFixtures.setting(body, "brand_new_field", "added by the server")
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, json: body)
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func eachViolationIsAFindingWithPointerKeywordExpectedAndActual() throws {
        var body = CheckFixtures.subscription
        body = CheckFixtures.setting(body, "is_active", "true")
        body = CheckFixtures.setting(body, "created_at", nil)
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, json: body)
        let findings = CheckFixtures.run(check, exchange)
        #expect(findings.map(\.rule) == [.responseSchema, .responseSchema])
        let type = try #require(findings.first { $0.pointer == "/is_active" })
        #expect(type.message.contains("getWebhookSubscription 200: type:"))
        #expect(type.expected == "boolean")
        #expect(type.actual == "string")
        let required = try #require(findings.first { $0.pointer == "" })
        #expect(required.expected == "property 'created_at'")
        #expect(required.actual == "missing")
    }

    @Test func enumViolationsAreLeftToTheEnumCheck() {
        var body = CheckFixtures.subscription
        body = CheckFixtures.setting(body, "subscribed_events", ["message.bounced"])
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, json: body)
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func anUndocumentedStatusIsAFinding() throws {
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 418, json: [:])
        let finding = try #require(CheckFixtures.run(check, exchange).first)
        #expect(finding.rule == .undocumentedStatus)
        #expect(finding.actual == "418")
        #expect(finding.expected.contains("200") && finding.expected.contains("404"))
    }

    @Test func aRequestTheSpecDoesNotKnowIsAnUndocumentedStatusFinding() {
        let exchange = CheckFixtures.exchange("GET", "/v3/nothing-here", status: 200, json: [:])
        #expect(CheckFixtures.run(check, exchange).map(\.rule) == [.undocumentedStatus])
    }

    @Test func aStepOutsideTheSpecOnPurposeIsNoFinding() {
        let exchange = CheckFixtures.exchange("GET", "/v3/nothing-here", status: 404, json: [:])
        var context = CheckFixtures.context(.v3, "GET", "/v3/nothing-here")
        #expect(check.check(exchange, context: context).map(\.rule) == [.undocumentedStatus])
        context.isOutsideSpec = true
        #expect(check.check(exchange, context: context).isEmpty)
    }

    @Test(arguments: [
        ([UInt8]("OK".utf8), "OK"),
        ([0x7B, 0xFF, 0x7D], "3 bytes, not UTF-8"),
        ([], "no body"),
    ])
    func aBodyThatIsNotJSONIsAJSONFinding(body: [UInt8], shown: String) throws {
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, raw: body)
        let finding = try #require(CheckFixtures.run(check, exchange).first)
        #expect(finding.rule == .responseJSON)
        #expect(finding.actual == shown)
    }

    @Test func errorBodiesAreLeftToTheEnvelopeCheck() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-subscriptions/x",
            status: 404,
            raw: Array("nope".utf8)
        )
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func v2IsValidatedAsOpenAPI30() {
        let subscription: JSONValue = [
            "id": 7, "webhook_url": "https://example.com", "version": 2, "events": ["message.sent"], "active": true,
            "secret_configured": false, "last_delivered_at": .null, "delivery_attempts": 0,
        ]
        let ok = CheckFixtures.exchange(
            "GET",
            "/api/partner/v2/webhook_subscriptions",
            status: 200,
            json: ["webhook_subscriptions": [subscription]]
        )
        #expect(CheckFixtures.run(check, ok, version: .v2).isEmpty)
        var wrong = subscription
        wrong = CheckFixtures.setting(wrong, "id", "7")
        let bad = CheckFixtures.exchange(
            "GET",
            "/api/partner/v2/webhook_subscriptions",
            status: 200,
            json: ["webhook_subscriptions": [wrong]]
        )
        #expect(CheckFixtures.run(check, bad, version: .v2).map(\.pointer) == ["/webhook_subscriptions/0/id"])
    }
}
