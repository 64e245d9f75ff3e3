import Foundation
import Testing

@testable import ContractKit

/// ``PairedScenarioLoader`` against the committed paired file, the committed `migration parity`
/// scenarios and the committed mapping, and against broken copies of that file.
struct PairedScenarioLoaderTests {
    /// A broken copy of the committed file: `value` at `pointer` (`nil` removes the member), and the error expected.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let pointer: JSONPointer
        let value: JSONValue?
        let field: String
        let problem: String
        let hint: String

        init(_ pointer: JSONPointer, _ value: JSONValue?, field: String? = nil, _ problem: String, _ hint: String) {
            self.pointer = pointer
            self.value = value
            self.field = field ?? pointer.description
            self.problem = problem
            self.hint = hint
        }

        var testDescription: String {
            "\(pointer) = \(value.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "(removed)")"
        }
    }

    static let pairedDirectory = DiffFixtures.specsDirectory + "/scenarios/paired"
    static let file = "paired/edited.json"
    static let v2Steps =
        "use one of: create, list, update, deactivate, reactivate, list without token, create without url, delete, "
        + "delete unknown id, update unknown id"
    static let formatHint = "see specs/mapping/README.md for the format"

    /// Loaded once: the specs, the mapping and both `migration parity` scenarios.
    static let loader = Result { () throws -> PairedScenarioLoader in
        let (v2, v3, mapping) = try DiffFixtures.committed()
        let scenarios = ScenarioLoader(specs: [.v2: v2, .v3: v3])
        let directory = DiffFixtures.specsDirectory + "/scenarios"
        return PairedScenarioLoader(
            scenarios: [
                try scenarios.load(path: directory + "/v2/migration-parity.json", file: "v2/migration-parity.json"),
                try scenarios.load(path: directory + "/v3/migration-parity.json", file: "v3/migration-parity.json"),
            ],
            mapping: mapping
        )
    }

    static func committedJSON() throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: pairedDirectory + "/webhook-subscriptions.json"))
        return try JSONParser.parse(Array(data))
    }

    @Test func loadsTheCommittedPairedFile() throws {
        let file = try Self.loader.get().load(json: Self.committedJSON(), file: "paired/webhook-subscriptions.json")
        #expect(file.name == "webhook subscriptions")
        #expect(file.description.hasPrefix("Create, read, list, update"))
        #expect(file.v2Scenario == "migration parity")
        #expect(file.v3Scenario == "migration parity")
        #expect(file.scenarioNames.map(\.version) == [.v2, .v3])
        let v2Resource = PairedScenario.Resource(
            step: "create", id: "/webhook_subscription/id", list: "/webhook_subscriptions")
        #expect(file.v2Resource == v2Resource)
        #expect(file.v3Resource == .init(step: "create", id: "/id", list: "/subscriptions"))
        #expect(file.pairs.count == 11)
        #expect(Set(file.pairs.map(\.name)).count == 11)
        let read = try #require(file.pairs.first { $0.name == "read" })
        #expect(read.operation == "listWebhookSubscriptions")
        #expect(read.v2 == .init(step: "list", find: true))
        #expect(read.v3 == .init(step: "get", find: false))
        let create = PairedScenario.Pair(
            name: "create", operation: "createWebhookSubscription",
            v2: .init(step: "create", find: false), v3: .init(step: "create", find: false))
        #expect(file.pairs[0] == create)
    }

    @Test func optionalMembersHaveTheirDefaults() throws {
        let json = try Self.committedJSON()
            .replacing("/description", with: nil)
            .replacing("/pairs/1/v2", with: ["step": "list"])
            .replacing("/pairs/2/v3/find", with: false)
        let paired = try Self.loader.get().load(json: json, file: Self.file)
        #expect(paired.file == Self.file)
        #expect(paired.description == "")
        #expect(paired.pairs[1].v2 == .init(step: "list", find: false))
        #expect(paired.pairs[2].v3 == .init(step: "list", find: false))
    }

    @Test func loadsADirectoryInFileNameOrderAndSkipsOtherFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = try Self.committedJSON()
        try Data(json.replacing("/name", with: "b").serialized()).write(to: directory.appendingPathComponent("b.json"))
        try Data(json.replacing("/name", with: "a").serialized()).write(to: directory.appendingPathComponent("a.json"))
        try Data("not a paired file".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let paired = try Self.loader.get().load(directory: directory.path)
        #expect(paired.map(\.file) == ["paired/a.json", "paired/b.json"])
        #expect(paired.map(\.name) == ["a", "b"])
    }

    @Test func aMissingDirectoryHasNoPairedFiles() throws {
        #expect(try Self.loader.get().load(directory: "/nonexistent/paired").isEmpty)
    }

    @Test func anUnreadableFileIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A directory with a .json name: listed like a file, but it has no contents to read.
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
        let loader = try Self.loader.get()
        let error = #expect(throws: PairedScenarioError.self) { try loader.load(directory: directory.path) }
        #expect(
            error == .init(file: "paired/folder.json", problem: "cannot read the file", hint: "check its permissions"))
        #expect(error?.description == "paired/folder.json#: cannot read the file; check its permissions")
    }

    @Test func invalidJSONIsNamedWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{\n  \"name\": \"x\",\n}".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let loader = try Self.loader.get()
        let error = #expect(throws: PairedScenarioError.self) { try loader.load(directory: directory.path) }
        #expect(error?.file == "paired/bad.json")
        #expect(error?.pointer == "")
        #expect(error?.problem.hasPrefix("not valid JSON: ") == true)
        #expect(error?.problem.contains("at line 3, column 1") == true, "\(error?.problem ?? "")")
        #expect(error?.hint == "fix the syntax there")
    }

    @Test func theRootMustBeAnObject() throws {
        let loader = try Self.loader.get()
        let error = #expect(throws: PairedScenarioError.self) { try loader.load(json: ["pairs"], file: Self.file) }
        #expect(error == .init(file: Self.file, problem: "missing or not an object", hint: Self.formatHint))
    }

    @Test(
        arguments: [
            BadInput("/typo", 1, "unknown key", "allowed are description, events, name, pairs, resource, scenarios"),
            BadInput("/name", nil, "missing or not a non-empty string", "write a name"),
            BadInput("/name", "", "missing or not a non-empty string", "write a name"),
            BadInput("/description", 5, "must be a string", "write a sentence or two, or leave it out"),
            BadInput("/scenarios", nil, "missing or not an object", formatHint),
            BadInput("/scenarios", "migration parity", "missing or not an object", formatHint),
            BadInput("/scenarios/v4", "x", "unknown key", "allowed are v2, v3"),
            BadInput("/scenarios/v2", nil, "missing or not a non-empty string", "write a name"),
            BadInput("/scenarios/v3", 3, "missing or not a non-empty string", "write a name"),
            BadInput(
                "/scenarios/v2", "migration-parity", "no v2 scenario is named 'migration-parity'",
                "use the \"name\" of a file in specs/scenarios/v2/"),
            BadInput(
                "/scenarios/v3", "retries after 5xx", "no v3 scenario is named 'retries after 5xx'",
                "use the \"name\" of a file in specs/scenarios/v3/"),
            BadInput(
                "/resource", nil, field: "/pairs/1", "a side uses \"find\" but the file has no \"resource\"",
                "add \"resource\" saying where the created id and the list items are"),
            BadInput("/resource", "create", "missing or not an object", formatHint),
            BadInput("/resource/v3", "create", "missing or not an object", formatHint),
            BadInput("/resource/v2/ids", "/id", "unknown key", "allowed are id, list, step"),
            BadInput(
                "/resource/v2/step", "make",
                "scenario 'migration parity' (v2/migration-parity.json) has no step 'make'", v2Steps),
            BadInput(
                "/resource/v3/id", nil, "missing or not a non-empty string",
                "write a JSON pointer like /webhook_subscription/id"),
            BadInput("/resource/v3/id", "id", "'id' is not a JSON pointer", "write it like /webhook_subscription/id"),
            BadInput(
                "/resource/v2/list", "/webhook_subscriptions/~2", "'/webhook_subscriptions/~2' is not a JSON pointer",
                "write it like /webhook_subscription/id"),
        ]
    )
    func namesTheFileAndPointerOfEachHeaderError(_ bad: BadInput) throws {
        try expectError(bad)
    }

    @Test(
        arguments: [
            BadInput("/pairs", nil, "no pairs and no events", "list at least one pair of steps or of deliveries"),
            BadInput("/pairs", [], "no pairs and no events", "list at least one pair of steps or of deliveries"),
            BadInput("/pairs", ["name": "create"], "not an array", "write a list"),
            BadInput("/pairs/0", "create", "missing or not an object", formatHint),
            BadInput("/pairs/0/steps", ["create"], "unknown key", "allowed are name, operation, v2, v3"),
            BadInput("/pairs/0/name", nil, "missing or not a non-empty string", "write a name"),
            BadInput("/pairs/1/name", "create", "'create' is used twice", "give every pair and event pair a unique name"),
            BadInput(
                "/pairs/0/operation", nil, "missing or not a non-empty string",
                "use a v2 operationId that specs/mapping/v2-to-v3.json maps to a v3 operation"),
            BadInput(
                "/pairs/0/operation", "createSubscription", "'createSubscription' is not a mapped v2 operation",
                "use a v2 operationId that specs/mapping/v2-to-v3.json maps to a v3 operation"),
            BadInput(
                "/pairs/0/operation", "findChat", "'findChat' is not a mapped v2 operation",
                "use a v2 operationId that specs/mapping/v2-to-v3.json maps to a v3 operation"),
            BadInput(
                "/pairs/0/v2", "make", "scenario 'migration parity' (v2/migration-parity.json) has no step 'make'",
                v2Steps),
            BadInput("/pairs/0/v2", "", "missing or not a non-empty string", "write a name"),
            BadInput(
                "/pairs/0/v3", nil, "missing, or neither a step name nor an object",
                "write a step name, or {\"step\": \"list\", \"find\": true}"),
            BadInput(
                "/pairs/0/v3", ["create"], "missing, or neither a step name nor an object",
                "write a step name, or {\"step\": \"list\", \"find\": true}"),
            BadInput("/pairs/1/v2/sort", true, "unknown key", "allowed are find, step"),
            BadInput("/pairs/1/v2/find", "yes", "must be a boolean", "write true or leave it out"),
            BadInput("/pairs/1/v2/step", nil, "missing or not a non-empty string", "write a name"),
            BadInput(
                "/pairs/2/v3/step", "lists",
                "scenario 'migration parity' (v3/migration-parity.json) has no step 'lists'",
                "use one of: create, get, list, update, deactivate, reactivate, list without token, "
                    + "create without url, delete, delete unknown id, update unknown id"),
        ]
    )
    func namesTheFileAndPointerOfEachPairError(_ bad: BadInput) throws {
        try expectError(bad)
    }

    private func expectError(_ bad: BadInput, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let json = try Self.committedJSON().replacing(bad.pointer, with: bad.value)
        let loader = try Self.loader.get()
        let error = #expect(throws: PairedScenarioError.self, sourceLocation: sourceLocation) {
            try loader.load(json: json, file: Self.file)
        }
        let expected = PairedScenarioError(file: Self.file, pointer: bad.field, problem: bad.problem, hint: bad.hint)
        #expect(error == expected, sourceLocation: sourceLocation)
        let description = "\(Self.file)#\(bad.field): \(bad.problem); \(bad.hint)"
        #expect(error?.description == description, sourceLocation: sourceLocation)
    }
}
