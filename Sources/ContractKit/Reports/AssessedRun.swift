/// A ``RunResult`` with the gate's judgement attached to every scenario, step and finding: the one
/// model every report is rendered from, so JUnit, JSON, Markdown and console cannot disagree.
public struct AssessedRun: Sendable, Hashable {
    /// How a scenario or step comes out in the reports.
    public enum Outcome: Sendable, Hashable {
        case passed
        /// At least one failing finding (one the gate does not allow and whose severity meets `--fail-on`).
        case failed
        case skipped(reason: String)
        case errored(HarnessError)

        public var label: String {
            switch self {
            case .passed: "passed"
            case .failed: "failed"
            case .skipped: "skipped"
            case .errored: "errored"
            }
        }
    }

    /// A step with its assessed findings.
    public struct Step: Sendable, Hashable {
        public var result: StepResult
        public var isCleanup: Bool
        public var findings: [AssessedFinding]
        public var outcome: Outcome

        init(_ step: StepResult, isCleanup: Bool, gate: Gate) {
            let findings = step.findings.map(gate.assess)
            let outcome: Outcome =
                switch step.status {
                case .errored(let error): .errored(error)
                case .skipped(let reason): .skipped(reason: reason)
                case .passed, .failed: findings.contains(where: \.isFailing) ? .failed : .passed
                }
            self.init(result: step, isCleanup: isCleanup, findings: findings, outcome: outcome)
        }

        init(result: StepResult, isCleanup: Bool, findings: [AssessedFinding], outcome: Outcome) {
            self.result = result
            self.isCleanup = isCleanup
            self.findings = findings
            self.outcome = outcome
        }
    }

    /// A scenario with its assessed steps (cleanup last).
    public struct Scenario: Sendable, Hashable {
        public var result: ScenarioResult
        public var steps: [Step]
        public var outcome: Outcome

        init(result: ScenarioResult, steps: [Step], outcome: Outcome) {
            self.result = result
            self.steps = steps
            self.outcome = outcome
        }

        /// `result` judged by `gate`; the console reporter uses it as each scenario finishes.
        public init(_ result: ScenarioResult, gate: Gate) {
            let steps =
                result.steps.map { Step($0, isCleanup: false, gate: gate) }
                + result.cleanup.map { Step($0, isCleanup: true, gate: gate) }
            let outcome: Outcome =
                switch result.status {
                case .errored(let error): .errored(error)
                case .skipped(let reason): .skipped(reason: reason)
                case .passed, .failed:
                    steps.lazy.compactMap { if case .errored(let error) = $0.outcome { error } else { nil } }.first
                        .map(Outcome.errored) ?? (steps.contains { $0.outcome == .failed } ? .failed : .passed)
                }
            self.init(result: result, steps: steps, outcome: outcome)
        }

        public var passedSteps: Int { steps.count { $0.outcome == .passed } }
        public var failedSteps: Int { steps.count { $0.outcome == .failed } }
        public var skippedSteps: Int { steps.count { $0.outcome.isSkipped } }
        public var erroredSteps: Int { steps.count { $0.outcome.isErrored } }
    }

    public var result: RunResult
    public var scenarios: [Scenario]
    public var verdict: GateVerdict
    /// The policy the verdict was reached under, for the reports' header.
    public var policy: SeverityPolicy

    public init(_ result: RunResult, gate: Gate) {
        self.result = result
        self.policy = gate.policy
        scenarios = result.scenarios.map { Scenario($0, gate: gate) }
        let harnessErrors = scenarios.reduce(0) { $0 + max($1.erroredSteps, $1.outcome.isErrored ? 1 : 0) }
        verdict = gate.verdict(findings: result.findings, harnessErrorCount: harnessErrors)
    }

    /// Every harness error of the run with where it happened: errored steps, else errored scenarios.
    public var harnessErrors: [(scenario: Scenario, step: Step?, error: HarnessError)] {
        scenarios.flatMap { scenario -> [(scenario: Scenario, step: Step?, error: HarnessError)] in
            let steps = scenario.steps.compactMap { step -> (scenario: Scenario, step: Step?, error: HarnessError)? in
                if case .errored(let error) = step.outcome { (scenario, step, error) } else { nil }
            }
            if steps.isEmpty, case .errored(let error) = scenario.outcome { return [(scenario, nil, error)] }
            return steps
        }
    }

    /// Every assessed finding with its scenario and step, in run order.
    public var findings: [(scenario: Scenario, step: Step, finding: AssessedFinding)] {
        scenarios.flatMap { scenario in
            scenario.steps.flatMap { step in step.findings.map { (scenario, step, $0) } }
        }
    }

    /// The API versions present, in order.
    public var versions: [APIVersion] {
        Array(Set(scenarios.map(\.result.version))).sorted()
    }
}

extension AssessedRun.Outcome {
    public var isErrored: Bool {
        if case .errored = self { true } else { false }
    }

    public var isSkipped: Bool {
        if case .skipped = self { true } else { false }
    }
}
