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

    /// Every fault of the catalogue: API faults show in the response checks and scenario assertions,
    /// secret faults in `secret.once` on every response, delivery faults in the webhook scenarios'
    /// delivery checks, all through the path a user's `conformance run` takes.
    static let faults: [SandboxFault] = SandboxFault.allCases

    @Test func everyFaultHasACase() {
        #expect(Set(Self.faults) == Set(SandboxFault.allCases))
    }

    @Test(arguments: faults)
    func aFaultMakesItsDocumentedRuleFire(fault: SandboxFault) async throws {
        let result = try await runSuite(faults: [fault])
        let rules = Set(result.findings.map(\.rule))
        #expect(rules.contains(fault.rule), "\(fault.name) should trip \(fault.rule); saw \(rules.sorted())")
        // A rule the default policy rates a warning (backoff timing on a shared machine) need not fail the run.
        if SeverityPolicy().severity(of: Finding(rule: fault.rule, message: "")) == .error {
            #expect(AssessedRun(result, gate: Gate(today: CalendarDate(utc: Date()))).verdict.exitCode == .failed)
        }
        #expect(!result.scenarios.contains { if case .errored = $0.status { true } else { false } })
    }
}
