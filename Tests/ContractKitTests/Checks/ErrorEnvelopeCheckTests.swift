import HTTPServer
import Testing

@testable import ContractKit

struct ErrorEnvelopeCheckTests {
    let check = ErrorEnvelopeCheck(validators: CheckFixtures.validators, codes: CheckFixtures.codes)
    let path = "/v3/webhook-subscriptions/x"

    func findings(_ status: Int, _ body: JSONValue, headers: HTTPHeaders? = nil, path: String? = nil) -> [Finding] {
        CheckFixtures.run(
            check,
            CheckFixtures.exchange("GET", path ?? self.path, status: status, json: body, headers: headers)
        )
    }

    @Test func aCorrectEnvelopeHasNoFindings() {
        #expect(findings(404, CheckFixtures.v3Error(status: 404, code: 2010)).isEmpty)
        #expect(findings(401, CheckFixtures.v3Error(status: 401, code: 2004)).isEmpty)
    }

    @Test func successBodiesAreNotChecked() {
        #expect(findings(200, ["anything": true]).isEmpty)
    }

    @Test(arguments: [
        ([UInt8]("Not Found".utf8), "Not Found"),
        ([], "no body"),
    ])
    func aBodyThatIsNotJSONIsAnEnvelopeFinding(body: [UInt8], shown: String) throws {
        let exchange = CheckFixtures.exchange(
            "GET",
            path,
            status: 500,
            raw: body,
            headers: ["Content-Type": "text/plain"]
        )
        let finding = try #require(CheckFixtures.run(check, exchange).first)
        #expect(finding.rule == .errorEnvelope)
        #expect(finding.actual == shown)
    }

    @Test func successTrueAndAMissingErrorObjectBreakTheEnvelope() {
        var body = CheckFixtures.v3Error(status: 404, code: 2010)
        body = CheckFixtures.setting(body, "success", true)
        #expect(findings(404, body).map(\.rule) == [.errorEnvelope])
        #expect(findings(404, ["message": "not found"]).map(\.pointer).contains(""))
    }

    @Test func theEnvelopeStatusMustEqualTheHTTPStatus() throws {
        let finding = try #require(findings(404, CheckFixtures.v3Error(status: 500, code: 2010)).first)
        #expect(finding.rule == .errorStatus)
        #expect(finding.pointer == "/error/status")
        #expect((finding.expected, finding.actual) == ("404", "500"))
    }

    @Test func theCodeMustBeDocumentedForTheStatus() {
        #expect(findings(404, CheckFixtures.v3Error(status: 404, code: 1999)).map(\.rule) == [.errorCode])
        #expect(
            findings(400, CheckFixtures.v3Error(status: 400, code: 2004)).map(\.expected) == [
                "a code returned with HTTP 400"
            ]
        )
        #expect(findings(500, CheckFixtures.v3Error(status: 500, code: 4006)).map(\.rule) == [.errorCode])
    }

    /// What the sandbox once sent for an unknown path (404), a method the path lacks (405) and an oversized
    /// body (413): codes the table documents with 400, so the HTTP status contradicts them.
    @Test(arguments: [(404, 1005), (405, 1005), (413, 5005), (413, 5002)])
    func aCodeDocumentedWithAnotherStatusIsAFindingOnAnUnknownPathToo(status: Int, code: Int) throws {
        let documented = try #require(CheckFixtures.codes[code]?.status)
        let body = CheckFixtures.v3Error(status: status, code: code)
        for path in ["/v3/nothing-here", "/v3/webhook-subscriptions"] {
            let finding = try #require(findings(status, body, path: path).first)
            #expect(finding.rule == .errorCode)
            #expect(finding.pointer == "/error/code")
            #expect(finding.expected == "a code returned with HTTP \(status)")
            #expect(finding.message.contains("documented with HTTP \(documented)"))
        }
    }

    @Test func anUnknownPathTakesAnyNotFoundCode() {
        for code in [2001, 2010, 2019] {
            #expect(findings(404, CheckFixtures.v3Error(status: 404, code: code), path: "/v3/nothing-here").isEmpty)
        }
        #expect(findings(400, CheckFixtures.v3Error(status: 400, code: 5005), path: "/v3/nothing-here").isEmpty)
    }

    @Test func anAlternativeStatusIsAccepted() {
        let chat = "/v3/chats/c1"
        #expect(
            CheckFixtures.run(
                check,
                CheckFixtures.exchange("PUT", chat, status: 409, json: CheckFixtures.v3Error(status: 409, code: 1006))
            ).isEmpty
        )
        #expect(
            CheckFixtures.run(
                check,
                CheckFixtures.exchange("PUT", chat, status: 400, json: CheckFixtures.v3Error(status: 400, code: 1006))
            ).isEmpty
        )
        // The 2026-02 document's voice-memo example: 413 with 5001, which its table lists under 500.
        for status in [500, 413] {
            #expect(findings(status, CheckFixtures.v3Error(status: status, code: 5001), path: chat).isEmpty)
        }
        #expect(findings(400, CheckFixtures.v3Error(status: 400, code: 5001), path: chat).map(\.rule) == [.errorCode])
    }

    @Test func aNotFoundCodeForAnotherResourceIsAFinding() throws {
        let finding = try #require(findings(404, CheckFixtures.v3Error(status: 404, code: 2001)).first)
        #expect(finding.rule == .errorCode)
        #expect(finding.expected == "2010")
        #expect(finding.message.contains("not the not-found code for a subscription"))
        #expect(findings(404, CheckFixtures.v3Error(status: 404, code: 2001), path: "/v3/chats/c1").isEmpty)
    }

    @Test func aRateLimitNeedsRetryAfterInHeaderAndBodyAgreeing() {
        let body = CheckFixtures.v3Error(status: 429, code: 1007, retryAfter: 3)
        #expect(findings(429, body, headers: ["Content-Type": "application/json", "Retry-After": "3"]).isEmpty)
        #expect(findings(429, body, headers: ["Content-Type": "application/json"]).map(\.rule) == [.retryAfter])
        let mismatch = findings(429, body, headers: ["Content-Type": "application/json", "Retry-After": "5"])
        #expect(mismatch.map(\.rule) == [.retryAfter])
        #expect(mismatch.map(\.actual) == ["3"])
        let withoutBody = CheckFixtures.v3Error(status: 429, code: 1007)
        #expect(findings(429, withoutBody, headers: ["Retry-After": "3"]).map(\.pointer) == ["/error/retry_after"])
    }

    @Test func v2WebhookSubscriptionErrorsUseStandardError() {
        let path = "/api/partner/v2/webhook_subscriptions/7"
        let standard: JSONValue = ["status": "404", "error_code": "not_found", "message": "m", "errors": ["m"]]
        let exchange = CheckFixtures.exchange("DELETE", path, status: 404, json: standard)
        #expect(CheckFixtures.run(check, exchange, version: .v2).isEmpty)
        let wrongShape: JSONValue = ["errors": [["status": 404, "code": "not_found"]]]
        let other = CheckFixtures.exchange("DELETE", path, status: 404, json: wrongShape)
        #expect(CheckFixtures.run(check, other, version: .v2).map(\.pointer) == ["/errors/0"])
        let undocumented = CheckFixtures.exchange("DELETE", path, status: 500, raw: Array("boom".utf8))
        #expect(CheckFixtures.run(check, undocumented, version: .v2).map(\.rule) == [.errorEnvelope])
    }

    @Test func unknownV2PathsOutsideSubscriptionsAndContactsUseError() {
        let path = "/api/partner/v2/nothing"
        let error: JSONValue = ["errors": [["status": 404, "code": "not_found", "title": "t", "detail": "d"]]]
        let matching = CheckFixtures.exchange("GET", path, status: 404, json: error)
        #expect(CheckFixtures.run(check, matching, version: .v2).isEmpty)
        let standard: JSONValue = ["status": "404", "error_code": "not_found", "message": "m", "errors": ["m"]]
        let exchange = CheckFixtures.exchange("GET", path, status: 404, json: standard)
        #expect(CheckFixtures.run(check, exchange, version: .v2).map(\.rule) == [.errorEnvelope])
    }

    @Test func v2HasNoV3EnvelopeRules() {
        let exchange = CheckFixtures.exchange(
            "GET",
            "/api/partner/v2/webhook_subscriptions",
            status: 429,
            json: ["status": "429", "error_code": "x"],
            headers: ["Content-Type": "application/json"]
        )
        #expect(CheckFixtures.run(check, exchange, version: .v2).isEmpty)
    }
}
