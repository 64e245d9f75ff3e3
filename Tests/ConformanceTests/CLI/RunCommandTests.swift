import ContractKit
import Foundation
import LinqSandbox
import Testing

@testable import conformance

struct RunCommandTests {
    @Test func aSandboxFaultFailsTheRunAndItsFindingsReachTheReports() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(
            ["run", "--sandbox-fault", "wrong-content-type", "--only", "v3", "--reports", reports]
        )
        #expect(result.status == 1)
        #expect(result.stdout.contains("] FAIL v3 subscription round trip: "))
        let v3Scenarios = try FileManager.default.contentsOfDirectory(atPath: SuiteTarget.specsDirectory + "/scenarios/v3")
            .filter { $0.hasSuffix(".json") }.count
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("FAILED: \(v3Scenarios) scenarios") == true)
        let results = try String(contentsOfFile: reports + "/results.json", encoding: .utf8)
        #expect(results.contains("\"response.content-type\""))
    }

    @Test func readOnlyRunsOnlyReadOnlyScenariosAndSkipsTheRest() async throws {
        let result = await runConformance(["--read-only", "--reports", try temporaryDirectory(with: [:])])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("] PASS ") }.count == 5)
        for version in ["v2", "v3"] {
            #expect(lines.contains { $0.contains("] PASS \(version) unknown path: ") })
        }
        #expect(lines.contains { $0.contains("] SKIP v3 subscription round trip: ") && $0.contains("read-only mode") })
    }

    @Test func scenarioAndOnlySelectOneScenario() async throws {
        let result = await runConformance(
            [
                "run", "--only", "v3", "--scenario", "unknown subscription id", "--quiet", "--reports",
                try temporaryDirectory(with: [:]),
            ]
        )
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("PASSED: 1 scenarios, "))
    }

    @Test(arguments: [
        (["run", "--parallel", "0"], "--parallel"),
        (["run", "--shard", "3/2"], "--shard"),
        (["run", "--sandbox-fault", "no-such-fault"], "unknown sandbox fault 'no-such-fault'"),
        (["run", "--token", "secret"], "unknown option '--token'"),
        (["run", "--v3-base-url", "https://api.example.com"], "LINQ_API_V3_API_KEY"),
        (["run", "--v3-base-url", "http://api.example.com"], "plain HTTP"),
        (["run", "--specs", "/nonexistent"], "/nonexistent/v2/openapi.json"),
        (["run", "--fail-on", "fatal"], "fatal"),
    ])
    func badConfigurationExitsTwoNamingTheFlag(arguments: [String], message: String) async {
        let result = await runConformance(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aBadScenarioFileExitsTwoNamingFileAndField() async throws {
        let scenario = """
            {"name": "bad", "version": "v3", "steps": [{"name": "s",
             "request": {"method": "GET", "path": "/v3/no-such-endpoint"}}]}
            """
        let directory = try temporaryDirectory(with: ["v3/bad.json": scenario])
        let result = await runConformance(["run", "--scenarios", directory])
        #expect(result.status == 2)
        #expect(result.stderr.contains("v3/bad.json, step 's', field '/steps/0/request/path'"), "\(result.stderr)")
    }

    @Test func aDeploymentTargetRunsWithTheEnvironmentsTokensAndSkipsSandboxOnlyScenarios() async throws {
        let sandbox = LinqSandbox(
            configuration: SandboxConfiguration(specsDirectory: URL(fileURLWithPath: packageRoot + "/specs"))
        )
        let url = try sandbox.start()
        defer { sandbox.stop() }
        let captured = CapturedOutput()
        let status = await ConformanceCLI.run(
            arguments: ["run", "--only", "v3", "--reports", try temporaryDirectory(with: [:])],
            environment: ["LINQ_V3_BASE_URL": url.absoluteString, "LINQ_API_V3_API_KEY": "sandbox-v3-key"],
            currentDirectory: packageRoot,
            output: captured.output
        )
        #expect(status == 0, "\(captured.standardOutput)\(captured.standardError)")
        #expect(captured.standardOutput.contains("] SKIP v3 rate-limit error envelope: "))
        #expect(!captured.standardOutput.contains("sandbox-v3-key"))
    }

    @Test func sandboxListsEveryFaultWithWhatItBreaks() async {
        let result = await runConformance(["sandbox", "--list-faults"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == SandboxFault.allCases.count)
        for (line, fault) in zip(lines, SandboxFault.allCases) {
            #expect(line.hasPrefix(fault.name + " "))
            #expect(line.hasSuffix("\(fault.summary) [\(fault.rule)]"))
        }
    }

    @Test(arguments: [
        ["sandbox", "--port", "70000"], ["sandbox", "--fault", "nope"], ["sandbox", "--time-scale", "0"],
    ])
    func sandboxRejectsBadOptions(arguments: [String]) async {
        let result = await runConformance(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func cleanupNeedsARunIDAndADeployment() async {
        #expect(await runConformance(["cleanup"]).stderr.contains("missing --run-id"))
        let sandboxOnly = await runConformance(["cleanup", "--run-id", "cr-123456"])
        #expect(sandboxOnly.status == 2)
        #expect(sandboxOnly.stderr.contains("cleanup sweeps a deployment"))
    }

    @Test func cleanupDeletesOnlyTheRunsLeftovers() async throws {
        let sandbox = LinqSandbox(
            configuration: SandboxConfiguration(specsDirectory: URL(fileURLWithPath: packageRoot + "/specs"))
        )
        let url = try sandbox.start()
        defer { sandbox.stop() }
        let transport = URLSessionTransport()
        for path in ["cr-leftover1/a", "cr-leftover1/b", "keep"] {
            let response = try await transport.send(
                TransportRequest(
                    method: "POST",
                    url: url.appendingPathComponent("v3/webhook-subscriptions"),
                    headers: ["Authorization": "Bearer sandbox-v3-key", "Content-Type": "application/json"],
                    body: Array(
                        #"{"target_url": "https://example.com/\#(path)", "subscribed_events": ["message.sent"]}"#.utf8
                    )
                )
            )
            #expect(response.status == 201)
        }
        let captured = CapturedOutput()
        let status = await ConformanceCLI.run(
            arguments: ["cleanup", "--run-id", "cr-leftover1", "--only", "v3"],
            environment: ["LINQ_V3_BASE_URL": url.absoluteString, "LINQ_API_V3_API_KEY": "sandbox-v3-key"],
            currentDirectory: packageRoot,
            output: captured.output
        )
        #expect(status == 0, "\(captured.standardOutput)\(captured.standardError)")
        #expect(captured.standardOutput.hasSuffix("2 leftover subscriptions of run cr-leftover1 deleted\n"))
    }
}
