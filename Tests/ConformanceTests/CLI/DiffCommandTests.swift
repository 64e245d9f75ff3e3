import ContractKit
import Foundation
import Testing

@testable import conformance

struct DiffCommandTests {
    /// The v2 webhook-subscription operations; v2 has no GET by id.
    static let subscriptionOperations = [
        "listWebhookSubscriptions", "createWebhookSubscription", "updateWebhookSubscription",
        "deleteWebhookSubscription",
    ]

    private func report(in directory: String) throws -> JSONValue {
        try JSONParser.parse(String(contentsOfFile: directory + "/migration.json", encoding: .utf8))
    }

    private func parity(of operation: String, in report: JSONValue) -> String? {
        report["operations"]?.arrayValue?.first { $0["v2"]?["operationId"]?.stringValue == operation }?["parity"]?[
            "result"]?.stringValue
    }

    /// The v2 events both versions' signed-delivery scenarios deliver.
    static let deliveredEvents = ["message.sent", "message.received", "chat.created"]

    private func parity(ofEvent event: String, in report: JSONValue) -> JSONValue? {
        report["events"]?.arrayValue?.first { $0["v2"]?.stringValue == event }?["parity"]
    }

    @Test func accountsForEverySubscriptionOperationAndEventOnTheCleanSandbox() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(["diff", "--reports", reports])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try report(in: reports)
        for operation in Self.subscriptionOperations {
            #expect(parity(of: operation, in: report) == "matched", "\(operation)")
        }
        let v2Spec = try JSONParser.parse(
            String(contentsOfFile: packageRoot + "/specs/v2/openapi.json", encoding: .utf8))
        let v2Events = v2Spec.value(at: "/components/schemas/WebhookEventType/enum")?.arrayValue ?? []
        let reported = Set(report["events"]?.arrayValue?.compactMap { $0["v2"]?.stringValue } ?? [])
        #expect(v2Events.count == 14)
        #expect(Set(v2Events.compactMap(\.stringValue)) == reported)
        #expect(report["parity"]?["mapped"] == 28)
        #expect(report["parity"]?["matched"] == 7)
        #expect(report["parity"]?["run"] == 7)
        #expect(report["pairs"]?.arrayValue?.count == 14)
        #expect(FileManager.default.fileExists(atPath: reports + "/migration.md"))
        let junit = try String(contentsOfFile: reports + "/migration-junit.xml", encoding: .utf8)
        #expect(junit.contains("updateWebhookSubscription → updateWebhookSubscription"))
        #expect(result.stdout.contains("migration parity 25.0% (7 of 28 mapped; 100.0% of 7 run)"))
    }

    @Test func deliveredEventsGetLiveParityAndTheOthersSayWhyNot() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(["diff", "--reports", reports])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try report(in: reports)
        for event in Self.deliveredEvents {
            let parity = parity(ofEvent: event, in: report)
            #expect(parity?["result"] == "matched (known differences)", "\(event)")
            let line = #"\#(event) delivery: api_version: v2 "v2", v3 "v3" (known difference event-api-version)"#
            #expect(parity?["details"] == [.string(line)])
        }
        #expect(parity(ofEvent: "message.read", in: report)?["reason"] == "no paired scenario covers it")
        let pair = report["pairs"]?.arrayValue?.first { $0["event"] == "message.sent" }
        #expect(pair?["operation"] == .null)
        #expect(pair?["v2Step"] == "three deliveries" && pair?["v3Step"] == "deliveries in 2026-02-03")
        let markdown = try String(contentsOfFile: reports + "/migration.md", encoding: .utf8)
        #expect(markdown.contains("| webhook deliveries | message.sent delivery | `message.sent` |"))
    }

    @Test func aV3OnlyFaultLowersParityAndNamesTheOperation() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(["diff", "--sandbox-fault", "put-ignores-is-active", "--reports", reports])
        #expect(result.status == 0)
        #expect(result.stdout.contains("differs: updateWebhookSubscription: deactivate: is_active: v2 false, v3 true"))
        #expect(result.stdout.contains("migration parity 21.4% (6 of 28 mapped; 85.7% of 7 run)"))
        let report = try report(in: reports)
        #expect(parity(of: "updateWebhookSubscription", in: report) == "differs")
        #expect(parity(of: "createWebhookSubscription", in: report) == "matched")
        let markdown = try String(contentsOfFile: reports + "/migration.md", encoding: .utf8)
        #expect(markdown.contains("| webhook subscriptions | deactivate | `updateWebhookSubscription` |"))
    }

    @Test func aKnownDifferenceEntryAllowsTheDifferenceAndStillShowsIt() async throws {
        let specs = try temporaryDirectory(with: [:]) + "/specs"
        try FileManager.default.copyItem(atPath: packageRoot + "/specs", toPath: specs)
        let entry = """
            {"entries": [{"id": "is-active-put", "rule": "diff.parity", "scenario": "webhook subscriptions",
              "step": "deactivate", "pointer": "/is_active", "reason": "Tracked until the PUT fix ships.",
              "link": "https://example.com/issues/1", "expires": "2999-12-31"}]}
            """
        try Data(entry.utf8).write(to: URL(fileURLWithPath: specs + "/known-differences.json"))
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance([
            "diff", "--specs", specs, "--sandbox-fault", "put-ignores-is-active", "--reports", reports,
            "--fail-below", "14",
        ])
        #expect(result.status == 0)
        let report = try report(in: reports)
        #expect(parity(of: "updateWebhookSubscription", in: report) == "matched (known differences)")
        #expect(report["parity"]?["withKnownDifferences"] == 1)
        let markdown = try String(contentsOfFile: reports + "/migration.md", encoding: .utf8)
        #expect(markdown.contains("is_active: v2 false, v3 true (both sent false) (known difference is-active-put)"))
    }

    @Test(arguments: [("25", Int32(0)), ("24.9%", 0), ("25.1", 1), ("26", 1), ("100", 1), ("abc", 2), ("101", 2)])
    func failBelowGatesOnParityOfAllMapped(threshold: String, status: Int32) async throws {
        let result = await runConformance(
            ["diff", "--fail-below", threshold, "--reports", try temporaryDirectory(with: [:])])
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        if status == 1 { #expect(result.stdout.contains("is below --fail-below")) }
    }

    @Test func theDefaultRunWritesTheMigrationReportFromItsOwnResults() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(["--quiet", "--reports", reports])
        #expect(result.status == 0)
        let report = try report(in: reports)
        #expect(report["parity"]?["matched"] == 7)
    }
}

struct DiffSpecsCommandTests {
    @Test func twoCapturesOfOneAPIPrintTheBreakingChange() async throws {
        let old = packageRoot + "/specs/v3/openapi.json"
        var spec = try JSONParser.parse(String(contentsOfFile: old, encoding: .utf8))
        guard case .object(var root) = spec, case .object(var paths)? = root["paths"],
            case .object(var item)? = paths["/v3/webhook-subscriptions/{subscriptionId}"]
        else { throw DiffSpecsTestError.unexpectedSpec }
        item["delete"] = nil
        paths["/v3/webhook-subscriptions/{subscriptionId}"] = .object(item)
        root["paths"] = .object(paths)
        spec = .object(root)
        let directory = try temporaryDirectory(with: ["new.json": spec.jsonString()])

        let result = await runConformance(["diff-specs", "--old", old, "--new", directory + "/new.json"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("BREAKING   operation: DELETE /v3/webhook-subscriptions/{subscriptionId} removed"))
        let gated = await runConformance(
            ["diff-specs", "--old", old, "--new", directory + "/new.json", "--fail-on-breaking"])
        #expect(gated.status == 1)
        let same = await runConformance(["diff-specs", "--old", old, "--new", old, "--fail-on-breaking"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("0 changes, 0 breaking\n"))
    }

    @Test func v2AgainstV3ThroughTheMappingMarksBreakingChanges() async throws {
        let result = await runConformance(["diff-specs"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("createWebhookSubscription → createWebhookSubscription"))
        #expect(result.stdout.contains("BREAKING"))
        #expect(await runConformance(["diff-specs", "--fail-on-breaking"]).status == 1)
        #expect(await runConformance(["diff-specs", "--old", "x.json"]).status == 2)
    }
}

enum DiffSpecsTestError: Error {
    case unexpectedSpec
}
