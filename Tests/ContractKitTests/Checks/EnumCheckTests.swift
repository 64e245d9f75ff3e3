import Testing

@testable import ContractKit

struct EnumCheckTests {
    let check = EnumCheck(validators: CheckFixtures.validators)

    @Test func documentedValuesHaveNoFindings() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-subscriptions/x",
            status: 200,
            json: CheckFixtures.subscription
        )
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func eachUnknownValueIsAFindingNamingFieldAndValue() throws {
        var body = CheckFixtures.subscription
        body = CheckFixtures.setting(
            body,
            "subscribed_events",
            ["message.sent", "message.bounced", "message.exploded"]
        )
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, json: body)
        let findings = CheckFixtures.run(check, exchange)
        #expect(findings.map(\.rule) == [.enumValue, .enumValue])
        #expect(findings.map(\.pointer) == ["/subscribed_events/1", "/subscribed_events/2"])
        #expect(findings.map(\.actual) == ["\"message.bounced\"", "\"message.exploded\""])
        let first = try #require(findings.first)
        #expect(first.expected == "one of 25 values of WebhookEventType")
        #expect(first.message.contains("/subscribed_events/*"))
        #expect(first.message.contains("(marked extensible)"))
        #expect(first.severity == .error)
    }

    @Test func shapeViolationsAreNotEnumFindings() {
        var body = CheckFixtures.subscription
        body = CheckFixtures.setting(body, "is_active", "yes")
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-subscriptions/x", status: 200, json: body)
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func driftGroupsValuesByFieldAcrossArrayPositions() {
        func finding(_ pointer: String, _ value: String, _ version: String) -> Finding {
            Finding(
                rule: .enumValue,
                message: "",
                pointer: pointer,
                actual: value,
                location: .init(version: version, scenario: "s", step: "t")
            )
        }
        let drift = EnumCheck.drift(in: [
            finding("/subscriptions/0/subscribed_events/3", "\"a\"", "v3"),
            finding("/subscriptions/4/subscribed_events/0", "\"b\"", "v3"),
            finding("/subscriptions/1/subscribed_events/2", "\"a\"", "v3"),
            finding("/events/0", "\"a\"", "v2"),
            Finding(rule: .responseSchema, message: "", pointer: "/x", actual: "\"z\""),
        ])
        #expect(
            drift == [
                EnumDrift(version: "v2", field: "/events/*", values: ["\"a\""]),
                EnumDrift(version: "v3", field: "/subscriptions/*/subscribed_events/*", values: ["\"a\"", "\"b\""]),
            ]
        )
    }
}
