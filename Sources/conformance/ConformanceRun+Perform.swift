import ContractKit
import LinqSandbox

extension ConformanceRun {
    /// Starts the target `configuration` names (the embedded sandbox with `faults` active on every
    /// request, or the deployment), runs every selected scenario against it and stops it again.
    ///
    /// `run` and `selfcheck` both go through here. With `handlesInterrupts`, SIGINT/SIGTERM cleans up
    /// what the run created before the process ends; `selfcheck` runs several sandboxes at once, which
    /// die with the process, so it leaves signals alone.
    static func perform(
        _ configuration: RunConfiguration,
        inputs: SuiteInputs,
        specsDirectory: String,
        faults: Set<SandboxFault> = [],
        environment: [String: String] = [:],
        handlesInterrupts: Bool = false,
        progress: (ScenarioResult, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }
    ) async throws(RunSetupError) -> RunResult {
        let target = try RunTarget.start(configuration, specsDirectory: specsDirectory, faults: faults)
        defer { target.stop() }
        let run = ConformanceRun(configuration: configuration, inputs: inputs, target: target)
        let suite = run.suiteRunner(environment: environment)
        let signals =
            handlesInterrupts
            ? SignalHandler { _ in
                _ = await suite.cleanUpAfterInterruption()
                target.stop()
            } : nil
        defer { signals?.cancel() }
        return await run.run(suite, progress: progress)
    }
}
