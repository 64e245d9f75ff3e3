import ContractKit

/// The console account of a run: one line per scenario, its failing findings, and a final count line.
struct RunConsole: Sendable {
    let output: CommandOutput
    /// Only the final line.
    var isQuiet = false

    func report(_ result: RunResult, elapsed: Duration) {
        if !isQuiet {
            for scenario in result.scenarios { output.print(line(for: scenario)) }
        }
        output.print(summary(result, elapsed: elapsed))
    }

    /// `✓ v3 subscription round trip — 7 steps passed (12 ms)`, or `✗ …` followed by the findings.
    func line(for scenario: ScenarioResult) -> String {
        let name = "\(scenario.version) \(scenario.name)"
        let elapsed = Self.milliseconds(scenario.duration)
        switch scenario.status {
        case .skipped(let reason):
            return "- \(name) — skipped: \(reason)"
        case .errored(let error):
            return "! \(name) — not completed (\(elapsed)): \(error)"
        case .passed, .failed:
            let steps = scenario.steps
            let passed = steps.count { $0.status == .passed }
            let failed = steps.count { if case .failed = $0.status { true } else { false } }
            let skipped = steps.count - passed - failed
            var counts = "\(passed) passed, \(failed) failed"
            if skipped > 0 { counts += ", \(skipped) skipped" }
            let findings = scenario.findings.filter { $0.severity == .error }
            let mark = scenario.status == .passed ? "✓" : "✗"
            var lines = ["\(mark) \(name) — steps: \(counts); findings: \(findings.count) (\(elapsed))"]
            lines += findings.map { "    " + Self.describe($0) }
            return lines.joined(separator: "\n")
        }
    }

    /// `31 passed, 0 failed` plus skipped and errored counts when there are any, and the wall time.
    func summary(_ result: RunResult, elapsed: Duration) -> String {
        var passed = 0
        var failed = 0
        var skipped = 0
        var errored = 0
        for scenario in result.scenarios {
            switch scenario.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            case .errored: errored += 1
            }
        }
        var text = "\(passed) passed, \(failed) failed"
        if skipped > 0 { text += ", \(skipped) skipped" }
        if errored > 0 { text += ", \(errored) not completed" }
        return text + " in \(Self.milliseconds(elapsed)) (run \(result.runID), \(result.target))"
    }

    /// `response.schema at /created_at: expected property 'created_at', actual missing [step 'get']`.
    static func describe(_ finding: Finding) -> String {
        let pointer = finding.pointer.isEmpty ? "" : " at \(finding.pointer)"
        var text = "\(finding.rule)\(pointer): \(finding.message)"
        if !finding.expected.isEmpty || !finding.actual.isEmpty {
            text += " (expected \(finding.expected), actual \(finding.actual))"
        }
        if let step = finding.location?.step { text += " [step '\(step)']" }
        return text
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}
