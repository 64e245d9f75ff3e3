import HTTPServer
import Testing

@testable import ContractKit

struct HeaderCheckTests {
    let check = HeaderCheck()

    @Test(arguments: ["application/json", "application/json; charset=utf-8", "Application/JSON ;charset=UTF-8"])
    func jsonMediaTypesWithParametersPass(contentType: String) {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-events",
            status: 200,
            json: [:],
            headers: ["Content-Type": contentType, "X-Trace-ID": CheckFixtures.traceID]
        )
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test(arguments: [Optional("text/plain"), "application/jsonx", nil])
    func aJSONBodyWithAnotherContentTypeIsAFinding(contentType: String?) throws {
        var headers: HTTPHeaders = ["X-Trace-ID": CheckFixtures.traceID]
        if let contentType { headers["Content-Type"] = contentType }
        let exchange = CheckFixtures.exchange("GET", "/v3/webhook-events", status: 200, json: [:], headers: headers)
        let finding = try #require(CheckFixtures.run(check, exchange).first)
        #expect(finding.rule == .contentType)
        #expect(finding.actual == contentType ?? "absent")
    }

    @Test func aBodyThatIsNotJSONIsLeftToOtherChecks() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-events",
            status: 500,
            raw: Array("oops".utf8),
            headers: ["Content-Type": "text/plain", "X-Trace-ID": CheckFixtures.traceID]
        )
        #expect(CheckFixtures.run(check, exchange).isEmpty)
    }

    @Test func v3NeedsATraceIDEqualToTheBodys() {
        let missing = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-events",
            status: 204,
            headers: [:]
        )
        #expect(CheckFixtures.run(check, missing).map(\.rule) == [.traceID])
        let body = CheckFixtures.v3Error(status: 404, code: 2010)
        let different = CheckFixtures.exchange(
            "GET",
            "/v3/webhook-subscriptions/x",
            status: 404,
            json: body,
            headers: ["Content-Type": "application/json", "X-Trace-ID": "0123456789abcdef0123456789abcdef"]
        )
        let findings = CheckFixtures.run(check, different)
        #expect(findings.map(\.rule) == [.traceID])
        #expect(findings.map(\.pointer) == ["/trace_id"])
    }

    @Test func v2HasNoTraceID() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/api/partner/v2/webhook_subscriptions",
            status: 200,
            json: [:],
            headers: ["Content-Type": "application/json"]
        )
        #expect(CheckFixtures.run(check, exchange, version: .v2).isEmpty)
    }
}
