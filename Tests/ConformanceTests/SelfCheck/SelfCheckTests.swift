import ContractKit
import Foundation
import LinqSandbox
import Testing

@testable import conformance

/// The suite proves itself: every sandbox fault trips its documented rule, and the clean sandbox
/// trips nothing.
struct SelfCheckTests {
    /// A guard against a hang, not the speed claim: here the self-check shares two cores with the
    /// rest of the test run (60 s seen in a loaded run, 110 s on CI while a runaway stream ate a
    /// core). Its speed, well under a minute alone, is measured by `conformance-bench --only full-run`.
    static let wallClockBound = Duration.seconds(180)

    @Test func theSuiteDetectsEveryFaultAndNothingOnTheCleanSandbox() async throws {
        let check = SelfCheck(inputs: try SuiteTarget.inputs.get(), specsDirectory: SuiteTarget.specsDirectory)
        let report = await check.run()
        #expect(report.faults.map(\.fault) == SandboxFault.allCases)
        #expect(report.falsePositives == 0, "clean sandbox: \(report.clean.findings.map(ScenarioCase.issueText))")
        for outcome in report.faults {
            let fault = try #require(outcome.fault)
            let message = Comment(rawValue: "\(fault.name) should trip \(fault.rule); saw \(outcome.rulesSeen)")
            #expect(outcome.isPassed, message)
            #expect(outcome.harnessErrors == [], message)
        }
        #expect(report.duration < Self.wallClockBound, "the self-check took \(SelfCheckReport.seconds(report.duration))")

        let directory = try temporaryDirectory(with: [:])
        try report.write(to: directory, redactor: Redactor())
        let markdown = try String(contentsOfFile: directory + "/selfcheck.md", encoding: .utf8)
        #expect(markdown.contains("\(report.detected)/\(SandboxFault.allCases.count) faults detected"))
        for fault in SandboxFault.allCases { #expect(markdown.contains("| \(fault.name) | \(fault.rule) | ")) }
    }

    @Test func theCommandChecksTheChosenFaultsAndExitsZeroWhenAllAreDetected() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(
            [
                "selfcheck", "--fault", "wrong-field-type", "--fault", "error-status-mismatch", "--parallel", "2",
                "--reports", reports,
            ]
        )
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("[") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("wrong-field-type") && $0.contains("response.schema · v3 ") })
        #expect(lines.last?.hasPrefix("PASSED: 2/2 faults detected (100%), 0 false positives, ") == true)
        let junit = try String(contentsOfFile: reports + "/selfcheck-junit.xml", encoding: .utf8)
        #expect(junit.contains(#"<testsuites name="conformance selfcheck" tests="3" failures="0" errors="0""#))
        #expect(FileManager.default.fileExists(atPath: reports + "/selfcheck.md"))
    }

    @Test(arguments: [
        (["selfcheck", "--parallel", "0"], "--parallel must be a whole number from 1 to 64, not '0'"),
        (["selfcheck", "--fault", "no-such-fault"], "unknown sandbox fault 'no-such-fault'"),
        (["selfcheck", "extra"], "unexpected argument 'extra'"),
        (["selfcheck", "--specs", "/nonexistent"], "/nonexistent/v2/openapi.json"),
    ])
    func badArgumentsExitTwoNamingTheProblem(arguments: [String], message: String) async {
        let result = await runConformance(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
