import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

@Suite struct V2SubscriptionsAPITests {
    typealias F = SandboxFixture
    static let collection = "/api/partner/v2/webhook_subscriptions"

    @Test func createListUpdateDeleteRoundTrip() throws {
        let service = try F.service()
        let created = service.handle(F.v2("POST", Self.collection, json: F.v2Body(secret: "s3cret")))
        #expect(created.status == 201)
        #expect(created.headers["X-Trace-ID"] == nil)
        let subscription = try #require(try created.json()["webhook_subscription"])
        #expect(subscription["id"] == 1)
        #expect(subscription["version"] == 2)
        #expect(subscription["secret_configured"] == true)
        #expect(subscription["secret"] == nil)
        #expect(subscription["delivery_attempts"] == 0)
        #expect(subscription["last_delivered_at"] == .null)
        #expect(subscription["active"] == true)
        let second = try service.handle(F.v2("POST", Self.collection, json: F.v2Body())).json()
        #expect(second["webhook_subscription"]?["id"] == 2)
        #expect(second["webhook_subscription"]?["secret_configured"] == false)

        var update = F.v2Body("https://example.com/other", events: ["message.read"])
        if case .object(var outer) = update, case .object(var fields)? = outer["webhook_subscription"] {
            fields["active"] = false
            outer["webhook_subscription"] = .object(fields)
            update = .object(outer)
        }
        let updated = try service.handle(F.v2("PUT", "\(Self.collection)/1", json: update)).json()
        #expect(updated["webhook_subscription"]?["webhook_url"] == "https://example.com/other")
        #expect(updated["webhook_subscription"]?["active"] == false)
        #expect(updated["webhook_subscription"]?["secret_configured"] == true)

        let deleted = service.handle(F.v2("DELETE", "\(Self.collection)/1"))
        #expect(deleted.status == 204 && deleted.body.isEmpty)
        let list = try service.handle(F.v2("GET", Self.collection)).json()
        #expect(list["webhook_subscriptions"]?.arrayValue?.compactMap { $0["id"] } == [2])
    }

    @Test func anUnwrappedBodyIsAcceptedLikeRailsWrapParameters() throws {
        let service = try F.service()
        let body: JSONValue = ["webhook_url": "https://example.com/x", "version": 2, "events": ["message.sent"]]
        #expect(service.handle(F.v2("POST", Self.collection, json: body)).status == 201)
    }

    static let badBodies: [(String?, Int, String)] = [
        (nil, 400, "invalid_json"),
        ("{nope", 400, "invalid_json"),
        ("[1]", 400, "invalid_json"),
        (#"{"webhook_subscription":{"version":2,"events":["message.sent"]}}"#, 400, "parameter_missing"),
        (
            #"{"webhook_subscription":{"webhook_url":"https://a.example","events":["message.sent"]}}"#, 400,
            "parameter_missing"
        ),
        (#"{"webhook_subscription":{"webhook_url":"https://a.example","version":2}}"#, 400, "parameter_missing"),
        (
            #"{"webhook_subscription":{"webhook_url":"https://a.example","version":3,"events":["message.sent"]}}"#, 422,
            "validation_failed"
        ),
        (
            #"{"webhook_subscription":{"webhook_url":"https://a.example","version":2,"events":["chat.typing"]}}"#, 422,
            "validation_failed"
        ),
        (
            #"{"webhook_subscription":{"webhook_url":7,"version":2,"events":["message.sent"]}}"#, 422,
            "validation_failed"
        ),
        (
            #"{"webhook_subscription":{"webhook_url":"https://a","version":2,"events":["message.read"],"active":"y"}}"#,
            422, "validation_failed"
        ),
        (#"{"webhook_subscription":"x"}"#, 422, "validation_failed"),
    ]

    @Test(arguments: badBodies)
    func badBodiesGetStandardError(_ body: String?, status: Int, code: String) throws {
        let service = try F.service()
        let response = service.handle(F.v2("POST", Self.collection, raw: body))
        #expect(response.status == status)
        let error = try response.json()
        #expect(error["status"] == .string(String(status)))
        #expect(error["error_code"] == .string(code))
        #expect(error["message"]?.stringValue?.isEmpty == false)
        #expect(error["errors"]?.arrayValue?.isEmpty == false)
    }

    @Test(arguments: [nil, "wrong-token"])
    func missingOrWrongTokenIs401(_ token: String?) throws {
        let service = try F.service()
        var request = F.request("GET", Self.collection)
        if let token { request.headers["X-LINQ-INTEGRATION-TOKEN"] = token }
        let response = service.handle(request)
        #expect(response.status == 401)
        #expect(try response.json()["error_code"] == "unauthorized")
    }

    @Test(arguments: ["99", "abc"])
    func unknownOrNonIntegerIdsAre404(_ id: String) throws {
        let service = try F.service()
        #expect(service.handle(F.v2("DELETE", "\(Self.collection)/\(id)")).status == 404)
        let put = service.handle(F.v2("PUT", "\(Self.collection)/\(id)", json: F.v2Body()))
        #expect(try put.status == 404 && put.json()["error_code"] == "not_found")
    }
}
