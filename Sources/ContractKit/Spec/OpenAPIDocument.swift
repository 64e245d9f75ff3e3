import Foundation
import HTTPServer

/// An OpenAPI 3.0 or 3.1 document: its operations, webhooks and schemas, addressed by JSON pointers.
///
/// The parsed JSON is kept whole in ``root``; operations and webhooks point into it, so a schema
/// is validated in place (with its `$ref`s) and every finding can cite where the contract says so.
public struct OpenAPIDocument: Sendable {
    /// The file the document was loaded from, used in every message about it.
    public let source: String
    public let root: JSONValue
    /// The `openapi` field, e.g. `3.1.0`.
    public let version: String
    /// The path part of `servers[0].url` without a trailing `/` (`/api/partner`), or `""`.
    public let basePath: String
    public let operations: [OpenAPIOperation]
    public let webhooks: [OpenAPIWebhook]

    /// Reads and parses the JSON document at `path`.
    /// - Throws: ``SpecError`` naming the file: missing, unreadable, not JSON (with line and column),
    ///   not an object, or not OpenAPI 3.0/3.1.
    public static func load(from path: String) throws(SpecError) -> OpenAPIDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse([UInt8](data))
        } catch {
            throw .invalidJSON(path: path, error)
        }
        return try OpenAPIDocument(root: root, source: path)
    }

    /// Builds the model of an already parsed document.
    /// - Throws: ``SpecError`` when `root` is not an OpenAPI 3.0/3.1 object.
    public init(root: JSONValue, source: String = "<document>") throws(SpecError) {
        guard let object = root.objectValue else { throw .notAnObject(path: source, found: root.typeName) }
        guard let versionValue = object["openapi"] else {
            if let swagger = object["swagger"] {
                throw .unsupportedVersion(
                    path: source,
                    version: "swagger \(swagger.stringValue ?? swagger.abbreviated)"
                )
            }
            throw .missingVersion(path: source)
        }
        guard let version = versionValue.stringValue else {
            throw .invalidDocument(
                path: source,
                pointer: "/openapi",
                reason: "the version must be a string such as \"3.1.0\", found \(versionValue.abbreviated)"
            )
        }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "3", parts[1] == "0" || parts[1] == "1",
            !parts[2].isEmpty, parts[2].allSatisfy(\.isNumber)
        else { throw .unsupportedVersion(path: source, version: version) }
        if let paths = object["paths"], paths.objectValue == nil {
            throw .invalidDocument(
                path: source,
                pointer: "/paths",
                reason: "'paths' must be an object, found \(paths.typeName)"
            )
        }
        self.source = source
        self.root = root
        self.version = version
        basePath = OpenAPIDocument.basePath(ofServerURL: root["servers"]?[0]?["url"]?.stringValue ?? "")
        let builder = OpenAPIModelBuilder(root: root)
        operations = builder.operations()
        webhooks = builder.webhooks()
    }

    /// Whether the document is OpenAPI 3.1, whose schemas are JSON Schema draft 2020-12.
    public var isOpenAPI31: Bool {
        version.hasPrefix("3.1.")
    }

    /// Returns the operation serving `method` on a concrete `path` (query ignored), with or without ``basePath``.
    ///
    /// When several templates match, the one with the most literal segments wins, so
    /// `/v3/chats/search` beats `/v3/chats/{chatId}`.
    public func operation(method: String, path: String) -> OpenAPIOperation? {
        let path = String(path.prefix { $0 != "?" && $0 != "#" })
        var candidates = [path]
        if !basePath.isEmpty, path.hasPrefix(basePath + "/") {
            candidates.append(String(path.dropFirst(basePath.count)))
        }
        let method = method.uppercased()
        var best: OpenAPIOperation?
        for operation in operations where operation.method == method {
            guard candidates.contains(where: { operation.path.match($0) != nil }) else { continue }
            if best.map({ operation.path.literalCount > $0.path.literalCount }) ?? true { best = operation }
        }
        return best
    }

    /// Returns the operation with `operationId` `id`, if any.
    public func operation(id: String) -> OpenAPIOperation? {
        operations.first { $0.operationId == id }
    }

    /// The names under `components/schemas`, in document order.
    public var schemaNames: [String] {
        root["components"]?["schemas"]?.objectValue?.keys ?? []
    }

    /// Returns `/components/schemas/NAME` when the document defines that schema, else `nil`.
    public func schemaPointer(named name: String) -> JSONPointer? {
        guard root["components"]?["schemas"]?[name] != nil else { return nil }
        return JSONPointer(tokens: ["components", "schemas", name])
    }

    /// Returns the JSON schema of the response `operation` documents for `status`.
    ///
    /// The exact code wins, then its range (`2XX`), then `default`.
    public func responseSchema(for operation: OpenAPIOperation, status: Int) -> JSONPointer? {
        operation.response(for: status)?.jsonSchema
    }

    /// Resolves a local `$ref`, following ref-to-ref chains, to the first target that is not itself a `$ref`.
    ///
    /// - Parameters:
    ///   - ref: The reference text, e.g. `#/components/schemas/Chat`.
    ///   - origin: The pointer of the object that holds the `$ref`; a chain leading back to it is a cycle.
    /// - Returns: The target, or `nil` when the reference is external, malformed, dangling or cyclic
    ///   (``SpecLinter`` says which).
    public func resolveReference(_ ref: String, from origin: JSONPointer) -> JSONPointer? {
        guard case .resolved(let target) = ReferenceResolver(root: root).resolve(ref, from: origin) else { return nil }
        return target
    }

    static func basePath(ofServerURL url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        rest = rest.prefix { $0 != "?" && $0 != "#" }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}
