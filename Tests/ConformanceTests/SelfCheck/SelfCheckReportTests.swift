import ContractKit
import Foundation
import LinqSandbox
import Testing

@testable import conformance

/// How a self-check is scored and rendered, from hand-made outcomes.
struct SelfCheckReportTests {
    static func finding(_ rule: Rule, step: String = "create") -> Finding {
        Finding(
            rule: rule,
            message: "broken",
            pointer: "/is_active",
            location: .init(version: "v3", scenario: "round trip", step: step)
        )
    }

    static func outcome(_ fault: SandboxFault?, _ findings: [Finding]) -> SelfCheckOutcome {
        SelfCheckOutcome(fault: fault, findings: findings, harnessErrors: [], duration: .milliseconds(1250))
    }

    /// Two faults, one detected after an unrelated finding, one that tripped only another rule;
    /// the clean sandbox with one false positive.
    static let report = SelfCheckReport(
        clean: outcome(nil, [finding(.traceID, step: "list")]),
        faults: [
            outcome(.wrongFieldType, [finding(.assertion, step: "get"), finding(.responseSchema)]),
            outcome(.errorStatusMismatch, [finding(.errorEnvelope)]),
        ],
        duration: .milliseconds(3004),
        parallel: 2
    )

    @Test func onlyAFindingOfTheDocumentedRuleCountsAsDetection() {
        let detected = Self.report.faults[0]
        #expect(detected.detection == Self.finding(.responseSchema))
        #expect(detected.verdictText == "response.schema · v3 round trip › create")
        let missed = Self.report.faults[1]
        #expect(missed.detection == nil)
        #expect(!missed.isPassed)
        #expect(missed.rulesSeen == ["error.envelope"])
    }

    @Test func aMissedFaultOrAFalsePositiveFailsTheScore() {
        #expect(Self.report.detected == 1)
        #expect(Self.report.falsePositives == 1)
        #expect(Self.report.exitCode == .failed)
        #expect(
            Self.report.scoreLine == "1/2 faults detected (50%), 1 false positives, 3.00 s with 2 sandboxes at once"
        )
        var clean = Self.report
        clean.clean.findings = []
        clean.faults.removeLast()
        #expect(clean.exitCode == .passed)
        #expect(
            clean.consoleText.hasSuffix(
                "PASSED: 1/1 faults detected (100%), 0 false positives, 3.00 s with 2 sandboxes at once"
            )
        )
    }

    @Test func theTableHasOneRowPerProfileCleanFirst() {
        let lines = Self.report.consoleText.split(separator: "\n")
        #expect(lines[0].hasPrefix("fault "))
        #expect(lines[1].hasPrefix("clean "))
        #expect(lines[2].hasPrefix("wrong-field-type "))
        #expect(lines[2].hasSuffix("response.schema · v3 round trip › create  2         1.25 s"))
        #expect(lines[3].split(separator: " ", omittingEmptySubsequences: true).prefix(4) == [
            "error-status-mismatch", "error.status", "NOT", "DETECTED",
        ])
        let markdown = Self.report.markdown
        #expect(markdown.contains("| error-status-mismatch | error.status | NOT DETECTED | 1 | 1.25 s |"))
        #expect(markdown.contains("expected error.status, the suite reported only error.envelope"))
        #expect(markdown.contains("- clean sandbox: response.trace-id (round trip)"))
    }

    @Test func junitHasACasePerProfileWithFailuresForMissesAndFalsePositives() {
        let junit = Self.report.junit
        #expect(junit.tests == 3)
        #expect(junit.failures == 2)
        let cases = junit.suites[0].cases
        #expect(cases.map(\.name) == [
            "clean sandbox yields no finding", "wrong-field-type trips response.schema",
            "error-status-mismatch trips error.status",
        ])
        #expect(cases[0].outcomes.map(\.message) == ["false positive: response.trace-id at /is_active"])
        #expect(cases[1].outcomes.isEmpty)
        #expect(cases[2].outcomes.map(\.type) == ["error.status"])
    }

    @Test(.enabled(if: Self.xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func theJUnitFileValidatesAgainstTheSchema() throws {
        let directory = try temporaryDirectory(with: [:])
        try Self.report.write(to: directory, redactor: Redactor())
        let process = Process()
        process.executableURL = URL(filePath: try #require(Self.xmllint))
        process.arguments = [
            "--noout", "--schema", packageRoot + "/Tests/ContractKitTests/Fixtures/junit-10.xsd",
            directory + "/selfcheck-junit.xml",
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
