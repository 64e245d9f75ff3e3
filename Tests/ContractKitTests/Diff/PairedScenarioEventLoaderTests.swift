import Testing

@testable import ContractKit

@Suite("PairedScenarioLoader: event pairs")
struct PairedScenarioEventLoaderTests {
    let loader: PairedScenarioLoader

    init() throws {
        let (v2, v3, mapping) = try DiffFixtures.committed()
        let scenarios = try ScenarioLoader(specs: [.v2: v2, .v3: v3])
            .load(directory: DiffFixtures.specsDirectory + "/scenarios")
        loader = PairedScenarioLoader(scenarios: scenarios, mapping: mapping)
    }

    /// A deliveries file with one event pair, `edit` applied to that pair.
    private func file(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONValue {
        let base: JSONValue = [
            "name": "sent", "event": "message.sent", "v2": "three deliveries", "v3": "deliveries in 2026-02-03",
        ]
        var pair = base.objectValue ?? JSONObject()
        edit(&pair)
        return [
            "name": "deliveries",
            "scenarios": ["v2": "signed deliveries", "v3": "signed deliveries in both payload versions"],
            "events": [.object(pair)],
        ]
    }

    @Test func theCommittedFilesPairTheSignedDeliveries() throws {
        let files = try loader.load(directory: DiffFixtures.specsDirectory + "/scenarios/paired")
        let deliveries = try #require(files.first { $0.name == "webhook deliveries" })
        #expect(deliveries.pairs.isEmpty && deliveries.v2Resource == nil)
        #expect(deliveries.events.map(\.event) == ["message.sent", "message.received", "chat.created"])
        #expect(deliveries.events.allSatisfy { $0.v2Step == "three deliveries" })
        #expect(files.first { $0.name == "webhook subscriptions" }?.events.isEmpty == true)
    }

    @Test func decodesAnEventPair() throws {
        let paired = try loader.load(json: file(), file: "paired/x.json")
        let expected = PairedScenario.EventPair(
            name: "sent", event: "message.sent", v2Step: "three deliveries", v3Step: "deliveries in 2026-02-03")
        #expect(paired.events == [expected])
    }

    @Test(arguments: [
        ("event", JSONValue.string("contact.created"), "/events/0/event", "is not a mapped v2 event type"),
        ("event", "message.delivered", "/events/0/event", "is not a mapped v2 event type"),
        ("v2", "subscribe", "/events/0/v2", "does not expect deliveries"),
        ("v3", "no such step", "/events/0/v3", "has no step 'no such step'"),
        ("name", 7, "/events/0/name", "not a non-empty string"),
        ("extra", true, "/events/0/extra", "unknown key"),
    ])
    func rejectsABadEventPair(key: String, value: JSONValue, pointer: String, problem: String) throws {
        let error = #expect(throws: PairedScenarioError.self) {
            try loader.load(json: file { $0[key] = value }, file: "paired/x.json")
        }
        #expect(error?.pointer == pointer)
        #expect(error?.problem.contains(problem) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("paired/x.json#\(pointer): ") == true)
    }

    @Test func rejectsADuplicateNameAndAFileWithNothingToCompare() throws {
        var json = try #require(file().objectValue)
        let pair = try #require(json["events"]?.arrayValue?.first)
        json["events"] = [pair, pair]
        let duplicate = #expect(throws: PairedScenarioError.self) {
            try loader.load(json: .object(json), file: "paired/x.json")
        }
        #expect(duplicate?.pointer == "/events/1/name" && duplicate?.problem == "'sent' is used twice")
        json["events"] = []
        let empty = #expect(throws: PairedScenarioError.self) {
            try loader.load(json: .object(json), file: "paired/x.json")
        }
        #expect(empty?.problem == "no pairs and no events")
        json["events"] = "message.sent"
        let notArray = #expect(throws: PairedScenarioError.self) {
            try loader.load(json: .object(json), file: "paired/x.json")
        }
        #expect(notArray?.pointer == "/events")
    }

    @Test func aFindPairNeedsAResource() throws {
        var json = try #require(file().objectValue)
        json["scenarios"] = ["v2": "migration parity", "v3": "migration parity"]
        json["events"] = nil
        json["pairs"] = [
            ["name": "list", "operation": "listWebhookSubscriptions", "v2": ["step": "list", "find": true], "v3": "get"]
        ]
        let error = #expect(throws: PairedScenarioError.self) {
            try loader.load(json: .object(json), file: "paired/x.json")
        }
        #expect(error?.pointer == "/pairs/0")
        #expect(error?.hint.contains("\"resource\"") == true)
    }
}
