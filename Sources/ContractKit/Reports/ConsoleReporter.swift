/// Progress for people watching a run: one line per finished scenario with its step counts and
/// the time since the run began, then one line with the verdict.
///
/// Colour only when the output is a terminal and `NO_COLOR` is unset (https://no-color.org);
/// `--quiet` keeps only the verdict line. Every line passes through the redactor.
public struct ConsoleReporter: Sendable {
    public var output: any ReportOutput
    public var isQuiet: Bool
    public var usesColor: Bool
    public var redactor: Redactor
    public var gate: Gate

    public init(output: any ReportOutput, environment: [String: String], isQuiet: Bool, redactor: Redactor, gate: Gate)
    {
        self.output = output
        self.isQuiet = isQuiet
        self.usesColor = output.isTerminal && environment["NO_COLOR"] == nil
        self.redactor = redactor
        self.gate = gate
    }

    /// Reports one finished scenario:
    /// `[3/12] FAIL v3 messages: 4 passed, 1 failed, 0 skipped (0.42 s; 12.30 s elapsed)`.
    public func scenarioFinished(_ result: ScenarioResult, index: Int, total: Int, elapsed: Duration) {
        guard !isQuiet else { return }
        let scenario = AssessedRun.Scenario(result, gate: gate)
        let (word, color) =
            switch scenario.outcome {
            case .passed: ("PASS", "32")
            case .failed: ("FAIL", "31")
            case .skipped: ("SKIP", "33")
            case .errored: ("ERR ", "35")
            }
        var line =
            "[\(index)/\(total)] \(paint(word, color)) \(result.version) \(result.name): "
            + "\(scenario.passedSteps) passed, \(scenario.failedSteps) failed, \(scenario.skippedSteps) skipped"
        if scenario.erroredSteps > 0 { line += ", \(scenario.erroredSteps) errored" }
        line += " (\(ReportTime.human(result.duration)); \(ReportTime.human(elapsed)) elapsed)"
        switch scenario.outcome {
        case .skipped(let reason): line += " — \(reason)"
        case .errored(let error): line += " — \(error)"
        case .passed, .failed: break
        }
        write(line)
    }

    /// The closing line, printed even when quiet.
    public func runFinished(_ run: AssessedRun) {
        let steps = run.scenarios.flatMap(\.steps)
        let findings = run.verdict.findings
        let (word, color) =
            switch run.verdict.exitCode {
            case .passed: ("PASSED", "32")
            case .failed: ("FAILED", "31")
            case .configurationError: ("INCOMPLETE", "35")
            }
        var line =
            "\(paint(word, color)): \(run.scenarios.count) scenarios, \(steps.count) steps: "
            + "\(steps.count { $0.outcome == .passed }) passed, \(steps.count { $0.outcome == .failed }) failed, "
            + "\(steps.count { $0.outcome.isSkipped }) skipped, \(steps.count { $0.outcome.isErrored }) errored; "
            + "\(findings.count(where: \.isFailing)) failing findings, \(findings.count(where: \.isAllowed)) allowed"
        let stale = run.verdict.entryIssues.count { $0.kind == .stale }
        let expired = run.verdict.entryIssues.count { $0.kind == .expired }
        if stale + expired > 0 { line += "; known differences: \(expired) expired, \(stale) stale" }
        write(line + " (exit \(run.verdict.exitCode.rawValue))")
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func write(_ line: String) {
        output.write(redactor.redact(line) + "\n")
    }
}
