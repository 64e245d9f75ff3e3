import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

/// Each API fault against the same request without it: the two answers differ only as the fault says.
@Suite struct SandboxFaultAPITests {
    typealias F = SandboxFixture

    /// A response without what differs on every call (trace ids), for comparison.
    struct Answer: Equatable {
        var status: Int
        var contentType: String?
        var retryAfter: String?
        var hasTraceID: Bool
        var body: JSONValue?
        var text: String

        init(_ response: HTTPResponse) {
            status = response.status
            contentType = response.headers["Content-Type"]
            retryAfter = response.headers["Retry-After"]
            hasTraceID = response.headers["X-Trace-ID"] != nil
            var json = try? response.json()
            if case .object(var object)? = json {
                object["trace_id"] = nil
                json = .object(object)
            }
            body = json
            text = json == nil ? response.text : ""
        }
    }

    /// The answers to `request` without and with `fault` (as a request header).
    func answers(_ fault: SandboxFault, _ service: SandboxService, _ request: HTTPRequest) -> (Answer, Answer) {
        var faulted = request
        faulted.headers["X-Sandbox-Fault"] = fault.name
        return (Answer(service.handle(request)), Answer(service.handle(faulted)))
    }

    func withMember(_ value: JSONValue?, _ key: String, _ member: JSONValue?) -> JSONValue? {
        guard case .object(var object)? = value else { return value }
        object[key] = member
        return .object(object)
    }

    @Test func bodyFaultsChangeOnlyTheirField() throws {
        let service = try F.service()
        let created = try F.createV3(service)
        let get = F.v3("GET", "/v3/webhook-subscriptions/\(created["id"]?.stringValue ?? "")")

        var (clean, faulted) = answers(.missingRequiredField, service, get)
        #expect(withMember(clean.body, "created_at", nil) == faulted.body && faulted.body != clean.body)

        (clean, faulted) = answers(.wrongFieldType, service, get)
        #expect(withMember(clean.body, "is_active", "true") == faulted.body)

        (clean, faulted) = answers(.undocumentedEventType, service, get)
        #expect(withMember(clean.body, "subscribed_events", ["message.sent", "message.bounced"]) == faulted.body)

        (clean, faulted) = answers(.secretOnGet, service, get)
        #expect(withMember(clean.body, "signing_secret", created["signing_secret"]) == faulted.body)
        #expect(clean.body?["signing_secret"] == nil)
    }

    @Test func errorFaultsChangeOnlyTheEnvelopePartTheyName() throws {
        let service = try F.service()
        let missing = F.v3("GET", "/v3/webhook-subscriptions/unknown-id")

        var (clean, faulted) = answers(.errorWithoutEnvelope, service, missing)
        #expect(faulted.status == clean.status && faulted.body == nil && faulted.contentType == "text/plain")
        #expect(faulted.text == clean.body?["error"]?["message"]?.stringValue)

        (clean, faulted) = answers(.errorStatusMismatch, service, missing)
        let error = clean.body?["error"]
        #expect(withMember(clean.body, "error", withMember(error, "status", 500)) == faulted.body)
        #expect(faulted.status == 404)

        (clean, faulted) = answers(.wrongNotFoundCode, service, missing)
        #expect(
            faulted.status == 404 && faulted.body?["error"]?["code"] == 2001 && clean.body?["error"]?["code"] == 2010
        )
    }

    @Test func headerFaultsChangeOnlyTheirHeader() throws {
        let service = try F.service()
        _ = try F.createV3(service)
        let limited = F.v3("GET", "/v3/webhook-subscriptions", headers: ["X-Sandbox-Simulate": "rate-limit"])
        var (clean, faulted) = answers(.rateLimitWithoutRetryAfter, service, limited)
        #expect(clean.retryAfter == "1" && faulted.retryAfter == nil)
        faulted.retryAfter = "1"
        #expect(clean == faulted)

        let list = F.v3("GET", "/v3/webhook-subscriptions")
        (clean, faulted) = answers(.wrongContentType, service, list)
        #expect(faulted.contentType == "text/plain")
        faulted.contentType = clean.contentType
        #expect(clean == faulted)

        (clean, faulted) = answers(.missingTraceID, service, list)
        #expect(clean.hasTraceID && !faulted.hasTraceID)
        faulted.hasTraceID = true
        #expect(clean == faulted)

        (clean, faulted) = answers(.nonJSONSuccessBody, service, list)
        #expect(faulted.body == nil && faulted.text == "OK" && faulted.contentType == "application/json")
        #expect(faulted.status == clean.status)
    }

    @Test func targetURLFaultsAcceptWhatTheCleanSandboxRefuses() throws {
        let service = try F.service()
        _ = try F.createV3(service, "https://example.com/taken")
        var (clean, faulted) = answers(
            .targetURLNotUnique,
            service,
            F.v3("POST", "/v3/webhook-subscriptions", json: F.createBody("https://example.com/taken"))
        )
        #expect(clean.status == 400 && faulted.status == 201)
        (clean, faulted) = answers(
            .httpTargetURLAccepted,
            service,
            F.v3("POST", "/v3/webhook-subscriptions", json: F.createBody("http://example.com/plain"))
        )
        #expect(clean.status == 400 && faulted.status == 201)
    }

    @Test func putIgnoresIsActiveButStillAnswers200() throws {
        let service = try F.service()
        let id = try F.createV3(service)["id"]?.stringValue ?? ""
        var request = F.v3("PUT", "/v3/webhook-subscriptions/\(id)", json: ["is_active": false])
        request.headers["X-Sandbox-Fault"] = SandboxFault.putIgnoresIsActive.name
        let response = service.handle(request)
        #expect(response.status == 200)
        #expect(try response.json()["is_active"] == true)
    }

    @Test func v2FaultsChangeOnlyTheirPart() throws {
        let service = try F.service()
        _ = service.handle(F.v2("POST", "/api/partner/v2/webhook_subscriptions", json: F.v2Body(secret: "topsecret")))
        var (clean, faulted) = answers(
            .v2PlainTextErrors,
            service,
            F.request("GET", "/api/partner/v2/webhook_subscriptions")
        )
        #expect(
            clean.status == 401 && faulted.status == 401 && faulted.body == nil && faulted.contentType == "text/plain"
        )
        (clean, faulted) = answers(.v2SecretReturned, service, F.v2("GET", "/api/partner/v2/webhook_subscriptions"))
        let subscription = clean.body?["webhook_subscriptions"]?[0]
        #expect(
            faulted.body == ["webhook_subscriptions": [withMember(subscription, "secret", "topsecret") ?? .null]]
        )
    }

    @Test func configuredFaultsApplyWithoutTheHeader() throws {
        let service = try F.service(faults: [.missingTraceID])
        #expect(service.handle(F.v3("GET", "/v3/webhook-events")).headers["X-Trace-ID"] == nil)
    }
}
