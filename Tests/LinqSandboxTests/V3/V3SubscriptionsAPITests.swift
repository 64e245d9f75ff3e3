import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

@Suite struct V3SubscriptionsAPITests {
    typealias F = SandboxFixture

    @Test func createAnswers201WithTheSecretOnceAndTheRequestedFields() throws {
        let service = try F.service()
        let response = service.handle(
            F.v3(
                "POST",
                "/v3/webhook-subscriptions",
                json: F.createBody(events: ["message.sent", "message.read"], phones: ["+12025550100"])
            )
        )
        #expect(response.status == 201)
        #expect(response.headers["Content-Type"] == "application/json")
        let body = try response.json()
        let secret = try #require(body["signing_secret"]?.stringValue)
        #expect(secret.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
        #expect(body["target_url"] == "https://example.com/hook")
        #expect(body["subscribed_events"] == ["message.sent", "message.read"])
        #expect(body["phone_numbers"] == ["+12025550100"])
        #expect(body["is_active"] == true)
        #expect(UUID(uuidString: body["id"]?.stringValue ?? "") != nil)
        #expect(body["created_at"]?.stringValue?.hasSuffix("Z") == true)
        let id = try #require(body["id"]?.stringValue)
        let fetched = try service.handle(F.v3("GET", "/v3/webhook-subscriptions/\(id)")).json()
        #expect(fetched["signing_secret"] == nil)
        #expect(fetched["id"] == body["id"])
        let listed = try service.handle(F.v3("GET", "/v3/webhook-subscriptions")).json()
        #expect(listed["subscriptions"]?.arrayValue?.count == 1)
        #expect(listed["subscriptions"]?[0]?["signing_secret"] == nil)
    }

    @Test func everyV3ResponseCarriesItsTraceIDInHeaderAndBody() throws {
        let service = try F.service()
        let requests = [
            F.v3("GET", "/v3/webhook-subscriptions"), F.v3("GET", "/v3/webhook-subscriptions/nope"),
            F.request("GET", "/v3/webhook-events"), F.v3("DELETE", "/v3/webhook-events"),
        ]
        for request in requests {
            let response = service.handle(request)
            let trace = try #require(response.headers["X-Trace-ID"])
            #expect(trace.count == 32 && trace.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            if response.status >= 400 { #expect(try response.json()["trace_id"]?.stringValue == trace) }
        }
    }

    @Test func updateIsPartialAndNeverChangesTheSecret() throws {
        let service = try F.service()
        let created = try F.createV3(service, phones: ["+12025550100"])
        let id = try #require(created["id"]?.stringValue)
        let path = "/v3/webhook-subscriptions/\(id)"
        var response = service.handle(F.v3("PUT", path, json: ["is_active": false, "signing_secret": "whsec_AAAA"]))
        #expect(response.status == 200)
        var body = try response.json()
        #expect(body["is_active"] == false)
        #expect(body["target_url"] == created["target_url"])
        #expect(body["phone_numbers"] == ["+12025550100"])
        #expect(body["signing_secret"] == nil)
        response = service.handle(
            F.v3("PUT", path, json: ["phone_numbers": [], "subscribed_events": ["message.read"]])
        )
        body = try response.json()
        #expect(body["phone_numbers"] == .null)
        #expect(body["subscribed_events"] == ["message.read"])
        #expect(body["is_active"] == false)
        response = service.handle(F.v3("PUT", path, json: ["target_url": "https://example.com/moved"]))
        #expect(try response.json()["target_url"] == "https://example.com/moved")
    }

    @Test func deleteAnswers204WithoutBodyThenTheIdIsGone() throws {
        let service = try F.service()
        let id = try #require(try F.createV3(service)["id"]?.stringValue)
        let response = service.handle(F.v3("DELETE", "/v3/webhook-subscriptions/\(id)"))
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
        #expect(response.headers["X-Trace-ID"] != nil)
        #expect(service.handle(F.v3("GET", "/v3/webhook-subscriptions/\(id)")).v3Code == 2010)
        #expect(service.handle(F.v3("DELETE", "/v3/webhook-subscriptions/\(id)")).v3Code == 2010)
    }

    @Test func webhookEventsListsTheSpecEnumAndTheDocURL() throws {
        let service = try F.service()
        let body = try service.handle(F.v3("GET", "/v3/webhook-events")).json()
        let events = try #require(body["events"]?.arrayValue?.compactMap { $0.stringValue })
        #expect(try events == F.specs().v3.eventTypes)
        #expect(body["doc_url"] == .string(V3SubscriptionsAPI.eventsDocURL))
    }

    @Test func theSDKBasePathServesTheSameAPI() throws {
        let service = try F.service()
        let created = service.handle(F.v3("POST", "/api/partner/v3/webhook-subscriptions", json: F.createBody()))
        #expect(created.status == 201)
        let id = try #require(try created.json()["id"]?.stringValue)
        #expect(service.handle(F.v3("GET", "/v3/webhook-subscriptions/\(id)")).status == 200)
        #expect(service.handle(F.v3("GET", "/api/partner/v3/webhook-events")).status == 200)
    }

    @Test func loopbackHTTPTargetsAreAcceptedOtherHTTPIsNot() throws {
        let service = try F.service()
        for url in ["http://127.0.0.1:9/hook", "http://localhost:8080/hook"] {
            #expect(service.handle(F.v3("POST", "/v3/webhook-subscriptions", json: F.createBody(url))).status == 201)
        }
        let response = service.handle(
            F.v3("POST", "/v3/webhook-subscriptions", json: F.createBody("http://example.com/h"))
        )
        #expect(response.status == 400)
        #expect(response.v3Code == 1005)
    }

    static let badCreates: [(String, String?, Int, Int64)] = [
        ("missing target_url", #"{"subscribed_events":["message.sent"]}"#, 400, 1001),
        ("missing subscribed_events", #"{"target_url":"https://a.example/h"}"#, 400, 1001),
        ("null target_url", #"{"target_url":null,"subscribed_events":["message.sent"]}"#, 400, 1001),
        (
            "bad phone",
            #"{"target_url":"https://a.example/h","subscribed_events":["message.sent"],"phone_numbers":["555-1234"]}"#,
            400, 1002
        ),
        ("bad JSON", #"{"target_url": "#, 400, 1003),
        ("array body", #"["https://a.example/h"]"#, 400, 1003),
        ("empty body", nil, 400, 1003),
        ("unknown event", #"{"target_url":"https://a.example/h","subscribed_events":["message.bounced"]}"#, 400, 1005),
        ("empty events", #"{"target_url":"https://a.example/h","subscribed_events":[]}"#, 400, 1005),
        ("events not array", #"{"target_url":"https://a.example/h","subscribed_events":"message.sent"}"#, 400, 1005),
        ("url not string", #"{"target_url":42,"subscribed_events":["message.sent"]}"#, 400, 1005),
        ("url not absolute", #"{"target_url":"/hook","subscribed_events":["message.sent"]}"#, 400, 1005),
        (
            "phones not array",
            #"{"target_url":"https://a.io","subscribed_events":["message.sent"],"phone_numbers":"+12025550100"}"#,
            400, 1005
        ),
    ]

    @Test(arguments: badCreates)
    func badCreateBodiesGetTheEnvelopeWithTheCaseCode(_ name: String, body: String?, status: Int, code: Int64) throws {
        let service = try F.service()
        let response = service.handle(F.v3("POST", "/v3/webhook-subscriptions", raw: body))
        #expect(response.status == status, "\(name)")
        let envelope = try response.json()
        #expect(envelope["success"] == false)
        #expect(envelope["error"]?["code"]?.numberValue?.int64Value == code, "\(name)")
        #expect(envelope["error"]?["status"]?.numberValue?.int64Value == Int64(status))
        #expect(envelope["error"]?["doc_url"]?.stringValue == "https://docs.linqapp.com/error/codes/1xxx/\(code)/")
        #expect(service.handle(F.v3("GET", "/v3/webhook-subscriptions")).text == #"{"subscriptions":[]}"#)
    }

    @Test func aReusedTargetURLIsRefusedOnCreateAndUpdate() throws {
        let service = try F.service()
        _ = try F.createV3(service, "https://example.com/a")
        let other = try #require(try F.createV3(service, "https://example.com/b")["id"]?.stringValue)
        let again = service.handle(
            F.v3("POST", "/v3/webhook-subscriptions", json: F.createBody("https://example.com/a"))
        )
        #expect(again.status == 400 && again.v3Code == 1005)
        let moved = service.handle(
            F.v3("PUT", "/v3/webhook-subscriptions/\(other)", json: ["target_url": "https://example.com/a"])
        )
        #expect(moved.status == 400 && moved.v3Code == 1005)
        let same = service.handle(
            F.v3("PUT", "/v3/webhook-subscriptions/\(other)", json: ["target_url": "https://example.com/b"])
        )
        #expect(same.status == 200)
    }

    @Test(arguments: [nil, "Bearer wrong", "Basic \(SandboxFixture.v3Key)", "Bearer"])
    func missingOrInvalidBearerIs401Code2004(_ authorization: String?) throws {
        let service = try F.service()
        var request = F.request("GET", "/v3/webhook-subscriptions")
        if let authorization { request.headers["Authorization"] = authorization }
        let response = service.handle(request)
        #expect(response.status == 401)
        #expect(response.v3Code == 2004)
    }

    @Test func anotherPartnersSubscriptionIs403Code2005() throws {
        let service = try F.service()
        let id = try #require(try F.createV3(service)["id"]?.stringValue)
        let other = ["Authorization": "Bearer \(SandboxConfiguration.defaultV3OtherPartnerAPIKey)"]
        for method in ["GET", "PUT", "DELETE"] {
            let body: JSONValue? = method == "PUT" ? ["is_active": false] : nil
            let response = service.handle(F.v3(method, "/v3/webhook-subscriptions/\(id)", json: body, headers: other))
            #expect(response.status == 403 && response.v3Code == 2005, "\(method)")
        }
        let list = try service.handle(F.v3("GET", "/v3/webhook-subscriptions", headers: other)).json()
        #expect(list["subscriptions"] == [])
    }

    @Test(arguments: ["GET", "PUT", "DELETE"])
    func unknownSubscriptionIs404Code2010(_ method: String) throws {
        let service = try F.service()
        let body: JSONValue? = method == "PUT" ? ["is_active": false] : nil
        let response = service.handle(
            F.v3(method, "/v3/webhook-subscriptions/00000000-0000-0000-0000-000000000000", json: body)
        )
        #expect(response.status == 404 && response.v3Code == 2010)
    }

    @Test func badUpdateValuesAreRefusedWithoutChangingTheSubscription() throws {
        let service = try F.service()
        let created = try F.createV3(service)
        let path = "/v3/webhook-subscriptions/\(created["id"]?.stringValue ?? "")"
        let cases: [(JSONValue, Int64)] = [
            (["is_active": "no"], 1005), (["subscribed_events": []], 1005), (["target_url": "ftp://x.example/h"], 1005),
            (["phone_numbers": ["12025550100"]], 1002),
        ]
        for (body, code) in cases {
            #expect(service.handle(F.v3("PUT", path, json: body)).v3Code == code, "\(body)")
        }
        #expect(service.handle(F.v3("PUT", path, raw: "nope")).v3Code == 1003)
        let fetched = try service.handle(F.v3("GET", path)).json()
        #expect(fetched["is_active"] == true && fetched["updated_at"] == created["updated_at"])
    }
}
