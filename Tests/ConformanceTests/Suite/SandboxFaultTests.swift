import ContractKit
import Foundation
import LinqSandbox
import Testing

@testable import conformance

/// The whole suite against sandboxes of its own: clean, it yields no finding; with a fault, the rule
/// the fault catalogue documents fires.
struct SandboxFaultTests {
    /// Runs every scenario against a fresh sandbox with `faults`.
    func runSuite(faults: Set<SandboxFault>) async throws -> RunResult {
        let inputs = try SuiteTarget.inputs.get()
        let configuration = RunConfiguration(runID: "cr-faulttest")
        let target = try RunTarget.start(configuration, specsDirectory: SuiteTarget.specsDirectory, faults: faults)
        defer { target.stop() }
        let run = ConformanceRun(configuration: configuration, inputs: inputs, target: target)
        return await run.run(run.suiteRunner())
    }

    @Test func theCleanSandboxYieldsNoFindingOverTheWholeSuite() async throws {
        let result = try await runSuite(faults: [])
        #expect(result.scenarios.count == (try SuiteTarget.inputs.get()).scenarios.count)
        #expect(result.findings.map(ScenarioCase.issueText) == [])
        #expect(result.scenarios.allSatisfy { $0.status == .passed })
    }

    /// The API faults whose rules the response checks and scenarios own (delivery and secret faults
    /// are proved by the webhook tests).
    static let faults: [SandboxFault] = [
        .missingRequiredField, .wrongFieldType, .undocumentedEventType, .errorWithoutEnvelope,
        .errorStatusMismatch, .wrongNotFoundCode, .rateLimitWithoutRetryAfter, .nonJSONSuccessBody,
        .wrongContentType, .missingTraceID, .targetURLNotUnique, .httpTargetURLAccepted, .putIgnoresIsActive,
        .v2PlainTextErrors,
    ]

    @Test(arguments: faults)
    func aFaultMakesItsDocumentedRuleFire(fault: SandboxFault) async throws {
        let result = try await runSuite(faults: [fault])
        let rules = Set(result.findings.map(\.rule))
        #expect(rules.contains(fault.rule), "\(fault.name) should trip \(fault.rule); saw \(rules.sorted())")
        #expect(AssessedRun(result, gate: Gate(today: CalendarDate(utc: Date()))).verdict.exitCode == .failed)
        #expect(!result.scenarios.contains { if case .errored = $0.status { true } else { false } })
    }
}
