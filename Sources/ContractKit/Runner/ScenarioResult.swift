/// What happened in one scenario.
public struct ScenarioResult: Sendable, Hashable {
    /// How the scenario ended, worst first: errored > failed > passed; skipped means never started.
    public enum Status: Sendable, Hashable {
        case passed
        /// At least one error-severity finding.
        case failed
        /// Not run: deselected by read-only mode, a shard, or a missing precondition.
        case skipped(reason: String)
        /// The harness could not carry it out (budget spent, read-only refusal, undefined variable).
        case errored(HarnessError)
    }

    public var name: String
    public var version: APIVersion
    public var file: String
    public var tags: [String]
    public var status: Status
    public var steps: [StepResult]
    /// The scenario's cleanup steps, then one step per ledger delete, in the order they ran.
    public var cleanup: [StepResult]
    public var duration: Duration

    public init(
        name: String,
        version: APIVersion,
        file: String,
        tags: [String],
        status: Status,
        steps: [StepResult] = [],
        cleanup: [StepResult] = [],
        duration: Duration = .zero
    ) {
        self.name = name
        self.version = version
        self.file = file
        self.tags = tags
        self.status = status
        self.steps = steps
        self.cleanup = cleanup
        self.duration = duration
    }

    /// Every finding of the scenario, steps first, then cleanup.
    public var findings: [Finding] {
        (steps + cleanup).flatMap(\.findings)
    }
}
