import Foundation

/// Runs one scenario: its steps in order with their own variables, every response through the
/// checks, then its cleanup steps and the deletes its cleanup-ledger entries call for.
///
/// Never throws and never crashes on bad responses: a broken exchange is a `transport` finding,
/// a refused request (budget, read-only) an errored step, and the rest of the run goes on.
public struct ScenarioRunner: Sendable {
    public var targets: [APIVersion: APITarget]
    public var specs: [APIVersion: OpenAPIDocument]
    public var checks: [any ResponseCheck]
    public var transport: any HTTPTransport
    public var retryPolicy: RetryPolicy
    public var budget: RequestBudget
    public var rateLimiter: RateLimiter?
    public var readOnly: ReadOnlyGuard
    public var ledger: CleanupLedger
    public var clock: any RunnerClock
    /// Random numbers in `0..<1` for back-off jitter.
    public var random: @Sendable () -> Double
    public var runID: String
    /// The webhook receiver and delivery checks; `nil` when the run has no receiver.
    public var webhooks: WebhookHarness?
    /// The process environment; only `LINQ_TEST_*` variables reach scenarios.
    public var environment: [String: String]
    public var requestTimeout: Duration

    public init(
        targets: [APIVersion: APITarget],
        specs: [APIVersion: OpenAPIDocument],
        checks: [any ResponseCheck],
        transport: any HTTPTransport,
        retryPolicy: RetryPolicy = .init(),
        budget: RequestBudget = .init(limit: nil),
        rateLimiter: RateLimiter? = nil,
        readOnly: ReadOnlyGuard = .init(isReadOnly: false),
        ledger: CleanupLedger = .init(),
        clock: any RunnerClock = SystemClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        runID: String,
        webhooks: WebhookHarness? = nil,
        environment: [String: String] = [:],
        requestTimeout: Duration = .seconds(30)
    ) {
        self.targets = targets
        self.specs = specs
        self.checks = checks
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.budget = budget
        self.rateLimiter = rateLimiter
        self.readOnly = readOnly
        self.ledger = ledger
        self.clock = clock
        self.random = random
        self.runID = runID
        self.webhooks = webhooks
        self.environment = environment
        self.requestTimeout = requestTimeout
    }

    /// The statuses a ledger delete accepts: gone now, or already gone.
    static let deleteStatuses = [200, 202, 204, 404]

    public func run(_ scenario: Scenario) async -> ScenarioResult {
        let started = clock.uptime
        let uuid = UUID()
        var scope = VariableScope(
            defaults: scenario.variables,
            runID: runID,
            uuid: uuid,
            startedAt: clock.date,
            environment: environment
        )
        var webhooks: ScenarioWebhooks?
        if scenario.usesWebhooks {
            func ended(_ status: ScenarioResult.Status) -> ScenarioResult {
                ScenarioResult(
                    name: scenario.name,
                    version: scenario.version,
                    file: scenario.file,
                    tags: scenario.tags,
                    status: status
                )
            }
            guard let harness = self.webhooks else {
                return ended(.skipped(reason: "needs the webhook receiver, which this run does not start"))
            }
            if let reason = triggerSkipReason(scenario, harness: harness) { return ended(.skipped(reason: reason)) }
            do {
                let hooks = try ScenarioWebhooks(
                    harness: harness,
                    scenario: scenario,
                    runID: runID,
                    uuid: uuid.uuidString.lowercased()
                )
                scope.setReceiverURLs(hooks.urls)
                webhooks = hooks
                if hooks.takesTurns { await harness.turns.acquire(scenario.version) }
            } catch {
                return ended(.errored(error))
            }
        }
        var steps: [StepResult] = []
        var broken: String?
        for step in scenario.steps {
            if let broken {
                steps.append(
                    StepResult(name: step.name, status: .skipped(reason: "step '\(broken)' broke the scenario"))
                )
                continue
            }
            let outcome = await perform(step, of: scenario, scope: &scope, webhooks: &webhooks)
            steps.append(outcome.result)
            if outcome.breaks { broken = step.name }
        }
        var cleanup: [StepResult] = []
        for step in scenario.cleanup {
            cleanup.append(await perform(step, of: scenario, scope: &scope, webhooks: &webhooks, isCleanup: true).result)
        }
        cleanup += await deleteLedgerEntries(ledger.drain(version: scenario.version, scenario: scenario.name))
        if let webhooks, webhooks.takesTurns { await webhooks.harness.turns.release(scenario.version) }
        return ScenarioResult(
            name: scenario.name,
            version: scenario.version,
            file: scenario.file,
            tags: scenario.tags,
            status: Self.status(steps: steps, cleanup: cleanup),
            steps: steps,
            cleanup: cleanup,
            duration: clock.uptime - started
        )
    }

    /// Deletes ledger entries (a scenario's at its end, or everyone's after a signal).
    public func deleteLedgerEntries(_ entries: [CleanupLedger.Entry]) async -> [StepResult] {
        var results: [StepResult] = []
        for entry in entries {
            let delete = RequestTemplate(method: "DELETE", path: entry.deletePath)
            let step = ScenarioStep(
                name: "cleanup: DELETE \(entry.deletePath)",
                request: delete,
                expect: Expectation(statuses: Self.deleteStatuses)
            )
            let scenario = Scenario(name: entry.scenario, version: entry.version, steps: [])
            // The path is already resolved: an empty scope renders it unchanged.
            var scope = VariableScope(defaults: [:], runID: runID, uuid: UUID(), startedAt: clock.date)
            results.append(
                await perform(step, delete, of: scenario, scope: &scope, isCleanup: true, isLedgerDelete: true).result
            )
        }
        return results
    }

    static func status(steps: [StepResult], cleanup: [StepResult]) -> ScenarioResult.Status {
        for step in steps + cleanup {
            if case .errored(let error) = step.status { return .errored(error) }
        }
        let failed = (steps + cleanup).contains { $0.findings.contains { $0.severity == .error } }
        return failed ? .failed : .passed
    }
}
