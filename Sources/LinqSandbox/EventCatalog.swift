import ContractKit
import Foundation

/// What the sandbox takes from one captured spec: the event types subscriptions may name and,
/// per event type and payload version, the delivery's schema and a valid `data` built from it.
struct EventCatalog: Sendable {
    /// The `webhook_version` used when a v3 target URL has no (known) `?version=`.
    static let defaultWebhookVersion = "2026-02-03"

    let eventTypes: [String]
    let eventTypeSet: Set<String>
    /// The whole document, in which the schema pointers resolve.
    let document: JSONValue
    /// Envelope schema per event type, then per payload version.
    let payloadSchemas: [String: [String: JSONPointer]]
    private let sampleData: [String: [String: JSONValue]]

    /// Reads the spec at `path`: event types from `components/schemas/WebhookEventType`, payloads
    /// from `webhooks` (v3) or `x-webhooks` (v2).
    static func load(_ path: String) throws(SandboxError) -> EventCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .specUnusable(path: path, reason: "the file cannot be read")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data))
        } catch {
            throw .specUnusable(path: path, reason: "not valid JSON: \(error)")
        }
        return try EventCatalog(document: document, path: path)
    }

    init(document: JSONValue, path: String) throws(SandboxError) {
        let enumPointer = JSONPointer(tokens: ["components", "schemas", "WebhookEventType", "enum"])
        guard let types = document.value(at: enumPointer)?.arrayValue?.compactMap(\.stringValue), !types.isEmpty
        else { throw .specUnusable(path: path, reason: "no string enum at \(enumPointer)") }
        eventTypes = types
        eventTypeSet = Set(types)
        self.document = document
        let schemas = Self.payloadSchemas(in: document)
        payloadSchemas = schemas
        let generator = SchemaInstanceGenerator(document: document)
        var samples: [String: [String: JSONValue]] = [:]
        for (eventType, byVersion) in schemas {
            for (version, pointer) in byVersion {
                do {
                    samples[eventType, default: [:]][version] = try generator.instance(forSchemaAt: pointer)["data"]
                } catch {
                    throw .specUnusable(path: path, reason: "cannot build a \(eventType) payload: \(error)")
                }
            }
        }
        sampleData = samples
    }

    /// The `webhook_version` of deliveries to `targetURL`: its `?version=` when the spec knows it, else the default.
    func webhookVersion(for targetURL: String) -> String {
        let requested = URLComponents(string: targetURL)?.queryItems?.first { $0.name == "version" }?.value
        let known = Set(payloadSchemas.values.flatMap(\.keys))
        guard let requested, known.contains(requested) else { return Self.defaultWebhookVersion }
        return requested
    }

    /// The envelope schema for `eventType` in `version`, else in its newest version; `nil` when the spec has none.
    func payloadSchema(eventType: String, version: String) -> JSONPointer? {
        Self.pick(payloadSchemas[eventType], version)
    }

    /// A valid `data` for `eventType` in `version` (else its newest version); `{}` when the spec has no schema.
    func sampleData(eventType: String, version: String) -> JSONValue {
        Self.pick(sampleData[eventType], version) ?? [:]
    }

    private static func pick<Value>(_ byVersion: [String: Value]?, _ version: String) -> Value? {
        guard let byVersion else { return nil }
        return byVersion[version] ?? byVersion.max { $0.key < $1.key }?.value
    }

    /// Each webhooks entry: the event type is the key without a `.vNNNN` suffix (`message.sent.v2026`),
    /// the version the entry's date-shaped tag (`2026-02-03`), else the default.
    private static func payloadSchemas(in document: JSONValue) -> [String: [String: JSONPointer]] {
        var schemas: [String: [String: JSONPointer]] = [:]
        for container in ["webhooks", "x-webhooks"] {
            for (key, entry) in document[container]?.objectValue ?? JSONObject() {
                guard let operation = entry["post"],
                    operation["requestBody"]?["content"]?["application/json"]?["schema"] != nil
                else { continue }
                let version =
                    operation["tags"]?.arrayValue?.compactMap(\.stringValue).first(where: isDate)
                    ?? defaultWebhookVersion
                let pointer = JSONPointer(tokens: [
                    container, key, "post", "requestBody", "content", "application/json", "schema",
                ])
                schemas[eventType(fromWebhookKey: key), default: [:]][version] = pointer
            }
        }
        return schemas
    }

    private static func eventType(fromWebhookKey key: String) -> String {
        let parts = key.split(separator: ".")
        guard parts.count > 1, let last = parts.last, last.first == "v", last.dropFirst().allSatisfy(\.isNumber)
        else { return key }
        return parts.dropLast().joined(separator: ".")
    }

    private static func isDate(_ text: String) -> Bool {
        text.count == 10 && text.split(separator: "-").map(\.count) == [4, 2, 2]
    }
}

/// The event catalogues of both APIs.
struct SandboxSpecs: Sendable {
    let v3: EventCatalog
    let v2: EventCatalog

    /// Reads `v3/openapi.json` and `v2/openapi.json` under `directory`.
    static func load(from directory: URL) throws(SandboxError) -> SandboxSpecs {
        SandboxSpecs(
            v3: try .load(directory.appendingPathComponent("v3/openapi.json").path),
            v2: try .load(directory.appendingPathComponent("v2/openapi.json").path)
        )
    }
}
