import ContractKit
import Testing

@testable import conformance

/// One scenario file as a test case, named after the scenario.
struct ScenarioCase: Sendable, CustomTestStringConvertible {
    /// `nil` when the scenario files could not be loaded; ``problem`` says why.
    let scenario: Scenario?
    let problem: String?

    var testDescription: String { scenario?.name ?? "scenario files" }

    /// The scenarios of `version` the environment's target runs: every one against the sandbox; against a
    /// deployment, those it has a base URL for and that do not rely on the sandbox.
    static func cases(_ version: APIVersion) -> [ScenarioCase] {
        let configuration: RunConfiguration
        let inputs: SuiteInputs
        do {
            configuration = try SuiteTarget.configuration.get()
            inputs = try SuiteTarget.inputs.get()
        } catch {
            return [ScenarioCase(scenario: nil, problem: "\(error)")]
        }
        let selection = configuration.selection(hasReceiver: true)
        return inputs.scenarios
            .filter { $0.version == version && selection.includes($0) && selection.skipReason(for: $0) == nil }
            .map { ScenarioCase(scenario: $0, problem: nil) }
    }

    /// `rule at /pointer: expected …, actual … — message [step 'name']`, the text of an `Issue`.
    static func issueText(_ finding: Finding) -> String {
        let pointer = finding.pointer.isEmpty ? "(body)" : finding.pointer
        return "\(finding.rule) at \(pointer): expected \(finding.expected), actual \(finding.actual) — "
            + "\(finding.message) [step '\(finding.location?.step ?? "?")']"
    }
}
