import Foundation
import HTTPServer
import Synchronization
import Testing

@testable import ContractKit

struct ScenarioRunnerTests {
    static let v3Spec: OpenAPIDocument = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try! OpenAPIDocument.load(from: root.appendingPathComponent("specs/v3/openapi.json").path)
    }()

    /// Records every exchange it sees, as a check the checks developer would write.
    final class RecordingCheck: ResponseCheck {
        let seen = Mutex<[String]>([])
        func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
            seen.withLock { $0.append("\(context.step) \(context.operation?.operationId ?? "-")") }
            return []
        }
    }

    static func json(_ status: Int, _ body: JSONValue) -> Result<TransportResponse, TransportError> {
        .success(
            TransportResponse(status: status, headers: ["Content-Type": "application/json"], body: body.serialized())
        )
    }

    func runner(
        _ transport: StubTransport,
        checks: [any ResponseCheck] = [],
        budget: RequestBudget = .init(limit: nil),
        readOnly: Bool = false,
        clock: VirtualClock = VirtualClock(),
        ledger: CleanupLedger = .init()
    ) -> ScenarioRunner {
        ScenarioRunner(
            targets: [
                .v3: APITarget(version: .v3, baseURL: URL(string: "http://127.0.0.1:9/api/partner")!, token: "t0ken")
            ],
            specs: [.v3: Self.v3Spec],
            checks: checks,
            transport: transport,
            budget: budget,
            readOnly: .init(isReadOnly: readOnly),
            ledger: ledger,
            clock: clock,
            random: { 0 },
            runID: "run-1"
        )
    }

    static let roundTrip = Scenario(
        name: "round trip",
        version: .v3,
        variables: ["events": ["message.sent"]],
        steps: [
            ScenarioStep(
                name: "create",
                request: RequestTemplate(
                    method: "POST",
                    path: "/v3/webhook-subscriptions",
                    body: ["target_url": "https://e.com/{{run.id}}", "subscribed_events": "{{events}}"]
                ),
                expect: Expectation(
                    statuses: [201],
                    captures: [.init(name: "subId", pointer: "/id")],
                    assertions: [Assertion(.body(pointer: "/is_active"), .equals(true))]
                ),
                createsResource: ResourceCleanup(deletePath: "/v3/webhook-subscriptions/{{subId}}")
            ),
            ScenarioStep(
                name: "get",
                request: RequestTemplate(method: "GET", path: "/v3/webhook-subscriptions/{{subId}}"),
                expect: Expectation(
                    statuses: [200],
                    assertions: [Assertion(.body(pointer: "/id"), .equals("{{subId}}"))]
                )
            ),
            ScenarioStep(
                name: "list",
                request: RequestTemplate(method: "GET", path: "/v3/webhook-subscriptions"),
                expect: Expectation(statuses: [200])
            ),
        ]
    )

    @Test func capturesFlowIntoLaterStepsAndTheLedgerDeletesAtTheEnd() async throws {
        let stub = StubTransport { request, _ in
            switch (request.method, request.url.path) {
            case ("POST", _): Self.json(201, ["id": "sub-1", "is_active": true])
            case ("GET", "/api/partner/v3/webhook-subscriptions/sub-1"): Self.json(200, ["id": "sub-1"])
            case ("GET", _): Self.json(200, ["subscriptions": []])
            default: .success(TransportResponse(status: 204))
            }
        }
        let check = RecordingCheck()
        let result = await runner(stub, checks: [check]).run(Self.roundTrip)
        #expect(result.status == .passed)
        #expect(
            stub.requests.map { "\($0.method) \($0.url.path)" } == [
                "POST /api/partner/v3/webhook-subscriptions", "GET /api/partner/v3/webhook-subscriptions/sub-1",
                "GET /api/partner/v3/webhook-subscriptions", "DELETE /api/partner/v3/webhook-subscriptions/sub-1",
            ]
        )
        let create = stub.requests[0]
        #expect(create.headers["Authorization"] == "Bearer t0ken")
        #expect(
            try JSONParser.parse(create.body) == [
                "target_url": "https://e.com/run-1", "subscribed_events": ["message.sent"],
            ]
        )
        #expect(result.cleanup.map(\.name) == ["cleanup: DELETE /v3/webhook-subscriptions/sub-1"])
        #expect(
            check.seen.withLock { $0 } == [
                "create createWebhookSubscription", "get getWebhookSubscription", "list listWebhookSubscriptions",
                "cleanup: DELETE /v3/webhook-subscriptions/sub-1 deleteWebhookSubscription",
            ]
        )
    }

    @Test func aFailingStepSkipsTheRestButCleanupStillDeletes() async {
        let stub = StubTransport { request, _ in
            request.method == "POST"
                ? Self.json(201, ["id": "sub-1", "is_active": false])
                : request.method == "DELETE" ? .success(TransportResponse(status: 204)) : Self.json(500, [:])
        }
        let ledger = CleanupLedger()
        let result = await runner(stub, ledger: ledger).run(Self.roundTrip)
        #expect(result.status == .failed)
        #expect(result.steps[0].findings.map(\.rule) == [.assertion])
        #expect(result.steps[0].findings[0].location == .init(version: "v3", scenario: "round trip", step: "create"))
        #expect(result.steps[1].findings.map(\.rule) == [.responseStatus])
        #expect(result.steps[1].attempts.count == 3)
        #expect(result.steps[2].status == .skipped(reason: "step 'get' broke the scenario"))
        #expect(result.cleanup.first?.response?.status == 204)
        #expect(ledger.open.isEmpty)
    }

    @Test func aTransportErrorIsAFindingAndTheTimelineShowsEveryAttempt() async {
        let clock = VirtualClock()
        let stub = StubTransport(script: [.failure(.connectionReset(detail: "eof"))])
        let result = await runner(stub, clock: clock).run(Self.roundTrip)
        #expect(result.status == .failed)
        let create = result.steps[0]
        #expect(create.findings.map(\.rule) == [.transport])
        #expect(create.findings[0].message.contains("broke off"))
        #expect(create.attempts.map(\.waitBeforeNext) == [.milliseconds(500), .seconds(1), nil])
        #expect(create.attempts.allSatisfy { $0.outcome == .transportError(.connectionReset(detail: "eof")) })
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
        #expect(result.cleanup.isEmpty)
    }

    @Test func retriesOffSendsOnce() async {
        let stub = StubTransport(script: [Self.json(503, [:])])
        var scenario = Self.roundTrip
        scenario.isRetryEnabled = false
        let result = await runner(stub).run(scenario)
        #expect(stub.requests.count == 1)
        #expect(result.steps[0].attempts.count == 1)
    }

    @Test func aSpentBudgetErrorsTheStepWithoutSending() async {
        let stub = StubTransport(script: [Self.json(201, ["id": "s", "is_active": true]), Self.json(200, ["id": "s"])])
        let result = await runner(stub, budget: RequestBudget(limit: 2)).run(Self.roundTrip)
        #expect(stub.requests.count == 2)
        guard case .errored(let error) = result.status else {
            Issue.record("expected errored")
            return
        }
        #expect(error.code == .budgetExhausted)
        #expect(error.location.step == "list")
    }

    @Test func anOutsideSpecStepIsJudgedByItsErrorEnvelopeAlone() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let codes = try ErrorCodeTable.load(from: root.appendingPathComponent("specs/errors.json").path)
        let checks = ContractChecks.standard(specs: [.v3: Self.v3Spec], codes: codes)
        func probe(outsideSpec: Bool, code: Int) async -> [Finding] {
            let stub = StubTransport { _, _ in
                let error: JSONValue = ["status": 404, "code": .number(.integer(Int64(code))), "message": "m"]
                let body: JSONValue = ["success": false, "error": error, "trace_id": "2eff5df5c6f688733c007523c4d61cd9"]
                return .success(
                    TransportResponse(
                        status: 404,
                        headers: ["Content-Type": "application/json", "X-Trace-ID": "2eff5df5c6f688733c007523c4d61cd9"],
                        body: body.serialized()
                    )
                )
            }
            let step = ScenarioStep(
                name: "probe",
                request: RequestTemplate(method: "GET", path: "/v3/nothing-here", isOutsideSpec: outsideSpec),
                expect: Expectation(statuses: [404])
            )
            let scenario = Scenario(name: "unknown path", version: .v3, steps: [step])
            return await runner(stub, checks: checks).run(scenario).findings
        }
        #expect(await probe(outsideSpec: true, code: 2001).isEmpty)
        #expect(await probe(outsideSpec: false, code: 2001).map(\.rule) == [.undocumentedStatus])
        #expect(await probe(outsideSpec: true, code: 1005).map(\.rule) == [.errorCode])
    }

    @Test func readOnlyModeRefusesTheWrite() async {
        let stub = StubTransport(script: [Self.json(201, [:])])
        let result = await runner(stub, readOnly: true).run(Self.roundTrip)
        #expect(stub.requests.isEmpty)
        guard case .errored(let error) = result.status else {
            Issue.record("expected errored")
            return
        }
        #expect(error.code == .readOnlyViolation)
    }

    @Test func aMissingCaptureBreaksTheScenario() async {
        let stub = StubTransport(script: [Self.json(201, ["is_active": true])])
        let result = await runner(stub).run(Self.roundTrip)
        #expect(result.steps[0].findings.map(\.pointer) == ["/id"])
        #expect(result.steps[1].status == .skipped(reason: "step 'create' broke the scenario"))
        #expect(stub.requests.count == 1)
    }
}
