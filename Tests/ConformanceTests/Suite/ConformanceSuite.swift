import ContractKit
import Testing

@testable import conformance

/// The conformance suite a team gates its CI on: every scenario of both versions, one test case each,
/// with every finding recorded as an `Issue`; what the default ``SeverityPolicy`` calls a warning
/// (enum drift, a missing trace id) is a warning issue, which does not fail the test.
///
/// Runs against the embedded sandbox, or against a deployment when `LINQ_V3_BASE_URL` /
/// `LINQ_V2_BASE_URL` and the tokens are set: `swift test --filter ConformanceTests.ConformanceSuite`.
@Suite(.suiteTarget)
struct ConformanceSuite {
    @Test("v3 scenarios", arguments: ScenarioCase.cases(.v3))
    func v3(_ scenarioCase: ScenarioCase) async throws {
        try await run(scenarioCase)
    }

    @Test("v2 scenarios", arguments: ScenarioCase.cases(.v2))
    func v2(_ scenarioCase: ScenarioCase) async throws {
        try await run(scenarioCase)
    }

    private func run(_ scenarioCase: ScenarioCase) async throws {
        guard let scenario = scenarioCase.scenario else {
            Issue.record("cannot load the scenarios: \(scenarioCase.problem ?? "unknown reason")")
            return
        }
        let target = try #require(SuiteTarget.current, "the suite target was not started")
        let result = await target.runner.run(scenario)
        let policy = SeverityPolicy()
        for finding in result.findings {
            Issue.record(
                Comment(rawValue: ScenarioCase.issueText(finding)),
                severity: policy.severity(of: finding) == .error ? .error : .warning
            )
        }
        for step in result.steps + result.cleanup {
            if case .errored(let error) = step.status { Issue.record("step '\(step.name)' not completed: \(error)") }
        }
    }
}
