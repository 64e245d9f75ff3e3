import Foundation

@testable import ContractKit

/// A whole run against a ``HostileServer``: a tiny spec, one-step scenarios loaded through
/// ``ScenarioLoader``, the real transport and runner, and the reports written to a temporary directory.
struct HostileRun {
    static let spec: OpenAPIDocument = {
        let schema: JSONValue = ["type": "object", "required": ["id"], "properties": ["id": ["type": "string"]]]
        let ok: JSONValue = ["description": "ok", "content": ["application/json": ["schema": schema]]]
        let root: JSONValue = [
            "openapi": "3.1.0",
            "info": ["title": "hostile", "version": "1"],
            "paths": [
                "/v3/things": ["get": ["operationId": "getThing", "responses": ["200": ok]]],
                "/v3/healthy": ["get": ["operationId": "getHealthy", "responses": ["200": ok]]],
            ],
        ]
        return try! OpenAPIDocument(root: root, source: "hostile-spec.json")
    }()

    /// A scenario with one GET step, loaded (and checked against ``spec``) as a file would be.
    static func scenario(_ name: String, path: String) throws -> Scenario {
        let json: JSONValue = [
            "name": .string(name), "version": "v3", "tags": ["read-only"],
            "steps": [["name": "get", "request": ["method": "GET", "path": .string(path)], "expect": ["status": 200]]],
        ]
        return try ScenarioLoader(specs: [.v3: spec]).load(json: json, file: "v3/\(name).json")
    }

    let server: HostileServer
    var timeout = Duration.seconds(1)
    /// One quick retry, so the bound also covers the runner retrying a retryable failure.
    var retryPolicy = RetryPolicy(maxRetries: 1, initialDelay: .milliseconds(20), maxDelay: .milliseconds(50))

    /// The longest the two-scenario run may take: every attempt hitting the timeout, plus back-off,
    /// times 5 for a loaded 2-core machine.
    var wallClockBound: Duration {
        (timeout * (retryPolicy.maxRetries + 1) + retryPolicy.maxDelay * retryPolicy.maxRetries) * 5
    }

    /// Runs the hostile scenario, then a healthy one, one at a time so the order is the run's order.
    func run() async throws -> RunResult {
        let runner = ScenarioRunner(
            targets: [.v3: APITarget(version: .v3, baseURL: server.url(""), token: "hostile-run-token-0123456789")],
            specs: [.v3: Self.spec],
            checks: [ResponseShapeCheck(validators: SpecValidators(specs: [.v3: Self.spec]))],
            transport: URLSessionTransport(),
            retryPolicy: retryPolicy,
            runID: "hostile-run",
            requestTimeout: timeout
        )
        let scenarios = [
            try Self.scenario("a hostile exchange", path: "/v3/things"),
            try Self.scenario("b healthy afterwards", path: HostileServer.healthyPath),
        ]
        return await SuiteRunner(runner: runner, parallel: 1).run(scenarios, target: "hostile", specHashes: [:])
    }

    /// Writes every report of `result` into a fresh directory; returns it, the JUnit text and the exit code.
    static func writeReports(_ result: RunResult) throws -> (directory: URL, junit: String, exitCode: ExitCode) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hostile-reports-\(UUID())")
        let options = ReportWriter.Options(gate: Gate(today: CalendarDate(year: 2026, month: 1, day: 1)),
                                           redactor: Redactor())
        let assessed = try ReportWriter.write(result: result, to: directory.path, options: options)
        let junit = try String(contentsOf: directory.appending(path: ReportWriter.junitFile), encoding: .utf8)
        return (directory, junit, assessed.verdict.exitCode)
    }
}
