import ContractKit
import Foundation
import HTTPServer
import Testing

@testable import LinqSandbox

/// The sandbox's answers to an unknown path, a method the path lacks and an oversized body, run through
/// the suite's own checks as the runner would run them: the reference server must pass what it is
/// the reference for.
@Suite struct SandboxErrorContractTests {
    typealias F = SandboxFixture

    /// One probe: the request, the version whose spec judges it, and the status the sandbox gives.
    struct Probe: Sendable, CustomTestStringConvertible {
        var version: APIVersion
        var method: String
        var path: String
        var oversized = false
        var status: Int

        var testDescription: String { "\(version) \(method) \(path)\(oversized ? " (oversized)" : "")" }

        func request() -> HTTPRequest {
            let body = oversized ? String(repeating: "a", count: SandboxService.maxBodyBytes + 1) : nil
            return version == .v3 ? F.v3(method, path, raw: body) : F.v2(method, path, raw: body)
        }
    }

    static let probes: [Probe] = [
        Probe(version: .v3, method: "GET", path: "/v3/nothing-here", status: 404),
        Probe(version: .v3, method: "GET", path: "/v3/webhook-subscriptions/abc/extra", status: 404),
        Probe(version: .v3, method: "PATCH", path: "/v3/webhook-subscriptions/abc", status: 404),
        Probe(version: .v3, method: "DELETE", path: "/v3/webhook-events", status: 404),
        Probe(version: .v3, method: "POST", path: "/v3/webhook-subscriptions", oversized: true, status: 400),
        Probe(version: .v3, method: "PUT", path: "/v3/webhook-subscriptions/abc", oversized: true, status: 400),
        Probe(version: .v2, method: "GET", path: "/api/partner/v2/nothing", status: 404),
        Probe(version: .v2, method: "GET", path: "/api/partner/v2/webhook_subscriptions/1/extra", status: 404),
        Probe(version: .v2, method: "GET", path: "/api/partner/v2/webhook_subscriptions/1", status: 404),
        Probe(
            version: .v2,
            method: "POST",
            path: "/api/partner/v2/webhook_subscriptions",
            oversized: true,
            status: 400
        ),
    ]

    static let specs: [APIVersion: OpenAPIDocument] = {
        var specs: [APIVersion: OpenAPIDocument] = [:]
        for version in APIVersion.allCases {
            let file = F.specsDirectory.appendingPathComponent("\(version.rawValue)/openapi.json")
            specs[version] = try! OpenAPIDocument.load(from: file.path)
        }
        return specs
    }()

    static let codes = try! ErrorCodeTable.load(from: F.specsDirectory.appendingPathComponent("errors.json").path)

    /// Every standard check on `response` to `probe`, with the context a scenario step would give: the
    /// spec's operation, or none and `isOutsideSpec` when the spec has no operation for the request.
    static func findings(_ probe: Probe, _ response: HTTPResponse) throws -> [Finding] {
        let spec = try #require(specs[probe.version])
        let operation = spec.operation(method: probe.method, path: probe.path)
        let context = CheckContext(
            version: probe.version,
            spec: spec,
            operation: operation,
            expectedStatuses: [probe.status],
            scenario: "sandbox errors",
            step: probe.testDescription,
            isOutsideSpec: operation == nil
        )
        let url = try #require(URL(string: "http://127.0.0.1:9" + probe.path))
        let exchange = Exchange(
            request: TransportRequest(method: probe.method, url: url),
            response: TransportResponse(status: response.status, headers: response.headers, body: response.body)
        )
        return ContractChecks.standard(specs: specs, codes: codes).flatMap { $0.check(exchange, context: context) }
    }

    @Test(arguments: probes)
    func theChecksFindNothingInTheAnswer(_ probe: Probe) throws {
        let response = try F.service().handle(probe.request())
        #expect(response.status == probe.status, "\(response.text)")
        let findings = try Self.findings(probe, response)
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule): \($0.message)" })")
    }

    @Test func theV3CodesAreDocumentedForTheirStatus() throws {
        let service = try F.service()
        for probe in Self.probes where probe.version == .v3 {
            let response = service.handle(probe.request())
            let code = try #require(response.v3Code)
            let entry = try #require(Self.codes[Int(code)], "code \(code) is not in specs/errors.json")
            #expect(entry.statuses.contains(response.status), "\(probe.testDescription): \(code)")
        }
    }

    @Test func theChecksStillCatchAFaultedAnswer() throws {
        let service = try F.service(faults: [.errorStatusMismatch, .v2PlainTextErrors])
        let v3 = Probe(version: .v3, method: "GET", path: "/v3/nothing-here", status: 404)
        #expect(try Self.findings(v3, service.handle(v3.request())).map(\.rule) == [.errorStatus])
        let v2 = Probe(version: .v2, method: "GET", path: "/api/partner/v2/nothing", status: 404)
        #expect(try Self.findings(v2, service.handle(v2.request())).map(\.rule) == [.errorEnvelope])
    }
}
