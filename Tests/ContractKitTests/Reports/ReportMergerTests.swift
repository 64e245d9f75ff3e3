import Foundation
import Testing

@testable import ContractKit
import TestSupport

@Suite(.blockingIO)
struct ReportMergerTests {
    static let gate = Gate(today: CalendarDate(year: 2026, month: 1, day: 1))

    @Test func shardsMergeToTheCountsOfTheWholeRun() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = SampleRun.result
        var paths: [String] = []
        for (index, scenarios) in [Array(whole.scenarios.prefix(1)), Array(whole.scenarios.dropFirst())].enumerated() {
            var shard = whole
            shard.scenarios = scenarios
            shard.startedAt = whole.startedAt.addingTimeInterval(Double(index))
            let shardDirectory = directory.appending(path: "shard-\(index)").path
            try ReportWriter.write(
                result: shard,
                to: shardDirectory,
                options: .init(gate: Self.gate, redactor: Redactor(environment: SampleRun.environment))
            )
            paths.append(shardDirectory + "/results.json")
        }
        let merged = try ReportMerger.mergeAndWrite(
            resultsFiles: paths,
            to: directory.appending(path: "merged").path,
            options: .init(gate: Self.gate, redactor: Redactor())
        )
        let expected = AssessedRun(whole, gate: Self.gate)
        let mergedJUnit = JUnitReport(merged, redactor: Redactor())
        let wholeJUnit = JUnitReport(expected, redactor: Redactor())
        #expect(
            (mergedJUnit.tests, mergedJUnit.failures, mergedJUnit.errors, mergedJUnit.skipped)
                == (wholeJUnit.tests, wholeJUnit.failures, wholeJUnit.errors, wholeJUnit.skipped)
        )
        #expect(merged.verdict.exitCode == expected.verdict.exitCode)
        #expect(merged.result.runID == "run-42")
        #expect(merged.result.startedAt == whole.startedAt)
        #expect(merged.result.scenarios.map(\.name) == ["legacy-webhooks", "messages", "subscriptions"])
        let attempts = merged.result.scenarios.flatMap(\.steps).flatMap(\.attempts)
        #expect(attempts.contains { $0.outcome == .transportError(.timeout(after: .seconds(5))) })
        #expect(attempts.contains { $0.waitBeforeNext == .milliseconds(200) && $0.retryReason == "status 503" })
        let files = try ReportWriterTests.contents(of: directory.appending(path: "merged"))
        for secret in SampleRun.secrets { #expect(!files.values.contains { $0.contains(secret) }) }
    }

    @Test func namesFileAndPointerOfABadShard() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "results.json")
        try Data(#"{"format":"linq-conformance-results","formatVersion":1,"runID":7}"#.utf8).write(to: file)
        #expect(
            throws: ReportError.invalidResults(path: file.path, pointer: "/scenarios", problem: "expected an array")
        ) {
            try ReportMerger.merge(resultsFiles: [file.path])
        }
        try Data("{".utf8).write(to: file)
        #expect { try ReportMerger.merge(resultsFiles: [file.path]) } throws: {
            "\($0)".hasPrefix(file.path + ": cannot read")
        }
        #expect { try ReportMerger.merge(resultsFiles: ["/nonexistent/results.json"]) } throws: {
            "\($0)".hasPrefix("/nonexistent/results.json: cannot read")
        }
    }
}
