import Testing

@testable import ContractKit

@Suite("MappingLoader")
struct MappingLoaderTests {
    @Test("the committed mapping loads clean against the committed specs")
    func committedMappingLoads() throws {
        let (v2, _, mapping) = try DiffFixtures.committed()
        #expect(mapping.operations.count == v2.operations.count)
        #expect(mapping.operations.count { $0.v3 != nil } == 17)
        #expect(mapping.events.entries.count == 14)
        #expect(mapping.events.entries.count { $0.v3 == nil } == 3)
        let create = try #require(mapping.operation(v2: "createWebhookSubscription"))
        #expect(create.v3?.path == "/v3/webhook-subscriptions")
        #expect(create.request.fields.contains { $0.v2 == "webhook_subscription/webhook_url" && $0.v3 == "target_url" })
        #expect(mapping.event(v2: "call.completed")?.isApproximate == true)
        #expect(mapping.event(v2: "reaction.sent")?.condition?.equals == true)
        #expect(mapping.auth.v3.headerValue(token: "t0k") == "Bearer t0k")
    }
}

@Suite("MappingLoader errors")
struct MappingLoaderErrorTests {
    @Test("an unknown v3 path names the entry, the operation and the path")
    func unknownPath() throws {
        let mapping = try DiffFixtures.mappingJSON()
            .replacing("/operations/1/v3/path", with: "/v3/webhook_subscriptions")
        let problems = try DiffFixtures.problems(loading: mapping)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        guard case .unknownOperation(_, let pointer, let version, _, _) = problem else {
            Issue.record("expected unknownOperation, got \(problem)")
            return
        }
        #expect(pointer == "/operations/1/v3")
        #expect(version == "v3")
        #expect(problem.description.hasPrefix("edited.json#/operations/1/v3: v3 operation createWebhookSubscription"))
        #expect(problem.description.contains("/v3/webhook_subscriptions"))
        #expect(problem.description.contains("POST /v3/webhook-subscriptions"))
    }

    @Test("an unknown operationId whose path exists says which operation is there")
    func unknownOperationId() throws {
        let mapping = try DiffFixtures.mappingJSON().replacing("/operations/0/v2/operationId", with: "listSubs")
        let problems = try DiffFixtures.problems(loading: mapping)
        #expect(
            problems.contains {
                $0.description.contains("GET /api/partner/v2/webhook_subscriptions is listWebhookSubscriptions")
            })
        // The real listWebhookSubscriptions is then unaccounted for.
        #expect(
            problems.contains {
                if case .unmappedOperations(_, _, let operations) = $0 {
                    return operations == ["listWebhookSubscriptions"]
                }
                return false
            })
    }

    @Test("an unknown field names the file, the pointer and the schema")
    func unknownField() throws {
        let mapping = try DiffFixtures.mappingJSON()
            .replacing("/fieldSets/webhookSubscription/fields/1/v3", with: "targetUrl")
        let problems = try DiffFixtures.problems(loading: mapping)
        #expect(!problems.isEmpty)
        for problem in problems {
            guard case .unknownField(let file, let pointer, let version, let field, _) = problem else {
                Issue.record("expected unknownField, got \(problem)")
                continue
            }
            #expect(file == "edited.json")
            #expect(pointer == "/fieldSets/webhookSubscription/fields/1/v3")
            #expect(version == "v3")
            #expect(field.name == "targetUrl")
        }
        // Used by the list, create and update responses.
        #expect(problems.count == 3)
        #expect(problems.contains { $0.description.contains("success response of listWebhookSubscriptions") })
    }

    @Test("an unmapped v2 event is listed by name")
    func unmappedEvent() throws {
        let mapping = try DiffFixtures.mappingJSON().replacing("/events/entries/4", with: nil)
        let problems = try DiffFixtures.problems(loading: mapping)
        #expect(
            problems == [.unmappedEvents(file: "edited.json", pointer: "/events/entries", events: ["reaction.sent"])])
        #expect(
            problems[0].description.contains("edited.json#/events/entries: v2 events not accounted for: reaction.sent"))
    }

    @Test("a v3 event outside the v3 enum is rejected")
    func unknownV3Event() throws {
        let mapping = try DiffFixtures.mappingJSON().replacing("/events/entries/3/v3", with: "call.completed")
        let problems = try DiffFixtures.problems(loading: mapping)
        #expect(
            problems == [
                .unknownEvent(
                    file: "edited.json", pointer: "/events/entries/3/v3", version: "v3",
                    event: "call.completed")
            ])
    }

    @Test("an unmapped v2 operation is listed; a null counterpart needs a reason")
    func unmappedOperationAndMissingReason() throws {
        var mapping = try DiffFixtures.mappingJSON().replacing("/operations/3", with: nil)
        mapping = mapping.replacing("/operations/6/reason", with: nil)
        let problems = try DiffFixtures.problems(loading: mapping)
        #expect(
            problems.contains { $0.description.hasPrefix("edited.json#/operations/6: findChat has no v3 counterpart") })
        #expect(problems.count == 1, "shape errors stop before the spec checks: \(problems)")
        let unmapped = try DiffFixtures.problems(
            loading: try DiffFixtures.mappingJSON().replacing("/operations/3", with: nil))
        #expect(
            unmapped == [
                .unmappedOperations(
                    file: "edited.json", pointer: "/operations",
                    operations: ["deleteWebhookSubscription"])
            ])
    }

    @Test("malformed files: bad JSON with its position, wrong shapes with pointer and hint")
    func malformed() throws {
        let (v2, v3) = try DiffFixtures.specs()
        #expect {
            _ = try MappingLoader.load(Array(#"{"operations": [}"#.utf8), source: "bad.json", v2: v2, v3: v3)
        } throws: { error in
            guard let error = error as? MappingLoadError, case .invalidJSON(let file, let parse) = error.problems.first
            else { return false }
            return file == "bad.json" && parse.line == 1
                && error.description.hasPrefix("bad.json: not valid JSON at line 1")
        }
        let shapes = try DiffFixtures.mappingJSON()
            .replacing("/operations/0/v2/method", with: 7)
            .replacing("/events/entries/0/reasons", with: "typo")
            .replacing("/operations/1/request/fieldSets/0/set", with: "nope")
        let problems = try DiffFixtures.problems(loading: shapes)
        #expect(
            problems.map(\.pointer) == [
                "/operations/0/v2/method", "/operations/1/request/fieldSets/0/set", "/events/entries/0/reasons",
            ])
        #expect(
            problems[0].description
                == "edited.json#/operations/0/v2/method: 'method' must be a string, found integer; quote the value")
        #expect(problems[1].hint.contains("webhookSubscriptionInput"))
        #expect(problems[2].message == "unknown member 'reasons'")
        #expect(throws: MappingLoadError.self) {
            _ = try MappingLoader.load(from: "/nonexistent/mapping.json", v2: v2, v3: v3)
        }
    }
}
