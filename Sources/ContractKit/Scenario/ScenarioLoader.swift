import Foundation

/// Loads scenario files and checks each against its version's spec before any request is sent.
///
/// Layout: `<directory>/v2/*.json` and `<directory>/v3/*.json`, one scenario per file, the
/// `version` member matching the folder. A check failure is a ``HarnessError`` naming the file,
/// the step and the field, with what to change.
public struct ScenarioLoader: Sendable {
    private let specs: [APIVersion: any OperationLookup]

    /// - Parameter specs: the spec of each version scenarios may target.
    public init(specs: [APIVersion: any OperationLookup]) {
        self.specs = specs
    }

    /// Every scenario under `directory`, sorted by version, then file name.
    public func load(directory: String) throws(HarnessError) -> [Scenario] {
        var scenarios: [Scenario] = []
        for version in APIVersion.allCases {
            let folder = URL(fileURLWithPath: directory).appendingPathComponent(version.rawValue)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            var seen: [String: String] = [:]
            for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
                let file = "\(version.rawValue)/\(name)"
                let scenario = try load(path: folder.appendingPathComponent(name).path, file: file)
                guard scenario.version == version else {
                    throw HarnessError(
                        .invalidScenario,
                        "the scenario says version \"\(scenario.version)\" but sits in \(version)/",
                        at: .init(file: file, field: "/version"),
                        hint: "move the file or correct its version"
                    )
                }
                if let other = seen.updateValue(file, forKey: scenario.name) {
                    throw HarnessError(
                        .invalidScenario,
                        "the scenario name '\(scenario.name)' is also used by \(other)",
                        at: .init(file: file, field: "/name"),
                        hint: "give every scenario of a version a unique name"
                    )
                }
                scenarios.append(scenario)
            }
        }
        return scenarios
    }

    /// The scenario in the file at `path`; `file` is how errors and reports name it.
    public func load(path: String, file: String) throws(HarnessError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HarnessError(
                .invalidScenario,
                "cannot read the file",
                at: .init(file: file),
                hint: "check that it exists and is readable"
            )
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(data))
        } catch {
            throw HarnessError(
                .invalidScenario,
                "not valid JSON: \(error.description)",
                at: .init(file: file),
                hint: "fix the JSON syntax at that line and column"
            )
        }
        return try load(json: json, file: file)
    }

    /// Decodes and checks a scenario given as JSON.
    public func load(json: JSONValue, file: String) throws(HarnessError) -> Scenario {
        let scenario = try ScenarioDecoder(file: file).decode(json)
        try check(scenario)
        return scenario
    }

    /// Checks operations and variables against the spec; the scenario is otherwise well-formed.
    public func check(_ scenario: Scenario) throws(HarnessError) {
        guard let spec = specs[scenario.version] else {
            throw HarnessError(
                .invalidScenario,
                "no spec is loaded for \(scenario.version)",
                at: .init(file: scenario.file, field: "/version"),
                hint: "load specs/\(scenario.version)/openapi.json"
            )
        }
        var checker = ScenarioChecker(scenario: scenario, spec: spec)
        try checker.check()
    }
}
