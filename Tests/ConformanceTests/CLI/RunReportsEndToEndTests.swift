import ContractKit
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import conformance

/// With the sandbox in a fault profile, the failing steps show up in junit.xml, results.json,
/// summary.md and on the console with the same counts; clean, the run exits 0.
struct RunReportsEndToEndTests {
    /// A failing step, as `version scenario › step`, in every report's own spelling.
    typealias StepID = String

    @Test func theFailingStepsOfAFaultedRunAgreeAcrossEveryReport() async throws {
        let reports = try temporaryDirectory(with: [:])
        let run = await runConformance(
            [
                "run", "--sandbox-fault", "wrong-field-type", "--sandbox-fault", "error-status-mismatch",
                "--reports", reports,
            ]
        )
        #expect(run.status == 1, "\(run.stderr)")

        let junit = try junitFailures(reports + "/junit.xml")
        let results = try resultsFailures(reports + "/results.json")
        let summary = try summaryFailures(reports + "/summary.md")
        #expect(junit.findings > 0)
        #expect(!junit.steps.isEmpty)
        #expect(results.steps == junit.steps)
        #expect(results.findings == junit.findings)
        #expect(Set(summary.steps) == junit.steps)
        #expect(summary.steps.count == junit.findings)
        #expect(summary.failedStepsInTable == junit.steps.count)

        let last = try #require(run.stdout.split(separator: "\n").last)
        #expect(last.contains(" \(junit.steps.count) failed, "), "\(last)")
        #expect(last.contains("; \(junit.findings) failing findings, "), "\(last)")
        let consoleFailedSteps = run.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { line in
            Int(line.split(separator: ", ").first { $0.hasSuffix(" failed") }?.split(separator: " ").first ?? "") ?? 0
        }
        #expect(consoleFailedSteps.reduce(0, +) == junit.steps.count)
    }

    @Test func theCleanSandboxRunExitsZero() async throws {
        let run = await runConformance(["run", "--quiet", "--reports", try temporaryDirectory(with: [:])])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("PASSED: "))
    }

    /// Test cases with a `failure` element, and the number of `failure` elements.
    private func junitFailures(_ path: String) throws -> (steps: Set<StepID>, findings: Int) {
        let document = try XMLDocument(contentsOf: URL(filePath: path))
        let failures = try document.nodes(forXPath: "//testcase/failure")
        let steps = try document.nodes(forXPath: "//testcase[failure]").map { node in
            let element = try #require(node as? XMLElement)
            let classname = try #require(element.attribute(forName: "classname")?.stringValue)
            let name = try #require(element.attribute(forName: "name")?.stringValue)
            let dot = try #require(classname.firstIndex(of: "."))
            return "\(classname[..<dot]) \(classname[classname.index(after: dot)...]) › \(name)"
        }
        let declared = try document.nodes(forXPath: "/testsuites/@failures").first?.stringValue
        #expect(declared == String(failures.count))
        return (Set(steps), failures.count)
    }

    /// Steps whose status is `failed`, and the failing findings of all steps.
    private func resultsFailures(_ path: String) throws -> (steps: Set<StepID>, findings: Int) {
        let results = try JSONParser.parse(Array(try Data(contentsOf: URL(filePath: path))))
        var steps: Set<StepID> = []
        var findings = 0
        for scenario in results["scenarios"]?.arrayValue ?? [] {
            let prefix = "\(scenario["version"]?.stringValue ?? "?") \(scenario["name"]?.stringValue ?? "?")"
            for step in scenario["steps"]?.arrayValue ?? [] {
                if step["status"]?.stringValue == "failed" {
                    steps.insert("\(prefix) › \(step["name"]?.stringValue ?? "?")")
                }
                findings += (step["findings"]?.arrayValue ?? []).filter { $0["failing"] == true }.count
            }
        }
        #expect(results["totals"]?["failed"] == .number(.integer(Int64(steps.count))))
        #expect(results["totals"]?["failing"] == .number(.integer(Int64(findings))))
        return (steps, findings)
    }

    /// One entry per bullet under "Failing findings" (`v3 scenario › step`), and the sum of the
    /// tables' Failed column.
    private func summaryFailures(_ path: String) throws -> (steps: [StepID], failedStepsInTable: Int) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let section = lines.drop { !$0.hasPrefix("## Failing findings") }.dropFirst().prefix { !$0.hasPrefix("## ") }
        let steps = section.filter { $0.hasPrefix("- ") }.map { line -> StepID in
            let place = line.dropFirst(2).components(separatedBy: " `").first?.components(separatedBy: ": ").first
            return (place ?? "").replacingOccurrences(of: " · ", with: " ")
        }
        let failedColumn = lines.filter { $0.hasPrefix("| v") }.map { row in
            Int(row.split(separator: "|")[4].trimmingCharacters(in: .whitespaces)) ?? -1
        }
        return (steps, failedColumn.reduce(0, +))
    }
}
