import Testing

@testable import ContractKit

@Suite("SpecDiff.compare (two captures of one API)")
struct SameAPIDiffTests {
    private func compare(_ edit: (JSONValue) -> JSONValue) throws -> SpecComparison {
        let original = try DiffFixtures.v3JSON()
        let old = try OpenAPIDocument(root: original, source: "old.json")
        let new = try OpenAPIDocument(root: edit(original), source: "new.json")
        return SpecDiff.compare(old: old, new: new)
    }

    private func changes(_ comparison: SpecComparison, _ operationId: String) -> [SpecChange] {
        comparison.operations.filter { $0.operationId == operationId }.flatMap(\.changes)
    }

    @Test("an unchanged capture has no changes")
    func identical() throws {
        let comparison = try compare { $0 }
        #expect(comparison.allChanges.isEmpty)
        #expect(comparison.operations.count == 26)
        #expect(comparison.webhooks.count == 41)
    }

    @Test("a removed response property is breaking, where the schema is used")
    func removedResponseProperty() throws {
        let comparison = try compare {
            $0.replacing("/components/schemas/WebhookSubscriptionResponse/properties/is_active", with: nil)
        }
        let get = changes(comparison, "getWebhookSubscription")
        let removed = try #require(get.first { $0.kind == .fieldRemoved })
        #expect(removed.field == "is_active" && removed.part == .response(status: "200") && removed.isBreaking)
        #expect(!removed.isDeclared)
        let list = changes(comparison, "listWebhookSubscriptions")
        #expect(list.contains { $0.kind == .fieldRemoved && $0.field == "subscriptions/*/is_active" })
        #expect(changes(comparison, "createWebhookSubscription").isEmpty, "the created response has its own schema")
    }

    @Test("an added enum value: compatible in requests, and in responses only because the enum is extensible")
    func addedEnumValue() throws {
        let pointer: JSONPointer = "/components/schemas/WebhookEventType/enum"
        let comparison = try compare { root in
            root.replacing(pointer, with: .array((root.value(at: pointer)?.arrayValue ?? []) + ["poll.sent"]))
        }
        let create = changes(comparison, "createWebhookSubscription")
        let request = try #require(create.first { $0.part == .request && $0.kind == .enumValueAdded })
        #expect(request.detail.contains("'poll.sent'") && !request.isBreaking)
        let response = try #require(create.first { $0.part == .response(status: "201") && $0.kind == .enumValueAdded })
        #expect(!response.isBreaking)
        #expect(comparison.webhooks.contains { $0.changes.contains { $0.field == "event_type" } })

        let closed = try compare { root in
            root.replacing(pointer, with: .array((root.value(at: pointer)?.arrayValue ?? []) + ["poll.sent"]))
                .replacing("/components/schemas/WebhookEventType/x-extensible-enum", with: nil)
        }
        let closedResponse = try #require(
            changes(closed, "getWebhookSubscription").first { $0.kind == .enumValueAdded })
        #expect(closedResponse.isBreaking, "widening a closed response enum breaks readers")
    }

    @Test("a removed enum value breaks requests, not responses")
    func removedEnumValue() throws {
        let pointer: JSONPointer = "/components/schemas/WebhookEventType/enum"
        let comparison = try compare { root in
            root.replacing(
                pointer, with: .array((root.value(at: pointer)?.arrayValue ?? []).filter { $0 != "call.ended" }))
        }
        let create = changes(comparison, "createWebhookSubscription")
        #expect(create.first { $0.part == .request && $0.kind == .enumValueRemoved }?.isBreaking == true)
        #expect(
            create.first { $0.part == .response(status: "201") && $0.kind == .enumValueRemoved }?.isBreaking == false)
    }

    @Test("a field made required breaks requests; a new required request field too")
    func madeRequired() throws {
        let comparison = try compare {
            $0.replacing("/components/schemas/UpdateWebhookSubscriptionRequest/required", with: ["is_active"])
        }
        let update = changes(comparison, "updateWebhookSubscription")
        let required = try #require(update.first { $0.kind == .madeRequired })
        #expect(required.field == "is_active" && required.part == .request && required.isBreaking)
    }

    @Test("operations and statuses added and removed; renamed path parameters are the same route")
    func operationsAndStatuses() throws {
        let comparison = try compare {
            $0.replacing("/paths/~1v3~1webhook-subscriptions~1{subscriptionId}/delete", with: nil)
                .replacing("/paths/~1v3~1chats~1{chatId}/get/responses/404", with: nil)
                .replacing("/paths/~1v3~1webhook-events/get/responses/503", with: ["description": "maintenance"])
        }
        let removed = try #require(comparison.operations.first { $0.changes.contains { $0.kind == .operationRemoved } })
        #expect(removed.name == "DELETE /v3/webhook-subscriptions/{subscriptionId}")
        #expect(removed.changes[0].isBreaking)
        #expect(changes(comparison, "getChat").map(\.kind) == [.statusRemoved])
        #expect(changes(comparison, "getChat")[0].isBreaking)
        let added = try #require(changes(comparison, "listWebhookEvents").first)
        #expect(added.kind == .statusAdded && !added.isBreaking)

        let renamed = try compare { root in
            let path = "/paths/~1v3~1chats~1{chatId}"
            let item = root.value(at: JSONPointer(stringLiteral: path)) ?? .null
            return root.replacing(JSONPointer(stringLiteral: path), with: nil)
                .replacing("/paths/~1v3~1chats~1{id}", with: item)
        }
        #expect(renamed.allChanges.allSatisfy { $0.kind != .operationRemoved && $0.kind != .operationAdded })
    }

    @Test("a type change is breaking in both directions")
    func typeChange() throws {
        let comparison = try compare {
            $0.replacing("/components/schemas/WebhookSubscriptionResponse/properties/is_active/type", with: "string")
        }
        let change = try #require(changes(comparison, "getWebhookSubscription").first)
        #expect(change.kind == .typeChanged && change.detail == "is_active: boolean → string" && change.isBreaking)
    }
}
