import ContractKit
import LinqSandbox

/// Mutation testing of the suite: runs every scenario against a sandbox acting out one fault at a
/// time, and against a clean sandbox, to prove each fault trips the rule the catalogue documents
/// for it and the clean sandbox trips nothing.
///
/// Each profile gets a sandbox of its own on its own port, so up to ``parallel`` run at once.
struct SelfCheck: Sendable {
    var inputs: SuiteInputs
    var specsDirectory: String
    /// Sandboxes (whole suite runs) at once. A run spends nearly all its time waiting for scheduled
    /// webhook retries, so eight at once fit two cores.
    static let defaultParallel = 8
    var parallel = SelfCheck.defaultParallel

    /// Runs the clean sandbox and one sandbox per fault in `faults`; `progress` sees each profile as
    /// it finishes, with how many have finished and how many there are.
    func run(
        faults: [SandboxFault] = SandboxFault.allCases,
        progress: (SelfCheckOutcome, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }
    ) async -> SelfCheckReport {
        let started = ContinuousClock.now
        let profiles: [SandboxFault?] = [nil] + faults
        var outcomes: [SelfCheckOutcome] = []
        await withTaskGroup(of: SelfCheckOutcome.self) { group in
            var pending = profiles[...]
            func startNext() {
                guard let profile = pending.popFirst() else { return }
                group.addTask { await run(profile) }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            for await outcome in group {
                outcomes.append(outcome)
                progress(outcome, outcomes.count, profiles.count)
                startNext()
            }
        }
        let clean = outcomes.first { $0.fault == nil }
        return SelfCheckReport(
            clean: clean ?? SelfCheckOutcome(fault: nil, findings: [], harnessErrors: [], duration: .zero),
            faults: faults.compactMap { fault in outcomes.first { $0.fault == fault } },
            duration: .now - started,
            parallel: parallel
        )
    }

    /// The whole suite against a fresh sandbox with `fault` (none for the clean profile).
    private func run(_ fault: SandboxFault?) async -> SelfCheckOutcome {
        let started = ContinuousClock.now
        do {
            let result = try await ConformanceRun.perform(
                RunConfiguration(),
                inputs: inputs,
                specsDirectory: specsDirectory,
                faults: fault.map { [$0] } ?? []
            )
            let harnessErrors = result.scenarios.compactMap { scenario -> String? in
                guard case .errored(let error) = scenario.status else { return nil }
                return "\(scenario.version) \(scenario.name): \(error)"
            }
            return SelfCheckOutcome(
                fault: fault,
                findings: result.findings,
                harnessErrors: harnessErrors,
                duration: .now - started
            )
        } catch {
            return SelfCheckOutcome(
                fault: fault,
                findings: [],
                harnessErrors: [],
                setupError: error.description,
                duration: .now - started
            )
        }
    }
}
