import Foundation

/// Renders `summary.md`, the page people read (and GitHub shows as the job summary): a table per
/// version, failing findings grouped by rule, allowed and warning findings, enum drift, harness
/// errors, allow-list problems, and the retry schedules observed.
public struct MarkdownSummaryWriter: Sendable {
    public var redactor: Redactor

    public init(redactor: Redactor) {
        self.redactor = redactor
    }

    public func render(_ run: AssessedRun) -> String {
        var lines = [
            "# Conformance run `\(run.result.runID)`", "",
            "Target: \(cell(run.result.target)) · Result: **\(verdictText(run.verdict.exitCode))**"
                + " · fail on \(run.policy.failOn.rawValue)\(run.policy.isStrict ? " (strict)" : "")"
                + " · \(ReportTime.human(.seconds(run.result.finishedAt.timeIntervalSince(run.result.startedAt))))",
            "",
            "| Version | Scenarios | Checks | Passed | Failed | Skipped | Errors | Warnings | Allowed |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for version in run.versions {
            let scenarios = run.scenarios.filter { $0.result.version == version }
            let steps = scenarios.flatMap(\.steps)
            let findings = steps.flatMap(\.findings)
            let row = [
                version.rawValue, String(scenarios.count), String(steps.count),
                String(steps.count { $0.outcome == .passed }), String(steps.count { $0.outcome == .failed }),
                String(steps.count { $0.outcome.isSkipped }), String(steps.count { $0.outcome.isErrored }),
                String(findings.count { !$0.isFailing && !$0.isAllowed }), String(findings.count(where: \.isAllowed)),
            ]
            lines.append("| " + row.joined(separator: " | ") + " |")
        }
        let all = run.findings
        section("Failing findings", all.filter { $0.finding.isFailing }, grouped: true, into: &lines)
        section("Warnings", all.filter { !$0.finding.isFailing && !$0.finding.isAllowed }, grouped: true, into: &lines)
        section("Allowed known differences", all.filter { $0.finding.isAllowed }, grouped: false, into: &lines)
        let drift = all.filter { $0.finding.finding.rule == .enumValue }
        if !drift.isEmpty {
            lines += ["", "## Enum drift", "", "| Where | Pointer | Documented | Seen |", "|---|---|---|---|"]
            lines += drift.map { item in
                "| \(place(item.scenario, item.step)) | `\(cell(item.finding.finding.pointer))` | "
                    + "\(cell(item.finding.finding.expected)) | \(cell(item.finding.finding.actual)) |"
            }
        }
        let errors = run.harnessErrors
        if !errors.isEmpty {
            lines += ["", "## Harness errors", ""]
            lines += errors.map { "- \(place($0.scenario, $0.step)): \(cell($0.error.description))" }
        }
        if !run.verdict.entryIssues.isEmpty {
            lines += ["", "## Known-differences file", ""]
            lines += run.verdict.entryIssues.map {
                "- \($0.isFailing ? "**\($0.kind.rawValue)**" : $0.kind.rawValue): \(cell($0.message))"
            }
        }
        let retried = run.scenarios.flatMap { scenario in scenario.steps.map { (scenario, $0) } }
            .filter { $0.1.result.attempts.count > 1 }
        if !retried.isEmpty {
            lines += ["", "## Retry schedules", ""]
            for (scenario, step) in retried {
                lines.append("- \(place(scenario, step)): " + schedule(step.result.attempts))
            }
        }
        return redactor.redact(lines.joined(separator: "\n")) + "\n"
    }

    private func section(
        _ title: String,
        _ items: [(scenario: AssessedRun.Scenario, step: AssessedRun.Step, finding: AssessedFinding)],
        grouped: Bool,
        into lines: inout [String]
    ) {
        guard !items.isEmpty else { return }
        lines += ["", "## \(title) (\(items.count))"]
        let rules: [Rule?] = grouped ? Array(Set(items.map(\.finding.finding.rule))).sorted() : [nil]
        for rule in rules {
            let members = items.filter { rule == nil || $0.finding.finding.rule == rule }
            if let rule { lines += ["", "### `\(rule)` (\(members.count))"] }
            lines.append("")
            for item in members {
                let finding = item.finding.finding
                var line = "- \(place(item.scenario, item.step))"
                if !finding.pointer.isEmpty { line += " `\(cell(finding.pointer))`" }
                line += ": \(cell(finding.message))"
                if !finding.expected.isEmpty || !finding.actual.isEmpty {
                    line += " (expected \(cell(finding.expected)), actual \(cell(finding.actual)))"
                }
                if let entry = item.finding.allowedBy { line += " — allowed by `\(entry)`" }
                lines.append(line)
            }
        }
    }

    /// `503 → 200 ms (status 503) → 503 → 400 ms → 200`.
    private func schedule(_ attempts: [Attempt]) -> String {
        attempts.map { attempt in
            var part = Transcript.outcome(attempt.outcome)
            if let wait = attempt.waitBeforeNext {
                part += " → wait \(ReportTime.human(wait))"
                if let reason = attempt.retryReason { part += " (\(reason))" }
            }
            return cell(part)
        }.joined(separator: " → ")
    }

    private func place(_ scenario: AssessedRun.Scenario, _ step: AssessedRun.Step?) -> String {
        let base = "\(scenario.result.version) · \(cell(scenario.result.name))"
        return step.map { base + " › \(cell($0.result.name))" } ?? base
    }

    private func verdictText(_ code: ExitCode) -> String {
        switch code {
        case .passed: "passed"
        case .failed: "failed"
        case .configurationError: "incomplete (harness errors)"
        }
    }

    /// Text safe in a table cell or list item: one line, `|` escaped, long values cut.
    private func cell(_ text: String) -> String {
        var single = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|")
        if single.count > 300 { single = String(single.prefix(300)) + "…" }
        return single
    }
}
