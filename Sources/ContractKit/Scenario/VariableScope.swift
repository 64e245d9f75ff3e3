import Foundation

/// The variables one scenario run sees: generated values, allow-listed environment variables,
/// the scenario's defaults and what its steps captured. Each scenario run has its own scope.
public struct VariableScope: Sendable {
    /// Only environment variables with this prefix are reachable as `{{env.NAME}}`, so a scenario
    /// can never read a credential.
    public static let environmentPrefix = "LINQ_TEST_"
    /// Names the runner provides.
    public static let generatedNames: Set<String> = ["run.id", "uuid", "timestamp", "receiver.url"]

    private var values: [String: JSONValue]
    private let environment: [String: String]

    /// - Parameters:
    ///   - runID: the run's id (`{{run.id}}`).
    ///   - uuid: this scenario run's UUID (`{{uuid}}`).
    ///   - startedAt: this scenario run's start (`{{timestamp}}`, ISO 8601 UTC).
    ///   - environment: the process environment; only ``environmentPrefix`` names are kept.
    public init(
        defaults: [String: JSONValue],
        runID: String,
        uuid: UUID,
        startedAt: Date,
        environment: [String: String] = [:]
    ) {
        values = defaults
        values["run.id"] = .string(runID)
        values["uuid"] = .string(uuid.uuidString.lowercased())
        values["timestamp"] = .string(startedAt.formatted(.iso8601))
        self.environment = environment.filter { $0.key.hasPrefix(Self.environmentPrefix) }
    }

    /// Whether `name` can ever be defined without a capture: generated, or an allow-listed `env.` name.
    public static func isExternallyDefined(_ name: String) -> Bool {
        generatedNames.contains(name) || isAllowedEnvironmentName(name)
    }

    static func isAllowedEnvironmentName(_ name: String) -> Bool {
        name.hasPrefix("env.") && name.dropFirst(4).hasPrefix(environmentPrefix)
    }

    public subscript(name: String) -> JSONValue? {
        if name.hasPrefix("env.") {
            return Self.isAllowedEnvironmentName(name)
                ? environment[String(name.dropFirst(4))].map(JSONValue.string) : nil
        }
        return values[name]
    }

    /// Makes `{{receiver.url:<path>}}` the URL of each receiver path, and `{{receiver.url}}` the first one's.
    public mutating func setReceiverURLs(_ urls: [(path: String, url: String)]) {
        for (path, url) in urls { values[TemplateString.receiverURLPrefix + path] = .string(url) }
        if let first = urls.first { values["receiver.url"] = .string(first.url) }
    }

    /// Sets a captured value; it shadows a default of the same name.
    public mutating func capture(_ name: String, _ value: JSONValue) {
        values[name] = value
    }

    /// `text` with its placeholders replaced; a value inside a longer string is its JSON text,
    /// strings without quotes.
    public func render(_ text: String) throws(HarnessError) -> String {
        switch try template(text).render({ self[$0].map(Self.text(of:)) }) {
        case .success(let rendered): return rendered
        case .failure(let missing): throw Self.undefined(missing.name)
        }
    }

    /// `value` with every string rendered; a string that is exactly one placeholder becomes the
    /// variable's value, whatever its JSON type.
    public func render(_ value: JSONValue) throws(HarnessError) -> JSONValue {
        switch value {
        case .string(let text):
            if let name = try template(text).soleVariable {
                guard let value = self[name] else { throw Self.undefined(name) }
                return value
            }
            return .string(try render(text))
        case .array(let elements):
            var rendered: [JSONValue] = []
            for element in elements { rendered.append(try render(element)) }
            return .array(rendered)
        case .object(let object):
            var rendered = JSONObject()
            for (key, member) in object.members { rendered[key] = try render(member) }
            return .object(rendered)
        case .null, .bool, .number:
            return value
        }
    }

    private func template(_ text: String) throws(HarnessError) -> TemplateString {
        do {
            return try TemplateString(parsing: text)
        } catch {
            throw HarnessError(.invalidScenario, error.description)
        }
    }

    private static func text(of value: JSONValue) -> String {
        if case .string(let string) = value { string } else { value.jsonString() }
    }

    private static func undefined(_ name: String) -> HarnessError {
        let hint =
            if name.hasPrefix("env.") {
                "export \(name.dropFirst(4)) (only \(environmentPrefix)* variables are reachable)"
            } else if name.hasPrefix("receiver.url") {
                "declare the path in the scenario's \"receiver\" and tag the scenario 'webhooks'"
            } else {
                "the step that captures it did not run or its value was missing"
            }
        return HarnessError(.undefinedVariable, "the variable '\(name)' has no value", hint: hint)
    }
}
