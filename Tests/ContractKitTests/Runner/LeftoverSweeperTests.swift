import Foundation
import Testing

@testable import ContractKit

struct LeftoverSweeperTests {
    @Test func deletesOnlyTheSubscriptionsNamedWithTheRunID() async throws {
        let list: JSONValue = [
            "subscriptions": [
                ["id": "a", "target_url": "https://e.com/linq-conformance/cr-123456/x"],
                ["id": "b", "target_url": "https://e.com/linq-conformance/cr-999999/x"],
                ["id": "c", "target_url": "https://e.com/linq-conformance/cr-123456/y"],
            ]
        ]
        let stub = StubTransport { request, _ in
            request.method == "GET"
                ? .success(TransportResponse(status: 200, body: list.serialized()))
                : .success(TransportResponse(status: 204))
        }
        let runner = ScenarioRunner(
            targets: [
                .v3: APITarget(version: .v3, baseURL: URL(string: "http://127.0.0.1:9/api/partner")!, token: "t")
            ],
            specs: [:],
            checks: [],
            transport: stub,
            runID: "sweeper"
        )
        let results = try await LeftoverSweeper(runner: runner).sweep(runID: "cr-123456", listings: [.v3])
        #expect(
            stub.requests.map { "\($0.method) \($0.url.path)" } == [
                "GET /api/partner/v3/webhook-subscriptions", "DELETE /api/partner/v3/webhook-subscriptions/a",
                "DELETE /api/partner/v3/webhook-subscriptions/c",
            ]
        )
        #expect(results.allSatisfy { $0.status == .passed })
    }

    @Test func refusesARunIDTooShortToBeSafe() async {
        let runner = ScenarioRunner(
            targets: [:],
            specs: [:],
            checks: [],
            transport: StubTransport(script: [.failure(.cancelled)]),
            runID: "r"
        )
        await #expect(throws: HarnessError.self) {
            try await LeftoverSweeper(runner: runner).sweep(runID: "cr", listings: [.v3])
        }
    }
}
