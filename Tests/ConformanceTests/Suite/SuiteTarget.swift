import ContractKit
import Foundation
import Testing

@testable import conformance

/// What the conformance suite runs against: the embedded sandbox, or the deployment named by
/// `LINQ_V3_BASE_URL` / `LINQ_V2_BASE_URL` with the tokens from `LINQ_API_V3_API_KEY` / `LINQ_INTEGRATION_TOKEN`.
///
/// ``SuiteTargetTrait`` starts it once for the whole suite and stops it at the end; the tests reach it
/// through ``current``.
final class SuiteTarget: Sendable {
    @TaskLocal static var current: SuiteTarget?

    static let environment = ProcessInfo.processInfo.environment
    static let specsDirectory = packageRoot + "/specs"

    /// The run configuration the environment makes (no flags): sandbox unless base URLs are set.
    static let configuration = Result { () throws(HarnessError) -> RunConfiguration in
        try RunConfiguration.parse([], environment: environment)
    }

    /// The specs, error codes and scenarios, loaded once when the tests are discovered.
    static let inputs = Result { () throws(RunSetupError) -> SuiteInputs in
        try SuiteInputs.load(specsDirectory: specsDirectory, scenariosDirectory: specsDirectory + "/scenarios")
    }

    let target: RunTarget
    let runner: ScenarioRunner

    init() throws {
        let configuration = try Self.configuration.get()
        let inputs = try Self.inputs.get()
        target = try RunTarget.start(configuration, specsDirectory: Self.specsDirectory)
        runner = ConformanceRun(configuration: configuration, inputs: inputs, target: target)
            .scenarioRunner(environment: Self.environment)
    }

    func stop() {
        target.stop()
    }
}

/// Starts the ``SuiteTarget`` before the suite's first test and stops it after its last.
struct SuiteTargetTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let target = try SuiteTarget()
        defer { target.stop() }
        try await SuiteTarget.$current.withValue(target) { try await function() }
    }
}

extension Trait where Self == SuiteTargetTrait {
    /// Runs the suite against one started ``SuiteTarget``.
    static var suiteTarget: Self { SuiteTargetTrait() }
}
