import Foundation
import HTTPServer
import Testing

@testable import ContractKit

/// A spec stand-in with the v3 subscription operations.
struct FakeSpec: OperationLookup {
    let operations: [(method: String, template: PathTemplate, id: String)] = [
        ("POST", PathTemplate("/v3/webhook-subscriptions"), "createWebhookSubscription"),
        ("GET", PathTemplate("/v3/webhook-subscriptions"), "listWebhookSubscriptions"),
        ("GET", PathTemplate("/v3/webhook-subscriptions/{subscriptionId}"), "getWebhookSubscription"),
        ("DELETE", PathTemplate("/v3/webhook-subscriptions/{subscriptionId}"), "deleteWebhookSubscription"),
    ]

    func hasOperation(method: String, path: String) -> Bool {
        operations.contains { $0.method == method && $0.template.match(path) != nil }
    }

    func hasOperation(id: String) -> Bool {
        operations.contains { $0.id == id }
    }
}

struct ScenarioLoaderTests {
    let loader = ScenarioLoader(specs: [.v3: FakeSpec()])

    static let valid: JSONValue = [
        "name": "round trip", "version": "v3", "tags": ["writes"], "variables": ["events": ["message.sent"]],
        "steps": [
            [
                "name": "create",
                "request": [
                    "method": "POST", "path": "/v3/webhook-subscriptions",
                    "body": ["target_url": "https://e.com/{{run.id}}/{{uuid}}", "subscribed_events": "{{events}}"],
                ],
                "expect": [
                    "status": 201, "captures": ["subId": "/id"],
                    "assertions": [
                        ["pointer": "/id", "equals": "{{subId}}"], ["header": "X-Trace-ID", "present": true],
                    ],
                ],
                "createsResource": ["deletePath": "/v3/webhook-subscriptions/{{subId}}"],
            ],
            [
                "name": "get", "request": ["method": "GET", "path": "/v3/webhook-subscriptions/{{subId}}"],
                "expect": ["status": [200, 404], "operationId": "getWebhookSubscription"],
            ],
        ],
        "retries": false,
    ]

    @Test func decodesEveryPartOfAValidScenario() throws {
        let scenario = try loader.load(json: Self.valid, file: "v3/round-trip.json")
        #expect(scenario.name == "round trip")
        #expect(scenario.version == .v3)
        #expect(scenario.isRetryEnabled == false)
        #expect(scenario.steps.map(\.name) == ["create", "get"])
        let create = scenario.steps[0]
        #expect(create.expect.statuses == [201])
        #expect(create.expect.captures == [.init(name: "subId", pointer: "/id")])
        #expect(create.expect.assertions[1] == Assertion(.header(name: "X-Trace-ID"), .present))
        #expect(create.createsResource?.deletePath == "/v3/webhook-subscriptions/{{subId}}")
        #expect(scenario.steps[1].expect.statuses == [200, 404])
        #expect(scenario.steps[1].request?.auth == .default)
    }

    /// `scenario` (the valid one by default) with the member at `pointer` replaced (numeric tokens index arrays).
    static func mutated(_ pointer: JSONPointer, _ value: JSONValue, in scenario: JSONValue = valid) -> JSONValue {
        func set(_ json: JSONValue, _ tokens: ArraySlice<String>) -> JSONValue {
            guard let head = tokens.first else { return value }
            switch json {
            case .object(var object):
                object[head] = set(object[head] ?? .null, tokens.dropFirst())
                return .object(object)
            case .array(var array):
                let index = Int(head)!
                array[index] = set(array[index], tokens.dropFirst())
                return .array(array)
            default: return json
            }
        }
        return set(scenario, pointer.tokens[...])
    }

    @Test(
        arguments: [
            (
                "/steps/1/request/path", "/v3/webhook-subscriptions/{{subID}}", "get",
                "/steps/1/request/path", "'subID' is not defined"
            ),
            ("/steps/0/request/path", "/v3/nope", "create", "/steps/0/request/path", "no operation POST /v3/nope"),
            (
                "/steps/1/expect/operationId", "getSubscription", "get", "/steps/1/expect/operationId",
                "no operation 'getSubscription'"
            ),
            (
                "/steps/0/expect/captures", ["subId": "id"], "create", "/steps/0/expect/captures/subId",
                "not a JSON pointer"
            ),
            (
                "/steps/0/request/headers", ["X-Phone": "{{env.LINQ_API_V3_API_KEY}}"], "create",
                "/steps/0/request/headers/X-Phone", "'env.LINQ_API_V3_API_KEY' is not defined"
            ),
            (
                "/steps/0/expect/assertions/0/matches", "[", "create", "/steps/0/expect/assertions/0",
                "exactly one of equals"
            ),
            (
                "/steps/0/expect/assertions/1", ["header": "X", "matches": "(["], "create",
                "/steps/0/expect/assertions/1/matches", "valid regular expression"
            ),
            ("/steps/1/expcet", ["status": 200], "get", "/steps/1/expcet", "unknown member \"expcet\""),
            (
                "/steps/0/createsResource/deletePath", "/v3/webhook-subscriptions/{{missing}}", "create",
                "/steps/0/createsResource/deletePath", "'missing' is not defined"
            ),
            ("/steps/1/request/method", "get", "get", "/steps/1/request/method", "method must be"),
        ] as [(JSONPointer, JSONValue, String, String, String)]
    )
    func namesFileStepAndFieldOfEachError(
        pointer: JSONPointer,
        value: JSONValue,
        step: String,
        field: String,
        message: String
    ) {
        let error = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.mutated(pointer, value), file: "v3/round-trip.json")
        }
        #expect(error?.code == .invalidScenario)
        #expect(error?.location == .init(file: "v3/round-trip.json", step: step, field: field))
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    static let unknownPath: JSONValue = [
        "name": "unknown path", "version": "v3", "tags": ["read-only"],
        "steps": [
            [
                "name": "probe", "request": ["method": "GET", "path": "/v3/nope/{{uuid}}", "outsideSpec": true],
                "expect": ["status": 404, "assertions": [["pointer": "/success", "equals": false]]],
            ]
        ],
    ]

    @Test func anOutsideSpecRequestNeedsNoOperation() throws {
        let scenario = try loader.load(json: Self.unknownPath, file: "v3/unknown-path.json")
        #expect(scenario.steps[0].request?.isOutsideSpec == true)
        #expect(try loader.load(json: Self.valid, file: "f.json").steps[0].request?.isOutsideSpec == false)
    }

    @Test(
        arguments: [
            ("/steps/0/request/path", "/v3/webhook-subscriptions/{{uuid}}", "has GET /v3/webhook-subscriptions/"),
            ("/steps/0/expect/status", 200, "must expect a 4xx status"),
            ("/steps/0/expect/status", [404, 500], "must expect a 4xx status"),
            ("/steps/0/expect/operationId", "getWebhookSubscription", "no operation to check the response against"),
        ] as [(JSONPointer, JSONValue, String)]
    )
    func anOutsideSpecRequestMustMissTheSpecAndExpectAnError(pointer: JSONPointer, value: JSONValue, message: String) {
        let json = Self.mutated(pointer, value, in: Self.unknownPath)
        let error = #expect(throws: HarnessError.self) { try loader.load(json: json, file: "v3/unknown-path.json") }
        let field = "/steps/0/request/outsideSpec"
        #expect(error?.location == .init(file: "v3/unknown-path.json", step: "probe", field: field))
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func outsideSpecIsAFlag() {
        let json = Self.mutated("/steps/0/request/outsideSpec", "yes", in: Self.unknownPath)
        let error = #expect(throws: HarnessError.self) { try loader.load(json: json, file: "f.json") }
        #expect(error?.message.contains("outsideSpec must be true or false") == true)
        let missing = Self.mutated("/steps/0/expect", ["assertions": []], in: Self.unknownPath)
        #expect(throws: HarnessError.self) { try loader.load(json: missing, file: "f.json") }
    }

    @Test func aCaptureIsNotVisibleInItsOwnRequest() {
        let json = Self.mutated("/steps/0/request/path", "/v3/webhook-subscriptions?after={{subId}}")
        let error = #expect(throws: HarnessError.self) { try loader.load(json: json, file: "f.json") }
        #expect(error?.location.step == "create")
    }

    @Test func rejectsAnUnknownVersionAndAMissingSpec() {
        let v4 = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.mutated("/version", "v4"), file: "f.json")
        }
        #expect(v4?.location.field == "/version")
        let v2 = #expect(throws: HarnessError.self) {
            try loader.load(json: Self.mutated("/version", "v2"), file: "f.json")
        }
        #expect(v2?.message.contains("no spec is loaded for v2") == true)
    }

    @Test func loadsADirectoryInOrderAndChecksTheFolderVersion() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let v3 = directory.appendingPathComponent("v3")
        try FileManager.default.createDirectory(at: v3, withIntermediateDirectories: true)
        try Data(Self.mutated("/name", "b").serialized()).write(to: v3.appendingPathComponent("b.json"))
        try Data(Self.mutated("/name", "a").serialized()).write(to: v3.appendingPathComponent("a.json"))
        let scenarios = try loader.load(directory: directory.path)
        #expect(scenarios.map(\.file) == ["v3/a.json", "v3/b.json"])

        try Data("{\"name\": ".utf8).write(to: v3.appendingPathComponent("c.json"))
        let error = #expect(throws: HarnessError.self) { try loader.load(directory: directory.path) }
        #expect(error?.location.file == "v3/c.json")
        #expect(error?.message.contains("not valid JSON") == true)
    }
}
