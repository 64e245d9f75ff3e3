/// Builds a small instance that validates against a JSON Schema inside a document, such as an
/// example webhook payload from an OpenAPI `webhooks` entry.
///
/// The instance is minimal: only required properties, `minItems` elements, the first `enum`
/// value, the `const`, the first non-null `type`, the first `oneOf`/`anyOf` branch that is not
/// `null`, and `allOf` branches merged into one schema. Strings follow `format` (`date-time`,
/// `date`, `uuid`, `uri`, `email`, `e164`), properties named like phone numbers get an
/// E.164 number, digit-only patterns get `"1"` and other patterns the schema's example.
/// `$ref`s resolve inside the document.
public struct SchemaInstanceGenerator: Sendable {
    /// Schemas nested deeper than this are taken to be a required cycle.
    public static let maxDepth = 64

    static let sampleDateTime = "2026-02-03T12:00:00.000Z"
    static let sampleUUID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
    static let samplePhoneNumber = "+12025550123"

    private let document: JSONValue

    /// `document` is the whole OpenAPI document or a standalone schema.
    public init(document: JSONValue) {
        self.document = document
    }

    /// A minimal valid instance of the schema at `pointer`.
    public func instance(forSchemaAt pointer: JSONPointer) throws(SchemaInstanceError) -> JSONValue {
        guard let schema = document.value(at: pointer) else { throw .noSchema(pointer) }
        return try instance(of: schema, at: pointer, propertyName: nil, depth: 0)
    }

    private func instance(
        of raw: JSONValue,
        at pointer: JSONPointer,
        propertyName: String?,
        depth: Int
    ) throws(SchemaInstanceError) -> JSONValue {
        guard depth < Self.maxDepth else { throw .tooDeep(pointer) }
        let schema = try flattened(raw, at: pointer, depth: depth)
        if let constant = schema["const"] { return constant }
        if let first = schema["enum"]?.arrayValue?.first(where: { $0 != .null }) ?? schema["enum"]?[0] {
            return first
        }
        for keyword in ["oneOf", "anyOf"] {
            if let branches = schema[keyword]?.arrayValue,
                let index = branches.firstIndex(where: { !isNullSchema($0) }) ?? branches.indices.first
            {
                let branchPointer = pointer.appending(keyword).appending(index: index)
                return try instance(
                    of: branches[index],
                    at: branchPointer,
                    propertyName: propertyName,
                    depth: depth + 1
                )
            }
        }
        switch Self.type(of: schema) {
        case "object": return try object(schema, at: pointer, depth: depth)
        case "array": return try array(schema, at: pointer, depth: depth)
        case "integer", "number": return .number(.integer(Self.lowestInteger(schema)))
        case "boolean": return .bool(false)
        case "null": return .null
        default: return .string(Self.string(schema, propertyName: propertyName))
        }
    }

    private func object(
        _ schema: JSONObject,
        at pointer: JSONPointer,
        depth: Int
    ) throws(SchemaInstanceError)
        -> JSONValue
    {
        var result = JSONObject()
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where result[name] == nil {
            let (propertySchema, propertyPointer): (JSONValue, JSONPointer) =
                if let declared = properties[name] {
                    (declared, pointer.appending("properties").appending(name))
                } else if let additional = schema["additionalProperties"], additional.objectValue != nil {
                    (additional, pointer.appending("additionalProperties"))
                } else {
                    ([:], pointer)
                }
            result[name] = try instance(of: propertySchema, at: propertyPointer, propertyName: name, depth: depth + 1)
        }
        return .object(result)
    }

    private func array(
        _ schema: JSONObject,
        at pointer: JSONPointer,
        depth: Int
    ) throws(SchemaInstanceError)
        -> JSONValue
    {
        let count = Int(schema["minItems"]?.numberValue?.int64Value ?? 0)
        let prefix = schema["prefixItems"]?.arrayValue ?? []
        var items: [JSONValue] = []
        for index in 0..<count {
            if index < prefix.count {
                let itemPointer = pointer.appending("prefixItems").appending(index: index)
                items.append(try instance(of: prefix[index], at: itemPointer, propertyName: nil, depth: depth + 1))
            } else {
                let item = schema["items"] ?? [:]
                items.append(
                    try instance(of: item, at: pointer.appending("items"), propertyName: nil, depth: depth + 1)
                )
            }
        }
        return .array(items)
    }

    /// The schema with its `$ref` followed and its `allOf` branches merged in: required names are
    /// united, a property declared twice must satisfy both declarations, other keywords are taken
    /// from the first schema that has them.
    private func flattened(
        _ raw: JSONValue,
        at pointer: JSONPointer,
        depth: Int
    ) throws(SchemaInstanceError)
        -> JSONObject
    {
        guard depth < Self.maxDepth else { throw .tooDeep(pointer) }
        guard var schema = raw.objectValue else { return JSONObject() }
        if let reference = schema["$ref"]?.stringValue {
            schema["$ref"] = nil
            let (target, targetPointer) = try resolve(reference, from: pointer)
            schema = Self.merge(schema, try flattened(target, at: targetPointer, depth: depth + 1))
        }
        if let branches = schema["allOf"]?.arrayValue {
            schema["allOf"] = nil
            for (index, branch) in branches.enumerated() {
                let branchPointer = pointer.appending("allOf").appending(index: index)
                schema = Self.merge(schema, try flattened(branch, at: branchPointer, depth: depth + 1))
            }
        }
        return schema
    }

    private func resolve(
        _ reference: String,
        from pointer: JSONPointer
    ) throws(SchemaInstanceError)
        -> (JSONValue, JSONPointer)
    {
        guard let target = try? JSONPointer(uriFragment: reference), let schema = document.value(at: target) else {
            throw .unresolvableReference(reference, at: pointer)
        }
        return (schema, target)
    }

    private static func merge(_ base: JSONObject, _ addition: JSONObject) -> JSONObject {
        var merged = base
        for (key, value) in addition {
            switch (key, merged[key], value) {
            case ("properties", .object(var properties)?, .object(let more)):
                for (name, schema) in more {
                    properties[name] = properties[name].map { ["allOf": [$0, schema]] } ?? schema
                }
                merged[key] = .object(properties)
            case ("required", .array(let names)?, .array(let more)):
                merged[key] = .array(names + more.filter { !names.contains($0) })
            case (_, nil, _):
                merged[key] = value
            default:
                break
            }
        }
        return merged
    }

    private func isNullSchema(_ schema: JSONValue) -> Bool {
        schema["type"] == "null" || schema["const"] == JSONValue.null
    }

    private static func type(of schema: JSONObject) -> String {
        switch schema["type"] {
        case .string(let name)?: return name
        case .array(let names)?:
            return names.compactMap(\.stringValue).first { $0 != "null" } ?? "null"
        default:
            if schema["properties"] != nil || schema["required"] != nil { return "object" }
            if schema["items"] != nil || schema["prefixItems"] != nil { return "array" }
            return "string"
        }
    }

    private static func lowestInteger(_ schema: JSONObject) -> Int64 {
        if let minimum = schema["minimum"]?.numberValue?.doubleValue { return Int64(minimum.rounded(.up)) }
        if let exclusive = schema["exclusiveMinimum"]?.numberValue?.doubleValue {
            return Int64(exclusive.rounded(.down)) + 1
        }
        if let maximum = schema["maximum"]?.numberValue?.doubleValue, maximum < 0 {
            return Int64(maximum.rounded(.down))
        }
        return 0
    }

    private static func string(_ schema: JSONObject, propertyName: String?) -> String {
        let name = propertyName?.lowercased() ?? ""
        switch schema["format"]?.stringValue {
        case "date-time": return sampleDateTime
        case "date": return String(sampleDateTime.prefix(10))
        case "uuid": return sampleUUID
        case "uri", "url", "uri-reference": return "https://example.com/sample"
        case "email": return "sample@example.com"
        case "e164", "phone": return samplePhoneNumber
        default: break
        }
        let pattern = schema["pattern"]?.stringValue ?? ""
        if name.contains("phone") || name == "handle" || name == "from" || pattern.contains("\\+") {
            return samplePhoneNumber
        }
        if ["^[0-9]+$", "^\\d+$"].contains(pattern) { return "1" }
        // Patterns are not inverted; the schema's own example is the best guess at a matching value.
        if !pattern.isEmpty, let example = (schema["example"] ?? schema["examples"]?[0])?.stringValue {
            return example
        }
        let minLength = Int(schema["minLength"]?.numberValue?.int64Value ?? 0)
        let maxLength = Int(schema["maxLength"]?.numberValue?.int64Value ?? Int64.max)
        let text = "sample" + String(repeating: "x", count: max(0, minLength - 6))
        return String(text.prefix(maxLength))
    }
}

/// Why no instance could be built for a schema.
public enum SchemaInstanceError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSchema(JSONPointer)
    case unresolvableReference(String, at: JSONPointer)
    case tooDeep(JSONPointer)

    public var description: String {
        switch self {
        case .noSchema(let pointer):
            "no schema at \(pointer.uriFragment); check the pointer against the document"
        case .unresolvableReference(let reference, let pointer):
            "$ref '\(reference)' at \(pointer.uriFragment) points nowhere in the document; fix the reference"
        case .tooDeep(let pointer):
            "schema nesting at \(pointer.uriFragment) exceeds \(SchemaInstanceGenerator.maxDepth) levels;"
                + " a required property probably refers back to its own schema"
        }
    }
}
