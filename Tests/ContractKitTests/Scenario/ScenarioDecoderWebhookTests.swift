import Foundation
import Testing

@testable import ContractKit

/// The webhook parts of the scenario format: the `receiver` block, `trigger` steps and
/// `expectDeliveries` steps, decoded and checked through ``ScenarioLoader``.
struct ScenarioDecoderWebhookTests {
    /// A broken copy of ``valid``: `value` at `pointer` (`nil` removes the member), and the error expected.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let pointer: JSONPointer
        let value: JSONValue?
        let step: String?
        let field: String
        let message: String

        init(_ pointer: JSONPointer, _ value: JSONValue?, step: String?, field: String? = nil, _ message: String) {
            self.pointer = pointer
            self.value = value
            self.step = step
            self.field = field ?? pointer.description
            self.message = message
        }

        var testDescription: String {
            "\(pointer) = \(value.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "(removed)")"
        }
    }

    static let file = "v3/webhooks.json"
    let loader = ScenarioLoader(specs: [.v3: FakeSpec()])

    static let valid: JSONValue = [
        "name": "deliveries", "version": "v3", "tags": ["webhooks", "writes"],
        "variables": ["line": "+12025550100"],
        "receiver": [["path": "/a"], ["path": "/flaky", "script": [503, "drop", 200]]],
        "steps": [
            [
                "name": "subscribe",
                "request": [
                    "method": "POST", "path": "/v3/webhook-subscriptions",
                    "body": ["target_url": "{{receiver.url:/a}}", "subscribed_events": ["message.sent"]],
                ],
                "expect": ["status": 201, "captures": ["subId": "/id"]],
            ],
            ["name": "event", "trigger": ["eventType": "message.sent"]],
            [
                "name": "event on a line",
                "trigger": ["eventType": "message.sent", "phoneNumber": "{{line}}"],
                "request": ["method": "GET", "path": "/v3/webhook-subscriptions/{{subId}}"],
                "expect": ["status": 200, "operationId": "getWebhookSubscription"],
            ],
            ["name": "one delivery", "expectDeliveries": ["path": "/a"]],
            [
                "name": "retries",
                "expectDeliveries": ["path": "/flaky", "count": 3, "quietMs": 30000, "timeoutMs": 600_000],
            ],
            ["name": "nothing", "expectDeliveries": ["path": "/a", "none": true, "reason": "filtered out"]],
        ],
    ]

    @Test func decodesReceiverTriggerAndDeliverySteps() throws {
        let scenario = try loader.load(json: Self.valid, file: Self.file)
        #expect(scenario.usesWebhooks)
        #expect(
            scenario.receiver == [
                ReceiverEndpoint(path: "/a", script: .acknowledge),
                ReceiverEndpoint(path: "/flaky", script: [503, .drop, 200]),
            ])
        let actions = scenario.steps.map(\.action)
        #expect(actions[1] == .trigger(EventTrigger(eventType: "message.sent")))
        #expect(scenario.steps[1].request == nil)
        #expect(scenario.steps[1].expect == Expectation())

        let request = RequestTemplate(method: "GET", path: "/v3/webhook-subscriptions/{{subId}}")
        #expect(
            actions[2] == .trigger(EventTrigger(eventType: "message.sent", phoneNumber: "{{line}}", request: request)))
        #expect(scenario.steps[2].request == request)
        #expect(scenario.steps[2].expect.statuses == [200])
        #expect(scenario.steps[2].expect.operationID == "getWebhookSubscription")

        #expect(actions[3] == .expectDeliveries(DeliveryExpectation(path: "/a")))
        let retries = DeliveryExpectation(
            path: "/flaky", count: 3, quietMilliseconds: 30000, timeoutMilliseconds: 600_000)
        #expect(actions[4] == .expectDeliveries(retries))
        let nothing = DeliveryExpectation(path: "/a", count: 0, expectsNone: true, reason: "filtered out")
        #expect(actions[5] == .expectDeliveries(nothing))
        #expect(scenario.steps[3...].allSatisfy { $0.request == nil })
    }

    @Test func appliesTheDocumentedDefaults() throws {
        let scenario = try loader.load(json: Self.valid, file: Self.file)
        guard case .expectDeliveries(let expectation) = scenario.steps[3].action else {
            Issue.record("step 3 is \(scenario.steps[3].action)")
            return
        }
        #expect(expectation.count == 1)
        #expect(expectation.expectsNone == false)
        #expect(expectation.quietMilliseconds == 10_000)
        #expect(expectation.timeoutMilliseconds == 120_000)
        #expect(expectation.reason == nil)
        #expect(scenario.receiver[0].script.answers == [.status(200)])
    }

    @Test func anEmptyScriptAcknowledgesAndWholeDoublesAreCounts() throws {
        let json = Self.valid
            .replacing("/receiver/1/script", with: [])
            .replacing("/steps/4/expectDeliveries/count", with: 2.0)
        let scenario = try loader.load(json: json, file: Self.file)
        #expect(scenario.receiver[1].script == .acknowledge)
        let expected = DeliveryExpectation(
            path: "/flaky", count: 2, quietMilliseconds: 30000, timeoutMilliseconds: 600_000)
        #expect(scenario.steps[4].action == .expectDeliveries(expected))
    }

    @Test func acceptsDotsInsideSegmentsAndATriggerRequestThatCreates() throws {
        let json = Self.valid
            .replacing("/receiver/1/path", with: "/flaky/v1.2/.b")
            .replacing("/steps/4/expectDeliveries/path", with: "/flaky/v1.2/.b")
            .replacing("/steps/2/createsResource", with: ["deletePath": "/v3/webhook-subscriptions/{{subId}}"])
        let scenario = try loader.load(json: json, file: Self.file)
        #expect(scenario.receiver[1].path == "/flaky/v1.2/.b")
        #expect(scenario.steps[2].createsResource == ResourceCleanup(deletePath: "/v3/webhook-subscriptions/{{subId}}"))
    }

    @Test func decodesTheCommittedWebhookScenarios() throws {
        let (v2, v3) = try DiffFixtures.specs()
        let scenarios = try ScenarioLoader(specs: [.v2: v2, .v3: v3])
            .load(directory: DiffFixtures.specsDirectory + "/scenarios")
        let webhooks = Dictionary(
            uniqueKeysWithValues: scenarios.filter { $0.usesWebhooks }.map { ($0.file, $0) })
        // Every webhook-*.json uses the receiver, but v3's read-only GET of the event type list.
        let named = try ["v2", "v3"].flatMap { version in
            try FileManager.default.contentsOfDirectory(atPath: DiffFixtures.specsDirectory + "/scenarios/" + version)
                .filter { $0.hasPrefix("webhook-") }.map { version + "/" + $0 }
        }.filter { $0 != "v3/webhook-events.json" }
        #expect(Set(webhooks.keys) == Set(named))
        #expect(webhooks.values.allSatisfy { $0.usesWebhooks && $0.hasTag(Scenario.Tag.webhooks) })

        let retries = try #require(webhooks["v3/webhook-retry-on-5xx.json"])
        #expect(retries.receiver == [ReceiverEndpoint(path: "/flaky", script: [503, 503, 503, 503, 503, 200])])
        #expect(retries.steps[1].action == .trigger(EventTrigger(eventType: "message.sent")))
        let sixAttempts = DeliveryExpectation(
            path: "/flaky", count: 6, quietMilliseconds: 30000, timeoutMilliseconds: 1_800_000)
        #expect(retries.steps[2].action == .expectDeliveries(sixAttempts))

        let filters = try #require(webhooks["v3/webhook-filters.json"])
        let otherLine = EventTrigger(eventType: "message.sent", phoneNumber: "+12025550199")
        #expect(filters.steps[1].action == .trigger(otherLine))
        let none = DeliveryExpectation(
            path: "/filtered", count: 0, expectsNone: true,
            reason: "the subscription's phone_numbers filter excludes +12025550199")
        #expect(filters.steps[2].action == .expectDeliveries(none))

        let rejected = try #require(webhooks["v2/webhook-no-retry-on-4xx.json"])
        #expect(rejected.receiver == [ReceiverEndpoint(path: "/rejecting", script: [400])])
        let oneAttempt = DeliveryExpectation(path: "/rejecting", count: 1, quietMilliseconds: 10000)
        #expect(rejected.steps[2].action == .expectDeliveries(oneAttempt))
    }

    @Test func aScenarioWithoutReceiverOrWebhookStepsNeedsNoTag() throws {
        let json: JSONValue = [
            "name": "plain", "version": "v3", "receiver": [],
            "steps": [["name": "list", "request": ["method": "GET", "path": "/v3/webhook-subscriptions"]]],
        ]
        let scenario = try loader.load(json: json, file: Self.file)
        #expect(scenario.receiver.isEmpty)
        #expect(!scenario.usesWebhooks)
    }

    @Test func deliveryStepsInCleanupAreCheckedAtTheirOwnPointer() {
        let json = Self.valid.replacing(
            "/cleanup", with: [["name": "late", "expectDeliveries": ["path": "/elsewhere"]]])
        expectError(
            json,
            BadInput(
                "/cleanup/0/expectDeliveries/path", "/elsewhere", step: "late",
                "the receiver path '/elsewhere' is not declared"))
    }

    @Test(
        arguments: [
            BadInput("/receiver", "/a", step: nil, "receiver must be an array of {\"path\", \"script\"} objects"),
            BadInput("/receiver/0", "/a", step: nil, "must be a JSON object, not string"),
            BadInput("/receiver/0/scrpit", [200], step: nil, "unknown member \"scrpit\"; allowed: path, script"),
            BadInput("/receiver/0/path", nil, step: nil, "missing \"path\" (a non-empty string)"),
            BadInput("/receiver/0/path", "", step: nil, "missing \"path\" (a non-empty string)"),
            BadInput("/receiver/0/path", 7, step: nil, "must be a string, not integer"),
            BadInput("/receiver/0/path", "a", step: nil, "a receiver path starts with '/'"),
            BadInput("/receiver/0/path", "/", step: nil, "a receiver path starts with '/'"),
            BadInput("/receiver/0/path", "/a b", step: nil, "a receiver path starts with '/'"),
            BadInput("/receiver/0/path", "/a?x=1", step: nil, "a receiver path starts with '/'"),
            BadInput("/receiver/0/path", "/..", step: nil, "with no '.' or '..' segment"),
            BadInput("/receiver/0/path", "/a/../b", step: nil, "with no '.' or '..' segment"),
            BadInput("/receiver/0/path", "/a/./b", step: nil, "with no '.' or '..' segment"),
            BadInput("/receiver/1/path", "/a", step: nil, "the receiver path '/a' is declared twice"),
            BadInput("/receiver/1/script", 503, step: nil, "script must be an array of statuses"),
            BadInput("/receiver/1/script/0", 99, step: nil, "a script answer is an HTTP status (100–599) or \"drop\""),
            BadInput("/receiver/1/script/0", 600, step: nil, "a script answer is an HTTP status (100–599) or \"drop\""),
            BadInput("/receiver/1/script/0", 503.5, step: nil, "a script answer is an HTTP status"),
            BadInput("/receiver/1/script/1", "close", step: nil, "a script answer is an HTTP status"),
            BadInput("/receiver/1/script/2", ["status": 200], step: nil, "a script answer is an HTTP status"),
            BadInput("/tags", ["writes"], step: nil, "is not tagged 'webhooks'"),
        ]
    )
    func namesTheFieldOfEachReceiverError(_ bad: BadInput) {
        expectError(Self.valid.replacing(bad.pointer, with: bad.value), bad)
    }

    @Test(
        arguments: [
            BadInput("/steps/1/trigger", "message.sent", step: "event", "must be a JSON object, not string"),
            BadInput("/steps/1/trigger/eventType", nil, step: "event", "missing \"eventType\" (a non-empty string)"),
            BadInput("/steps/1/trigger/eventType", "", step: "event", "missing \"eventType\" (a non-empty string)"),
            BadInput("/steps/1/trigger/eventType", ["message.sent"], step: "event", "must be a string, not array"),
            BadInput("/steps/1/trigger/phoneNumber", 12_025_550_100, step: "event", "must be a string, not integer"),
            BadInput("/steps/1/trigger/phoneNumber", "", step: "event", "missing \"phoneNumber\" (a non-empty string)"),
            BadInput(
                "/steps/1/expect", ["status": 200], step: "event",
                "\"expect\" applies to the trigger's \"request\", which the step lacks; add one or remove it"),
            BadInput(
                "/steps/1/createsResource", ["deletePath": "/v3/webhook-subscriptions/{{subId}}"], step: "event",
                "\"createsResource\" applies to the trigger's \"request\", which the step lacks"),
            BadInput(
                "/steps/1/trigger/event_type", "message.sent", step: "event",
                "unknown member \"event_type\"; allowed: eventType, phoneNumber"),
            BadInput(
                "/steps/1/trigger", nil, step: "event", field: "/steps/1",
                "missing \"request\" (or \"trigger\", \"expectDeliveries\")"),
            BadInput(
                "/steps/1/expectDeliveries", ["path": "/a"], step: "event", field: "/steps/1/trigger",
                "unknown member \"trigger\"; allowed: expectDeliveries, name"),
            BadInput(
                "/steps/2/trigger/phoneNumber", "{{otherLine}}", step: "event on a line",
                "the variable 'otherLine' is not defined"),
            BadInput(
                "/steps/2/request/path", "/v3/nope", step: "event on a line",
                "the v3 spec has no operation GET /v3/nope"),
            BadInput(
                "/steps/2/request/method", "get", step: "event on a line", "method must be GET, POST, PUT"),
            BadInput(
                "/steps/2/expect/operationId", "getSubscription", step: "event on a line",
                "the spec has no operation 'getSubscription'"),
            BadInput(
                "/steps/2/name", "event", step: "event", field: "/steps",
                "two steps are named 'event'; give each a unique name"),
        ]
    )
    func namesTheStepAndFieldOfEachTriggerError(_ bad: BadInput) {
        expectError(Self.valid.replacing(bad.pointer, with: bad.value), bad)
    }

    @Test(
        arguments: [
            BadInput("/steps/3/expectDeliveries", "/a", step: "one delivery", "must be a JSON object, not string"),
            BadInput(
                "/steps/3/expectDeliveries/path", nil, step: "one delivery", "missing \"path\" (a non-empty string)"),
            BadInput("/steps/3/expectDeliveries/path", "a", step: "one delivery", "a receiver path starts with '/'"),
            BadInput(
                "/steps/3/expectDeliveries/path", "/b", step: "one delivery",
                "the receiver path '/b' is not declared"),
            BadInput(
                "/steps/3/expectDeliveries/counts", 2, step: "one delivery",
                "unknown member \"counts\"; allowed: count, none, path, quietMs, reason, timeoutMs"),
            BadInput(
                "/steps/3/request", ["method": "GET", "path": "/v3/webhook-subscriptions"], step: "one delivery",
                "unknown member \"request\"; allowed: expectDeliveries, name"),
            BadInput(
                "/steps/3/expect", ["status": 200], step: "one delivery",
                "unknown member \"expect\"; allowed: expectDeliveries, name"),
            BadInput("/steps/4/expectDeliveries/count", 0, step: "retries", "count must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/count", -1, step: "retries", "count must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/count", 1.5, step: "retries", "count must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/count", "3", step: "retries", "count must be a positive integer"),
            BadInput(
                "/steps/4/expectDeliveries/count", 3_000_000_000, step: "retries", "count must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/count", 1e30, step: "retries", "count must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/quietMs", 0, step: "retries", "quietMs must be a positive integer"),
            BadInput("/steps/4/expectDeliveries/quietMs", -100, step: "retries", "quietMs must be a positive integer"),
            BadInput(
                "/steps/4/expectDeliveries/timeoutMs", 0, step: "retries", "timeoutMs must be a positive integer"),
            BadInput(
                "/steps/4/expectDeliveries/timeoutMs", "2m", step: "retries", "timeoutMs must be a positive integer"),
            BadInput("/steps/5/expectDeliveries/none", false, step: "nothing", "none must be true"),
            BadInput("/steps/5/expectDeliveries/none", "true", step: "nothing", "none must be true"),
            BadInput(
                "/steps/5/expectDeliveries/count", 1, step: "nothing", field: "/steps/5/expectDeliveries/none",
                "give either count or none, not both"),
            BadInput("/steps/5/expectDeliveries/reason", 5, step: "nothing", "must be a string, not integer"),
            BadInput(
                "/steps/4/expectDeliveries/reason", "retried", step: "retries",
                "reason explains \"none\": true and is shown nowhere else; add \"none\": true or remove it"),
        ]
    )
    func namesTheStepAndFieldOfEachDeliveryError(_ bad: BadInput) {
        expectError(Self.valid.replacing(bad.pointer, with: bad.value), bad)
    }

    /// The hint of every decoding error points at the format; the checker's hints say what to add.
    @Test func hintsSayHowToFixIt() {
        let undeclared = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.valid.replacing("/steps/3/expectDeliveries/path", with: "/b"), file: Self.file)
        }
        #expect(undeclared?.hint == "add {\"path\": \"/b\"} to the scenario's \"receiver\"")
        let untagged = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.valid.replacing("/tags", with: []), file: Self.file)
        }
        #expect(untagged?.hint == "add \"webhooks\" to \"tags\"")
        let count = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.valid.replacing("/steps/4/expectDeliveries/count", with: 0), file: Self.file)
        }
        #expect(count?.hint == "fix the scenario file (format: specs/scenarios/README.md)")
        #expect(
            count?.description
                == "v3/webhooks.json, step 'retries', field '/steps/4/expectDeliveries/count': "
                + "count must be a positive integer; fix the scenario file (format: specs/scenarios/README.md)")
    }

    @Test func aTriggerAloneAlsoNeedsTheWebhooksTag() {
        let json: JSONValue = [
            "name": "trigger only", "version": "v3",
            "steps": [["name": "event", "trigger": ["eventType": "message.sent"]]],
        ]
        expectError(json, BadInput("/tags", nil, step: nil, "is not tagged 'webhooks'"))
    }

    private func expectError(_ json: JSONValue, _ bad: BadInput, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: HarnessError.self, sourceLocation: sourceLocation) {
            try loader.load(json: json, file: Self.file)
        }
        #expect(error?.code == .invalidScenario, sourceLocation: sourceLocation)
        #expect(
            error?.location == .init(file: Self.file, step: bad.step, field: bad.field), sourceLocation: sourceLocation)
        #expect(error?.message.contains(bad.message) == true, "\(error?.message ?? "")", sourceLocation: sourceLocation)
        #expect(error?.hint.isEmpty == false, sourceLocation: sourceLocation)
    }
}
