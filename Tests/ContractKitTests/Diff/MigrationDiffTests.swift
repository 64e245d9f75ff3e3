import Testing

@testable import ContractKit

@Suite("SpecDiff.migration")
struct MigrationDiffTests {
    let report: MigrationReport

    init() throws {
        let (v2, v3, mapping) = try DiffFixtures.committed()
        report = SpecDiff.migration(v2: v2, v3: v3, mapping: mapping)
    }

    private func changes(_ operationId: String) throws -> [SpecChange] {
        try #require(report.operations.first { $0.v2.operationId == operationId }).changes
    }

    private func find(_ changes: [SpecChange], _ kind: SpecChange.Kind, _ detail: String) -> SpecChange? {
        changes.first { $0.kind == kind && $0.detail.contains(detail) }
    }

    @Test("every v2 operation and event is in the report, with its counterpart or reason")
    func coverage() {
        #expect(report.operations.count == 29)
        #expect(report.events.count == 14)
        #expect(report.operations.allSatisfy { $0.v3 != nil || $0.reason != nil })
        #expect(report.v3OnlyOperations.map(\.operationId).contains("getWebhookSubscription"))
        #expect(report.v3OnlyEvents.contains("message.delivered"))
        #expect(!report.v3OnlyEvents.contains("reaction.added"))
    }

    @Test("renames, the unwrapped body and the list key are breaking and declared")
    func renames() throws {
        let create = try changes("createWebhookSubscription")
        let wrapper = try #require(find(create, .fieldRenamed, "webhook_subscription → (body)"))
        #expect(wrapper.part == .request && wrapper.isBreaking && wrapper.isDeclared)
        for (from, to) in [("webhook_url", "target_url"), ("events", "subscribed_events")] {
            let rename = try #require(find(create, .fieldRenamed, "webhook_subscription/\(from) → \(to)"))
            #expect(rename.isBreaking && rename.isDeclared)
        }
        let update = try changes("updateWebhookSubscription")
        #expect(find(update, .fieldRenamed, "webhook_subscription/active → is_active")?.part == .request)
        let list = try changes("listWebhookSubscriptions")
        #expect(find(list, .fieldRenamed, "webhook_subscriptions → subscriptions")?.isDeclared == true)
        // Same name under a renamed parent is not a rename of its own.
        #expect(find(list, .fieldRenamed, "/id →") == nil)
    }

    @Test("the id becomes a UUID string: response field and path parameter")
    func idType() throws {
        let update = try changes("updateWebhookSubscription")
        let id = try #require(find(update, .typeChanged, "webhook_subscription/id → id: integer → string"))
        #expect(id.isBreaking && id.isDeclared && id.part == .response(status: "200"))
        let parameter = try #require(update.first { $0.kind == .typeChanged && $0.part == .parameters })
        #expect(parameter.detail == "webhook_subscription_id → subscriptionId: integer → string")
        #expect(parameter.isDeclared)
        #expect(find(update, .parameterRenamed, "webhook_subscription_id → subscriptionId")?.isBreaking == false)
    }

    @Test("removed fields: breaking in responses, compatible in requests, declared with reasons")
    func removedFields() throws {
        let create = try changes("createWebhookSubscription")
        for field in ["version", "secret_configured", "last_delivered_at", "delivery_attempts"] {
            let removed = try #require(
                create.first {
                    $0.kind == .fieldRemoved && $0.part == .response(status: "201")
                        && $0.field == FieldPath("webhook_subscription/\(field)")
                },
                "\(field)")
            #expect(removed.isBreaking && removed.isDeclared)
        }
        let secret = try #require(find(create, .fieldRemoved, "webhook_subscription/secret removed"))
        #expect(secret.part == .request && !secret.isBreaking && secret.isDeclared)
        let signing = try #require(find(create, .fieldAdded, "signing_secret added (required)"))
        #expect(!signing.isBreaking && signing.isDeclared)
        #expect(find(create, .fieldAdded, "phone_numbers added")?.isDeclared == true)
    }

    @Test("event values: mapped, only in v2 and only in v3, classified by direction")
    func eventEnum() throws {
        let create = try changes("createWebhookSubscription")
        let requestChanges = create.filter { $0.part == .request }
        let mapped = try #require(find(requestChanges, .enumValueMapped, "'reaction.sent' → 'reaction.added'"))
        #expect(mapped.isDeclared)
        let contact = try #require(find(requestChanges, .enumValueRemoved, "'contact.created' has no counterpart"))
        #expect(contact.isBreaking, "subscribing to a v2-only event fails in v3")
        let responseContact = try #require(
            create.first { $0.part == .response(status: "201") && $0.detail.contains("'contact.created'") })
        #expect(!responseContact.isBreaking)
        let added = try #require(find(requestChanges, .enumValueAdded, "'message.delivered'"))
        #expect(!added.isBreaking)
        let responseAdded = try #require(
            create.first { $0.kind == .enumValueAdded && $0.part == .response(status: "201") })
        #expect(!responseAdded.isBreaking, "the v3 event enum is x-extensible-enum")
    }

    @Test("events: renamed, approximate, conditional and without counterpart")
    func events() throws {
        let events = Dictionary(uniqueKeysWithValues: report.events.map { ($0.v2, $0) })
        let call = try #require(events["call.completed"])
        #expect(call.v3 == "call.ended" && call.isApproximate)
        #expect(call.changes.contains { $0.kind == .eventApproximated && $0.isDeclared })
        let reaction = try #require(events["reaction.received"])
        #expect(
            find(
                reaction.changes, .eventRenamed, "reaction.received → reaction.added where /data/is_from_me == false"
            )
                != nil)
        #expect(find(reaction.changes, .fieldRenamed, "data/reaction → data/reaction_type")?.isDeclared == true)
        #expect(reaction.changes.allSatisfy { $0.field != "event_type" })
        let contact = try #require(events["contact.deleted"])
        #expect(contact.v3 == nil && contact.changes.map(\.kind) == [.eventRemoved])
        let sent = try #require(events["message.sent"])
        #expect(find(sent.changes, .fieldAdded, "trace_id added (required)")?.isDeclared == true)
        #expect(sent.changes.allSatisfy { $0.kind != .eventRenamed })
    }

    @Test("error shapes and statuses: StandardError to the v3 envelope, 422 to 400, per-operation codes")
    func errors() throws {
        let update = try changes("updateWebhookSubscription")
        let notFound = try #require(
            find(update, .errorShapeChanged, "404 StandardError → 404 ErrorResponse, codes 2010"))
        #expect(notFound.isBreaking && notFound.isDeclared)
        let translated = try #require(find(update, .errorStatusTranslated, "status 422 → 400"))
        #expect(translated.isDeclared)
        #expect(find(update, .statusAdded, "status 403 added in v3")?.isBreaking == false)
        #expect(find(try changes("getChat"), .errorShapeChanged, "404 Error → 404 ErrorResponse, codes 2001") != nil)
        let standard = try #require(report.errorShapes.first { $0.v2Schema.hasSuffix("StandardError") })
        let code = try #require(find(standard.changes, .typeChanged, "error_code → error/code: string → integer"))
        #expect(code.isDeclared && code.isBreaking)
        #expect(find(standard.changes, .fieldRenamed, "message → error/message") != nil)
        #expect(find(standard.changes, .fieldRemoved, "errors removed")?.isDeclared == true)
    }

    @Test("success statuses that differ are breaking")
    func successStatus() throws {
        let send = try changes("sendChatMessage")
        #expect(find(send, .successStatusChanged, "201 → 202")?.isBreaking == true)
        #expect(try changes("createWebhookSubscription").allSatisfy { $0.kind != .successStatusChanged })
    }

    @Test("operations without a counterpart are breaking and carry the mapping's reason")
    func noCounterpart() throws {
        let contact = try #require(report.operations.first { $0.v2.operationId == "createContact" })
        #expect(contact.changes.count == 1)
        #expect(contact.changes[0].kind == .operationRemoved && contact.changes[0].isBreaking)
        #expect(contact.changes[0].declaration?.contains("contact") == true)
        #expect(contact.parity == .notRun(reason: "no v3 counterpart"))
    }
}
