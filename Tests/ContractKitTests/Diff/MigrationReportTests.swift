import Testing

@testable import ContractKit

@Suite("MigrationReport rendering and parity")
struct MigrationReportTests {
    let report: MigrationReport

    init() throws {
        let (v2, v3, mapping) = try DiffFixtures.committed()
        report = SpecDiff.migration(v2: v2, v3: v3, mapping: mapping)
    }

    @Test("static only: everything mapped is not run, so there is no percentage over what ran")
    func staticParity() {
        let parity = report.parity
        #expect(parity.mapped == 28)
        #expect(parity.run == 0 && parity.matched == 0)
        #expect(parity.percentageOfRun == nil)
        #expect(parity.percentageOfMapped == 0)
    }

    @Test("live results plug in per operation and event and drive the percentages")
    func liveParity() {
        var report = report
        let recorded = [
            report.recordParity(.matched, operation: "createWebhookSubscription"),
            report.recordParity(.matched, operation: "listWebhookSubscriptions"),
            report.recordParity(.differs(["is_active not updated by PUT"]), operation: "updateWebhookSubscription"),
            report.recordParity(.matched, event: "message.received"),
            report.recordParity(.matched, operation: "noSuchOperation"),
        ]
        #expect(recorded == [true, true, true, true, false])
        let parity = report.parity
        #expect(parity.run == 4 && parity.matched == 3)
        #expect(parity.percentageOfRun == 75)
        #expect(abs((parity.percentageOfMapped ?? 0) - 300.0 / 28) < 1e-9)

        let cases = report.testCases
        #expect(cases.count == 29 + 14)
        let update = cases.first { $0.name == "updateWebhookSubscription → updateWebhookSubscription" }
        #expect(update?.failureMessage == "is_active not updated by PUT")
        #expect(update?.classname == "migration.operations")
        #expect(
            cases.first { $0.name == "createWebhookSubscription → createWebhookSubscription" }?.failureMessage == nil)
        let contact = cases.first { $0.name == "contact.created → none" }
        #expect(contact?.skippedMessage == "no v3 counterpart" && contact?.classname == "migration.events")

        let markdown = MigrationMarkdownRenderer().render(report)
        #expect(
            markdown.contains(
                "**Live parity: 75%** of what was run (3 matched of 4 run; 28 mapped, 10.7% of all mapped)"))
        #expect(markdown.contains("**differs**: is_active not updated by PUT"))
    }

    @Test("markdown: one row per v2 operation and event, breaking marks, not-run parity")
    func markdown() {
        let markdown = MigrationMarkdownRenderer().render(report)
        #expect(markdown.hasPrefix("# v2 → v3 migration report"))
        #expect(
            markdown.contains("**Live parity: n/a** of what was run (0 matched of 0 run; 28 mapped, 0% of all mapped)"))
        #expect(
            markdown.contains(
                "| `createWebhookSubscription` POST `/api/partner/v2/webhook_subscriptions` | "
                    + "`createWebhookSubscription` POST `/v3/webhook-subscriptions` |"))
        #expect(markdown.contains("| `call.completed` | `call.ended` (approximate) |"))
        #expect(markdown.contains("| `reaction.sent` | `reaction.added` where `/data/is_from_me == true` |"))
        #expect(markdown.contains("| `contact.created` | none: v3 has no address-book contacts"))
        #expect(markdown.contains("- **breaking** request: webhook_subscription/webhook_url → target_url: Renamed"))
        #expect(markdown.contains("| 422 | 400 | 1001, 1003, 1005 |"))
        let auth = "`X-LINQ-INTEGRATION-TOKEN: {token}` → v3 `Authorization: Bearer {token}` (same token)"
        #expect(markdown.contains(auth))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("not run") }
        #expect(rows.count == 29 + 14)
    }

    @Test("json: documented shape, parsable, one entry per v2 operation and event")
    func json() throws {
        let text = MigrationJSONRenderer().render(report)
        let document = try JSONParser.parse(text)
        #expect(document["format"] == "linq-migration-report")
        #expect(document["formatVersion"] == 1)
        #expect(document["parity"]?["percentageOfRun"] == .null)
        #expect(document["operations"]?.arrayValue?.count == 29)
        #expect(document["events"]?.arrayValue?.count == 14)
        let create = try #require(
            document["operations"]?.arrayValue?.first {
                $0["v2"]?["operationId"] == "createWebhookSubscription"
            })
        #expect(create["v3"]?["path"] == "/v3/webhook-subscriptions")
        #expect(create["parity"]?["result"] == "not run")
        let rename = try #require(create["changes"]?.arrayValue?.first { $0["kind"] == "fieldRenamed" })
        #expect(rename["breaking"] == true && rename["declared"] == true && rename["part"] == "request")
        let reaction = try #require(document["events"]?.arrayValue?.first { $0["v2"] == "reaction.sent" })
        #expect(reaction["where"]?["equals"] == true)
    }
}

@Suite("MigrationReport as JUnit")
struct MigrationReportJUnitTests {
    @Test("a live difference fails its case, a missing result skips it")
    func suites() throws {
        let (v2, v3, mapping) = try DiffFixtures.committed()
        var report = SpecDiff.migration(v2: v2, v3: v3, mapping: mapping)
        report.recordParity(.differs(["is_active not updated by PUT"]), operation: "updateWebhookSubscription")
        report.recordParity(.matched, operation: "deleteWebhookSubscription")
        let junit = JUnitReport(name: "migration", suites: report.junitSuites)
        #expect(junit.suites.map(\.name) == ["migration.operations", "migration.events"])
        #expect(junit.tests == 43)
        #expect(junit.failures == 1)
        #expect(junit.skipped == 41)
        let failed = try #require(
            junit.suites[0].cases.first { !$0.outcomes.isEmpty && $0.outcomes[0].kind == .failure })
        #expect(failed.name == "updateWebhookSubscription → updateWebhookSubscription")
        #expect(failed.systemOut?.contains("webhook_subscription/active → is_active") == true)
    }
}
