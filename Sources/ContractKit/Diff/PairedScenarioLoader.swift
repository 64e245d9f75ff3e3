import Foundation

/// Reads `specs/scenarios/paired/*.json` and checks every name in them against the loaded scenarios
/// and the mapping, so a typo stops the run before any request is sent.
public struct PairedScenarioLoader: Sendable {
    private let scenarios: [Scenario]
    private let mapping: Mapping

    public init(scenarios: [Scenario], mapping: Mapping) {
        self.scenarios = scenarios
        self.mapping = mapping
    }

    /// Every paired file under `directory`, sorted by file name; none when the directory does not exist.
    public func load(directory: String) throws(PairedScenarioError) -> [PairedScenario] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [PairedScenario] = []
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let file = "paired/\(name)"
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                throw PairedScenarioError(file: file, problem: "cannot read the file", hint: "check its permissions")
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse(Array(data))
            } catch {
                throw PairedScenarioError(
                    file: file, problem: "not valid JSON: \(error.description)", hint: "fix the syntax there")
            }
            result.append(try load(json: json, file: file))
        }
        return result
    }

    /// Decodes and checks one paired file given as JSON; `file` names it in errors.
    public func load(json: JSONValue, file: String) throws(PairedScenarioError) -> PairedScenario {
        let reader = Reader(file: file)
        let root = try reader.object(
            json, at: "", keys: ["name", "description", "scenarios", "resource", "pairs", "events"])
        let name = try reader.string(root["name"], at: "/name")
        let description = root["description"]
        guard description == nil || description?.stringValue != nil else {
            throw reader.fail("/description", "must be a string", "write a sentence or two, or leave it out")
        }
        let names = try reader.object(root["scenarios"], at: "/scenarios", keys: ["v2", "v3"])
        let v2Name = try reader.string(names["v2"], at: "/scenarios/v2")
        let v3Name = try reader.string(names["v3"], at: "/scenarios/v3")
        let v2 = try scenario(.v2, named: v2Name, reader: reader, at: "/scenarios/v2")
        let v3 = try scenario(.v3, named: v3Name, reader: reader, at: "/scenarios/v3")
        var v2Resource: PairedScenario.Resource?
        var v3Resource: PairedScenario.Resource?
        if root["resource"] != nil {
            let resources = try reader.object(root["resource"], at: "/resource", keys: ["v2", "v3"])
            v2Resource = try resource(resources["v2"], in: v2, reader: reader, at: "/resource/v2")
            v3Resource = try resource(resources["v3"], in: v3, reader: reader, at: "/resource/v3")
        }
        let pairList = try reader.array(root["pairs"], at: "/pairs")
        let eventList = try reader.array(root["events"], at: "/events")
        guard !pairList.isEmpty || !eventList.isEmpty else {
            throw reader.fail("/pairs", "no pairs and no events", "list at least one pair of steps or of deliveries")
        }
        var used: Set<String> = []
        var pairs: [PairedScenario.Pair] = []
        for (index, value) in pairList.enumerated() {
            let at = "/pairs/\(index)"
            let object = try reader.object(value, at: at, keys: ["name", "operation", "v2", "v3"])
            let pairName = try reader.unique(object["name"], at: at + "/name", in: &used)
            let operation = try reader.mappedName(
                object["operation"], at: at + "/operation", kind: "operation",
                hint: "use a v2 operationId that specs/mapping/v2-to-v3.json maps to a v3 operation"
            ) { mapping.operation(v2: $0)?.v3 != nil }
            let pair = PairedScenario.Pair(
                name: pairName, operation: operation,
                v2: try side(object["v2"], in: v2, reader: reader, at: at + "/v2"),
                v3: try side(object["v3"], in: v3, reader: reader, at: at + "/v3"))
            if pair.v2.find && v2Resource == nil || pair.v3.find && v3Resource == nil {
                throw reader.fail(
                    at, "a side uses \"find\" but the file has no \"resource\"",
                    "add \"resource\" saying where the created id and the list items are")
            }
            pairs.append(pair)
        }
        var events: [PairedScenario.EventPair] = []
        for (index, value) in eventList.enumerated() {
            let at = "/events/\(index)"
            let object = try reader.object(value, at: at, keys: ["name", "event", "v2", "v3"])
            let pairName = try reader.unique(object["name"], at: at + "/name", in: &used)
            let event = try reader.mappedName(
                object["event"], at: at + "/event", kind: "event type",
                hint: "use a v2 event type that specs/mapping/v2-to-v3.json maps to a v3 event"
            ) { mapping.event(v2: $0)?.v3 != nil }
            events.append(
                .init(
                    name: pairName, event: event,
                    v2Step: try deliveryStep(object["v2"], in: v2, reader: reader, at: at + "/v2"),
                    v3Step: try deliveryStep(object["v3"], in: v3, reader: reader, at: at + "/v3")))
        }
        return PairedScenario(
            name: name, description: description?.stringValue ?? "", file: file,
            v2Scenario: v2Name, v3Scenario: v3Name, v2Resource: v2Resource, v3Resource: v3Resource, pairs: pairs,
            events: events)
    }

    private func scenario(_ version: APIVersion, named name: String, reader: Reader, at pointer: String)
        throws(PairedScenarioError) -> Scenario
    {
        guard let scenario = scenarios.first(where: { $0.version == version && $0.name == name }) else {
            throw reader.fail(
                pointer, "no \(version) scenario is named '\(name)'",
                "use the \"name\" of a file in specs/scenarios/\(version)/")
        }
        return scenario
    }

    private func resource(_ value: JSONValue?, in scenario: Scenario, reader: Reader, at pointer: String)
        throws(PairedScenarioError) -> PairedScenario.Resource
    {
        let object = try reader.object(value, at: pointer, keys: ["step", "id", "list"])
        return .init(
            step: try step(object["step"], in: scenario, reader: reader, at: pointer + "/step"),
            id: try reader.pointer(object["id"], at: pointer + "/id"),
            list: try reader.pointer(object["list"], at: pointer + "/list"))
    }

    private func side(_ value: JSONValue?, in scenario: Scenario, reader: Reader, at pointer: String)
        throws(PairedScenarioError) -> PairedScenario.Side
    {
        switch value {
        case .string: return .init(step: try step(value, in: scenario, reader: reader, at: pointer), find: false)
        case .object: break
        default:
            throw reader.fail(
                pointer, "missing, or neither a step name nor an object",
                "write a step name, or {\"step\": \"list\", \"find\": true}")
        }
        let object = try reader.object(value, at: pointer, keys: ["step", "find"])
        guard object["find"] == nil || object["find"]?.boolValue != nil else {
            throw reader.fail(pointer + "/find", "must be a boolean", "write true or leave it out")
        }
        return .init(
            step: try step(object["step"], in: scenario, reader: reader, at: pointer + "/step"),
            find: object["find"]?.boolValue ?? false)
    }

    /// A step that receives deliveries, since only those have payloads to compare.
    private func deliveryStep(_ value: JSONValue?, in scenario: Scenario, reader: Reader, at pointer: String)
        throws(PairedScenarioError) -> String
    {
        let name = try step(value, in: scenario, reader: reader, at: pointer)
        let receiving = scenario.steps.filter { step in
            if case .expectDeliveries = step.action { true } else { false }
        }
        guard receiving.contains(where: { $0.name == name }) else {
            throw reader.fail(
                pointer, "step '\(name)' of '\(scenario.name)' does not expect deliveries",
                "use a step with \"expectDeliveries\": \(receiving.map(\.name).joined(separator: ", "))")
        }
        return name
    }

    private func step(_ value: JSONValue?, in scenario: Scenario, reader: Reader, at pointer: String)
        throws(PairedScenarioError) -> String
    {
        let name = try reader.string(value, at: pointer)
        guard scenario.steps.contains(where: { $0.name == name }) else {
            throw reader.fail(
                pointer, "scenario '\(scenario.name)' (\(scenario.file)) has no step '\(name)'",
                "use one of: \(scenario.steps.map(\.name).joined(separator: ", "))")
        }
        return name
    }

    /// Shape checks that name the file and pointer.
    private struct Reader {
        let file: String

        func fail(_ pointer: String, _ problem: String, _ hint: String) -> PairedScenarioError {
            PairedScenarioError(file: file, pointer: pointer, problem: problem, hint: hint)
        }

        func object(_ value: JSONValue?, at pointer: String, keys: Set<String>) throws(PairedScenarioError)
            -> JSONObject
        {
            guard let object = value?.objectValue else {
                throw fail(pointer, "missing or not an object", "see specs/mapping/README.md for the format")
            }
            if let unknown = object.keys.first(where: { !keys.contains($0) }) {
                throw fail(
                    pointer + "/" + unknown, "unknown key", "allowed are \(keys.sorted().joined(separator: ", "))")
            }
            return object
        }

        func string(_ value: JSONValue?, at pointer: String, hint: String = "write a name")
            throws(PairedScenarioError) -> String
        {
            guard let text = value?.stringValue, !text.isEmpty else {
                throw fail(pointer, "missing or not a non-empty string", hint)
            }
            return text
        }

        /// A v2 operationId or event type (`kind`) that `isMapped` accepts.
        func mappedName(
            _ value: JSONValue?,
            at pointer: String,
            kind: String,
            hint: String,
            isMapped: (String) -> Bool
        ) throws(PairedScenarioError) -> String {
            let name = try string(value, at: pointer, hint: hint)
            guard isMapped(name) else { throw fail(pointer, "'\(name)' is not a mapped v2 \(kind)", hint) }
            return name
        }

        /// An optional array: `nil` or absent reads as empty.
        func array(_ value: JSONValue?, at pointer: String) throws(PairedScenarioError) -> [JSONValue] {
            guard let value else { return [] }
            guard let items = value.arrayValue else { throw fail(pointer, "not an array", "write a list") }
            return items
        }

        /// A name not used by an earlier pair or event pair of the file.
        func unique(_ value: JSONValue?, at pointer: String, in names: inout Set<String>)
            throws(PairedScenarioError) -> String
        {
            let name = try string(value, at: pointer)
            guard names.insert(name).inserted else {
                throw fail(pointer, "'\(name)' is used twice", "give every pair and event pair a unique name")
            }
            return name
        }

        func pointer(_ value: JSONValue?, at pointer: String) throws(PairedScenarioError) -> JSONPointer {
            let text = try string(value, at: pointer, hint: "write a JSON pointer like /webhook_subscription/id")
            do {
                return try JSONPointer(parsing: text)
            } catch {
                throw fail(pointer, "'\(text)' is not a JSON pointer", "write it like /webhook_subscription/id")
            }
        }
    }
}
