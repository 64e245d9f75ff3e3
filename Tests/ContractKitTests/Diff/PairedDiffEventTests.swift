import Foundation
import Testing

@testable import ContractKit

@Suite("PairedDiff: event pairs")
struct PairedDiffEventTests {
    let mapping: Mapping
    let migration: MigrationReport

    init() throws {
        let (v2, v3, mapping) = try DiffFixtures.committed()
        self.mapping = mapping
        migration = SpecDiff.migration(v2: v2, v3: v3, mapping: mapping)
    }

    static let paired = PairedScenario(
        name: "deliveries", description: "", file: "paired/deliveries.json", v2Scenario: "old", v3Scenario: "new",
        v2Resource: nil, v3Resource: nil, pairs: [],
        events: [
            .init(name: "sent", event: "message.sent", v2Step: "receive", v3Step: "receive"),
            .init(name: "typing", event: "typing_indicator.received", v2Step: "receive", v3Step: "receive"),
            .init(name: "reaction", event: "reaction.sent", v2Step: "receive", v3Step: "receive"),
        ])

    static let v2Sent: JSONValue = [
        "event_type": "message.sent", "event_id": "6ede3b16-af7f-4553-870e-bae892330bec",
        "created_at": "2026-11-23T14:56:13.320Z", "data": ["id": "1", "chat_id": "2", "service": "iMessage"],
    ]
    static let v3Sent: JSONValue = [
        "event_type": "message.sent", "event_id": "0bdd350c-2a47-45e4-8f05-258ebf46f6b2",
        "created_at": "2026-11-23T14:56:14.000Z", "trace_id": "3537b8354dd52a1bcba9f1030df9d7f9",
        "data": [
            "id": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "chat": ["id": "4f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"],
            "service": "iMessage",
        ],
    ]

    private func delivered(_ payload: JSONValue) -> DeliveredEvent {
        DeliveredEvent(eventType: payload["event_type"]?.stringValue, payload: payload)
    }

    private func run(v2: [JSONValue], v3: [JSONValue], v3Status: StepResult.Status = .passed) -> RunResult {
        func scenario(_ name: String, _ version: APIVersion, _ payloads: [JSONValue], _ status: StepResult.Status)
            -> ScenarioResult
        {
            let step = StepResult(name: "receive", status: status, deliveries: payloads.map(delivered))
            return ScenarioResult(name: name, version: version, file: "", tags: [], status: .passed, steps: [step])
        }
        return RunResult(
            runID: "r", target: "sandbox", specHashes: [:], startedAt: Date(), finishedAt: Date(),
            scenarios: [scenario("old", .v2, v2, .passed), scenario("new", .v3, v3, v3Status)])
    }

    private func outcomes(_ result: RunResult, allowing entries: [KnownDifference] = []) -> [String: PairOutcome] {
        let gate = Gate(knownDifferences: .init(entries: entries), today: CalendarDate(year: 2026, month: 11, day: 23))
        let diff = PairedDiff(mapping: mapping, pairedScenarios: [Self.paired], gate: gate)
        return Dictionary(uniqueKeysWithValues: diff.outcomes(of: result).map { ($0.name, $0) })
    }

    private func edited(_ value: JSONValue, _ pointer: JSONPointer, _ new: JSONValue?) -> JSONValue {
        var object = value.objectValue ?? JSONObject()
        let tokens = pointer.tokens
        if tokens.count == 1 {
            object[tokens[0]] = new
        } else if let child = object[tokens[0]] {
            object[tokens[0]] = edited(child, JSONPointer(tokens: Array(tokens.dropFirst())), new)
        }
        return .object(object)
    }

    @Test func aTranslatedPayloadMatchesWithVolatileFieldsComparedByFormat() {
        let sent = outcomes(run(v2: [Self.v2Sent], v3: [Self.v3Sent]))["sent"]
        #expect(sent?.subject == .event("message.sent"))
        #expect(sent?.parity == .matched, "\(sent?.differences.map(\.line) ?? [])")
    }

    @Test func eventNamesTranslateThroughTheEventTable() {
        let v2: JSONValue = ["event_type": "typing_indicator.received", "data": ["chat_id": "7"]]
        let v3: JSONValue = ["event_type": "chat.typing_indicator.started", "data": ["chat_id": "7"]]
        #expect(outcomes(run(v2: [v2], v3: [v3]))["typing"]?.parity == .matched)
    }

    @Test func theV3DeliveryIsTheOneMeetingTheMappingsCondition() {
        let v2: JSONValue = ["event_type": "reaction.sent", "data": ["reaction": "love", "is_from_me": true]]
        let other: JSONValue = ["event_type": "reaction.added", "data": ["reaction_type": "like", "is_from_me": false]]
        let mine: JSONValue = ["event_type": "reaction.added", "data": ["reaction_type": "love", "is_from_me": true]]
        #expect(outcomes(run(v2: [v2], v3: [other, mine]))["reaction"]?.parity == .matched)
        let missing = outcomes(run(v2: [v2], v3: [other]))["reaction"]?.parity
        #expect(
            missing?.details == [
                "v3 step 'receive' received no 'reaction.added' where /data/is_from_me is true delivery: "
                    + "it received reaction.added"
            ])
    }

    @Test(arguments: [
        ("/data/service" as JSONPointer, JSONValue.string("SMS"), "data/service: v2 \"iMessage\", v3 \"SMS\""),
        ("/data/chat", nil, "data/chat/id: in v2 (as data/chat_id), missing in v3"),
        ("/event_id", 12, "event_id: v2 string (uuid), v3 integer"),
        ("/data/id", "77", "data/id: v2 string (hex), v3 string (hex); the mapping says string → string (uuid)"),
    ])
    func aFieldThatDiffersIsNamed(pointer: JSONPointer, value: JSONValue?, line: String) throws {
        let sent = try #require(outcomes(run(v2: [Self.v2Sent], v3: [edited(Self.v3Sent, pointer, value)]))["sent"])
        #expect(sent.parity == .differs([line]))
        #expect(sent.differences.first?.finding.rule == .parity)
        #expect(sent.differences.first?.finding.location == .init(version: "v3", scenario: "deliveries", step: "sent"))
    }

    @Test func aReviewedEntryTurnsTheDifferenceIntoAKnownDifference() {
        let entry = KnownDifference(
            id: "service", rule: .parity, scenario: "deliveries", step: "sent", pointer: "/data/service",
            reason: "reviewed", link: "https://example.com/1", expires: CalendarDate(year: 2999, month: 1, day: 1))
        let v3 = edited(Self.v3Sent, "/data/service", "SMS")
        let sent = outcomes(run(v2: [Self.v2Sent], v3: [v3]), allowing: [entry])["sent"]
        let line = #"data/service: v2 "iMessage", v3 "SMS" (known difference service)"#
        #expect(sent?.parity == .knownDifferences([line]))
    }

    @Test func aMissingDeliveryDiffersAndNoDeliveryAtAllIsNotRun() {
        let chat: JSONValue = ["event_type": "chat.created", "data": [:]]
        let oneSided = outcomes(run(v2: [Self.v2Sent], v3: [chat]))["sent"]?.parity
        let line = "v3 step 'receive' received no 'message.sent' delivery: it received chat.created"
        #expect(oneSided == .differs([line]))
        let v2Missing = outcomes(run(v2: [], v3: [Self.v3Sent]))["sent"]?.parity
        #expect(v2Missing == .differs(["v2 step 'receive' received no 'message.sent' delivery: it received nothing"]))
        let skipped = outcomes(run(v2: [], v3: [], v3Status: .skipped(reason: "budget spent")))["sent"]?.parity
        #expect(
            skipped
                == .notRun(
                    reason: "neither step received the event (v2 'message.sent': it received nothing, "
                        + "v3 'message.sent': skipped: budget spent)"))
    }

    @Test func applyRecordsEventParityAndSaysWhyForUncoveredEvents() {
        let diff = PairedDiff(mapping: mapping, pairedScenarios: [Self.paired], gate: Gate(today: .init(utc: Date())))
        let report = diff.apply(diff.outcomes(of: run(v2: [Self.v2Sent], v3: [Self.v3Sent])), to: migration)
        let events = Dictionary(uniqueKeysWithValues: report.events.map { ($0.v2, $0.parity) })
        #expect(events["message.sent"] == .matched)
        #expect(events["message.read"] == .notRun(reason: "no paired scenario covers it"))
        #expect(events["contact.created"] == .notRun(reason: "no v3 counterpart"))
        #expect(events["typing_indicator.received"]?.wasRun == false)
        let absent = RunResult(
            runID: "r", target: "sandbox", specHashes: [:], startedAt: Date(), finishedAt: Date(), scenarios: [])
        let notInRun = diff.apply(diff.outcomes(of: absent), to: migration)
        let reason = "sent: scenario v2 'old' and v3 'new' not in this run"
        #expect(notInRun.events.first { $0.v2 == "message.sent" }?.parity == .notRun(reason: reason))
    }
}
