import ContractKit
import Foundation

/// The result of a ``SelfCheck``: the clean run, one outcome per fault, the score, and the
/// renderings (console table, `selfcheck.md`, `selfcheck-junit.xml`).
struct SelfCheckReport: Sendable, Hashable {
    var clean: SelfCheckOutcome
    /// In the order the faults were asked for.
    var faults: [SelfCheckOutcome]
    /// Wall time of the whole self-check.
    var duration: Duration
    /// Sandboxes that ran at once.
    var parallel: Int

    var detected: Int { faults.filter(\.isPassed).count }
    var undetected: [SelfCheckOutcome] { faults.filter { !$0.isPassed } }
    /// Findings and harness errors on the clean sandbox; each one is a check that cries wolf.
    var falsePositives: Int { clean.findings.count + clean.harnessErrors.count + (clean.setupError == nil ? 0 : 1) }

    /// Passed (0) at 100 % detection with no false positive, failed (1) otherwise.
    var exitCode: ExitCode { detected == faults.count && clean.isPassed ? .passed : .failed }

    /// `23/25 faults detected (92%), 0 false positives, 14.20 s`.
    var scoreLine: String {
        let percent = faults.isEmpty ? 100 : detected * 100 / faults.count
        return "\(detected)/\(faults.count) faults detected (\(percent)%), \(falsePositives) false positives, "
            + "\(Self.seconds(duration)) with \(parallel) sandboxes at once"
    }

    static let columns = ["fault", "expected rule", "detected by", "findings", "time"]

    /// One row per profile, the clean sandbox first.
    var rows: [[String]] {
        ([clean] + faults).map { outcome in
            [
                outcome.name, outcome.fault?.rule.description ?? "(none: no finding)", outcome.verdictText,
                String(outcome.findings.count), Self.seconds(outcome.duration),
            ]
        }
    }

    /// The table in aligned plain-text columns, then the score, for the console.
    var consoleText: String {
        let table = [Self.columns] + rows
        let widths = Self.columns.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        return (lines + ["", (exitCode == .passed ? "PASSED: " : "FAILED: ") + scoreLine]).joined(separator: "\n")
    }

    /// `selfcheck.md`: score, the table, and for each missed profile what the suite saw instead.
    var markdown: String {
        var text = "# Self-check: does the suite catch every sandbox fault?\n\n"
        text += "**\(exitCode == .passed ? "Passed" : "Failed")**: \(scoreLine).\n\n"
        text += "| " + Self.columns.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: Self.columns.count) + "\n"
        for row in rows { text += "| " + row.map(Self.cell).joined(separator: " | ") + " |\n" }
        let missed = ([clean] + faults).filter { !$0.isPassed }
        if !missed.isEmpty {
            text += "\n## Missed\n\n"
            for outcome in missed { text += "- " + Self.cell(Self.missText(outcome)) + "\n" }
        }
        return text
    }

    /// One `testsuite` with a `testcase` per fault and one for the clean sandbox; a missed fault or
    /// a false positive is a `failure`, a run that never started an `error`.
    var junit: JUnitReport {
        let cases = ([clean] + faults).map { outcome in
            JUnitReport.TestCase(
                name: outcome.fault.map { "\($0.name) trips \($0.rule)" } ?? "clean sandbox yields no finding",
                classname: outcome.fault == nil ? "selfcheck.clean" : "selfcheck.faults",
                time: outcome.duration,
                outcomes: Self.junitOutcomes(outcome),
                systemOut: outcome.fault.map { "\($0.summary)\ndetected by: \(outcome.verdictText)" }
            )
        }
        let suite = JUnitReport.Suite(
            name: "selfcheck",
            properties: [
                .init(name: "detected", value: "\(detected)/\(faults.count)"),
                .init(name: "falsePositives", value: String(falsePositives)),
                .init(name: "parallel", value: String(parallel)),
            ],
            cases: cases
        )
        return JUnitReport(name: "conformance selfcheck", suites: [suite])
    }

    private static func junitOutcomes(_ outcome: SelfCheckOutcome) -> [JUnitReport.Outcome] {
        if let setupError = outcome.setupError {
            return [.init(.error, message: "the run did not start", type: "setup", body: setupError)]
        }
        if let fault = outcome.fault {
            guard outcome.detection == nil else { return [] }
            return [
                .init(
                    .failure,
                    message: "no finding names \(fault.rule)",
                    type: fault.rule.description,
                    body: missText(outcome)
                )
            ]
        }
        return outcome.findings.map { finding in
            .init(
                .failure,
                message: "false positive: \(finding.rule) at \(finding.pointer.isEmpty ? "(body)" : finding.pointer)",
                type: finding.rule.description,
                body: finding.message + (finding.location.map { "\n\($0.version) \($0.scenario) › \($0.step)" } ?? "")
            )
        } + outcome.harnessErrors.map { .init(.error, message: "harness error", type: "harness", body: $0) }
    }

    private static func missText(_ outcome: SelfCheckOutcome) -> String {
        guard let fault = outcome.fault else {
            let seen = outcome.findings.map { "\($0.rule) (\($0.location?.scenario ?? "?"))" } + outcome.harnessErrors
            return "clean sandbox: " + (outcome.setupError ?? seen.joined(separator: "; "))
        }
        let seen = outcome.rulesSeen.isEmpty ? "no finding at all" : "only " + outcome.rulesSeen.joined(separator: ", ")
        return "`\(fault.name)` (\(fault.summary)): expected \(fault.rule), the suite reported \(seen)"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Seconds with two decimals, locale-independent: `1.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let hundredths = Int((Double(duration.components.attoseconds) / 1e16).rounded())
            + Int(duration.components.seconds) * 100
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction + " s"
    }
}
