import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

@Suite struct SandboxServiceTests {
    typealias F = SandboxFixture

    @Test func unknownPathsAre404InTheirVersionsShape() throws {
        let service = try F.service()
        let v3 = service.handle(F.v3("GET", "/v3/nothing-here"))
        #expect(v3.status == 404 && v3.v3Code == 2001)
        let root = service.handle(F.request("GET", "/"))
        #expect(try root.status == 404 && root.json()["success"] == false)
        let v2 = service.handle(F.v2("GET", "/api/partner/v2/nothing"))
        #expect(v2.status == 404)
        let item = try v2.json()["errors"]?[0]
        #expect(item?["status"] == 404 && item?["code"] == "not_found")
        #expect(try v2.json()["error_code"] == nil)
    }

    @Test func unknownV2PathsTakeTheShapeOfTheirResource() throws {
        let service = try F.service()
        let subscriptions = service.handle(F.v2("GET", "/api/partner/v2/webhook_subscriptions/1/extra"))
        #expect(try subscriptions.status == 404 && subscriptions.json()["error_code"] == "not_found")
        let contacts = service.handle(F.v2("GET", "/api/partner/v2/contacts"))
        #expect(try contacts.json()["status"] == "404")
        let chats = service.handle(F.v2("GET", "/api/partner/v2/chats"))
        #expect(try chats.json()["errors"]?[0]?["code"] == "not_found")
    }

    @Test func wrongMethodsAre404WithAllow() throws {
        let service = try F.service()
        let v3 = service.handle(F.v3("PATCH", "/v3/webhook-subscriptions/abc"))
        #expect(v3.status == 404 && v3.v3Code == 2001)
        #expect(v3.headers["Allow"] == "GET, PUT, DELETE")
        #expect(try v3.json()["error"]?["status"] == 404)
        let v2 = service.handle(F.v2("GET", "/api/partner/v2/webhook_subscriptions/1"))
        #expect(v2.status == 404)
        #expect(v2.headers["Allow"] == "PUT, DELETE")
        #expect(try v2.json()["status"] == "404")
        #expect(try v2.json()["errors"] == ["allowed: PUT, DELETE"])
    }

    @Test func oversizedBodiesAre400InTheVersionsShape() throws {
        let service = try F.service()
        let big = String(repeating: "a", count: SandboxService.maxBodyBytes + 1)
        let v3 = service.handle(F.v3("POST", "/v3/webhook-subscriptions", raw: big))
        #expect(try v3.status == 400 && v3.json()["success"] == false)
        #expect(v3.v3Code == 5005)
        let v2 = service.handle(F.v2("POST", "/api/partner/v2/webhook_subscriptions", raw: big))
        #expect(try v2.status == 400 && v2.json()["error_code"] == "payload_too_large")
    }

    @Test func simulatedRateLimitCarriesRetryAfterInHeaderAndBody() throws {
        let service = try F.service()
        let v3 = service.handle(F.v3("GET", "/v3/webhook-subscriptions", headers: ["X-Sandbox-Simulate": "rate-limit"]))
        #expect(v3.status == 429)
        #expect(v3.headers["Retry-After"] == "1")
        let body = try v3.json()
        #expect(body["error"]?["code"] == 1007 && body["error"]?["retry_after"] == 1)
        let v2 = service.handle(
            F.v2("GET", "/api/partner/v2/webhook_subscriptions", headers: ["X-Sandbox-Simulate": "rate-limit"])
        )
        #expect(v2.status == 429 && v2.headers["Retry-After"] == "1")
        #expect(try v2.json()["error_code"] == "rate_limited")
    }

    @Test func simulatedServerErrorIs500Code3006() throws {
        let service = try F.service()
        let v3 = service.handle(F.v3("GET", "/v3/webhook-events", headers: ["X-Sandbox-Simulate": "server-error"]))
        #expect(v3.status == 500 && v3.v3Code == 3006)
        #expect(v3.headers["Retry-After"] == nil)
        let v2 = service.handle(
            F.v2("GET", "/api/partner/v2/webhook_subscriptions", headers: ["X-Sandbox-Simulate": "server-error"])
        )
        #expect(try v2.status == 500 && v2.json()["error_code"] == "internal_server_error")
        let unknown = service.handle(F.v3("GET", "/v3/webhook-events", headers: ["X-Sandbox-Simulate": "meltdown"]))
        #expect(unknown.status == 400 && unknown.v3Code == 1005)
    }

    @Test func simulationComesAfterAuthentication() throws {
        let service = try F.service()
        let response = service.handle(
            F.request("GET", "/v3/webhook-events", headers: ["X-Sandbox-Simulate": "rate-limit"])
        )
        #expect(response.status == 401)
    }

    @Test func anUnknownFaultHeaderNamesTheValidFaults() throws {
        let service = try F.service()
        let response = service.handle(
            F.v3("GET", "/v3/webhook-events", headers: ["X-Sandbox-Fault": "bad-signature, nope"])
        )
        #expect(response.status == 400)
        let message = try #require(try response.json()["error"]?["message"]?.stringValue)
        #expect(message.contains("'nope'") && message.contains("stale-timestamp"))
    }

    @Test func faultNamesParseAndListHelpfully() throws {
        #expect(try SandboxFault(name: " Bad-Signature ") == .badSignature)
        #expect(try SandboxFault.parseList("stale-timestamp,,retry-on-4xx") == [.staleTimestamp, .retryOn4xx])
        #expect(throws: SandboxError.self) { try SandboxFault(name: "bogus") }
        do {
            _ = try SandboxFault(name: "bogus")
        } catch {
            #expect(error.description.contains("put-ignores-is-active"))
        }
        #expect(Set(SandboxFault.allCases.map(\.name)).count == SandboxFault.allCases.count)
        #expect(SandboxFault.allCases.allSatisfy { Rule.all.contains($0.rule) && !$0.summary.isEmpty })
    }

    @Test func aMissingSpecsDirectoryIsAClearError() {
        let configuration = SandboxConfiguration(specsDirectory: URL(fileURLWithPath: "/nonexistent/specs"))
        #expect {
            try SandboxService(configuration: configuration)
        } throws: { error in
            "\(error)".contains("/nonexistent/specs/v3/openapi.json")
        }
    }
}
