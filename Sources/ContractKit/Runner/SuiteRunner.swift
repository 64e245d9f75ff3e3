/// Runs many scenarios, `parallel` at a time, and returns their results in a fixed order.
public struct SuiteRunner: Sendable {
    public var runner: ScenarioRunner
    public var selection: ScenarioSelection
    /// How many scenarios run at once (`--parallel`).
    public var parallel: Int

    public init(runner: ScenarioRunner, selection: ScenarioSelection = .init(), parallel: Int = 4) {
        self.runner = runner
        self.selection = selection
        self.parallel = max(1, parallel)
    }

    /// Runs the selected scenarios; results are sorted by version, file and name whatever order they finished in.
    /// `progress` sees each result as its scenario finishes, with how many have finished and the total.
    public func run(
        _ scenarios: [Scenario],
        target: String,
        specHashes: [APIVersion: String],
        progress: (ScenarioResult, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }
    ) async -> RunResult {
        let startedAt = runner.clock.date
        let included = scenarios.filter(selection.includes).sorted(by: Self.order)
        var results: [ScenarioResult?] = Array(repeating: nil, count: included.count)
        let runner = self.runner
        await withTaskGroup(of: (Int, ScenarioResult).self) { group in
            var next = 0
            var finished = 0
            func record(_ result: ScenarioResult, at index: Int) {
                results[index] = result
                finished += 1
                progress(result, finished, included.count)
            }
            func startNext() {
                guard next < included.count else { return }
                let (index, scenario) = (next, included[next])
                next += 1
                if let reason = selection.skipReason(for: scenario) {
                    let skipped = ScenarioResult(
                        name: scenario.name,
                        version: scenario.version,
                        file: scenario.file,
                        tags: scenario.tags,
                        status: .skipped(reason: reason)
                    )
                    record(skipped, at: index)
                    return startNext()
                }
                group.addTask { (index, await runner.run(scenario)) }
            }
            for _ in 0..<parallel { startNext() }
            for await (index, result) in group {
                record(result, at: index)
                startNext()
            }
        }
        return RunResult(
            runID: runner.runID,
            target: target,
            specHashes: specHashes,
            startedAt: startedAt,
            finishedAt: runner.clock.date,
            scenarios: results.compactMap { $0 }
        )
    }

    /// Deletes everything every scenario created and has not deleted yet; for the signal handler.
    public func cleanUpAfterInterruption() async -> [StepResult] {
        await runner.deleteLedgerEntries(runner.ledger.drainAll())
    }

    static func order(_ a: Scenario, _ b: Scenario) -> Bool {
        (a.version, a.file, a.name) < (b.version, b.file, b.name)
    }
}
