import ContractKit
import Foundation

/// One run of the suite: the loaded inputs against a started target, with the configuration's safety limits.
struct ConformanceRun: Sendable {
    var configuration: RunConfiguration
    var inputs: SuiteInputs
    var target: RunTarget
    var transport: any HTTPTransport = URLSessionTransport()

    /// The scenario runner every scenario of this run goes through; the signal handler and
    /// `cleanup` use it too.
    func scenarioRunner(environment: [String: String] = [:]) -> ScenarioRunner {
        let clock = SystemClock()
        return ScenarioRunner(
            targets: target.targets,
            specs: inputs.specs,
            checks: inputs.checks,
            transport: transport,
            budget: RequestBudget(limit: configuration.maxRequests),
            rateLimiter: configuration.rate.map { RateLimiter(rate: $0, clock: clock) },
            readOnly: ReadOnlyGuard(isReadOnly: configuration.isReadOnly),
            clock: clock,
            runID: configuration.runID,
            webhooks: target.webhooks(specs: inputs.specs),
            environment: environment,
            requestTimeout: configuration.requestTimeout
        )
    }

    func suiteRunner(environment: [String: String] = [:]) -> SuiteRunner {
        SuiteRunner(
            runner: scenarioRunner(environment: environment),
            selection: configuration.selection(hasReceiver: true),
            parallel: configuration.parallel
        )
    }

    /// Runs every selected scenario and returns the results in report order; `progress` sees each
    /// scenario as it finishes.
    func run(
        _ suite: SuiteRunner,
        progress: (ScenarioResult, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }
    ) async -> RunResult {
        await suite.run(inputs.scenarios, target: target.description, specHashes: inputs.specHashes, progress: progress)
    }
}
