import Foundation

@testable import ContractKit

/// The committed specs and mapping, loaded once per test, and helpers to derive broken copies.
enum DiffFixtures {
    static let specsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs").path
    static let mappingPath = specsDirectory + "/mapping/v2-to-v3.json"

    static func specs() throws -> (v2: OpenAPIDocument, v3: OpenAPIDocument) {
        (
            try OpenAPIDocument.load(from: specsDirectory + "/v2/openapi.json"),
            try OpenAPIDocument.load(from: specsDirectory + "/v3/openapi.json")
        )
    }

    static func committed() throws -> (v2: OpenAPIDocument, v3: OpenAPIDocument, mapping: Mapping) {
        try MappingLoader.loadDefault(specsDirectory: specsDirectory)
    }

    static func mappingJSON() throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: mappingPath))))
    }

    static func v3JSON() throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: specsDirectory + "/v3/openapi.json"))))
    }

    /// Loads `mapping` (an edited copy of the committed one) against the committed specs, returning the problems.
    static func problems(loading mapping: JSONValue) throws -> [MappingError] {
        let (v2, v3) = try specs()
        do {
            _ = try MappingLoader.load(mapping.serialized(), source: "edited.json", v2: v2, v3: v3)
            return []
        } catch {
            return error.problems
        }
    }
}

extension JSONValue {
    /// Replaces the value at `pointer` (which must exist, or name a new member of an existing object).
    func replacing(_ pointer: JSONPointer, with newValue: JSONValue?) -> JSONValue {
        guard let head = pointer.tokens.first else { return newValue ?? .null }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            if rest.tokens.isEmpty, newValue == nil {
                object = JSONObject(object.members.filter { $0.key != head })
            } else {
                object[head] = (object[head] ?? .null).replacing(rest, with: newValue)
            }
            return .object(object)
        case .array(var array):
            guard let index = Int(head), array.indices.contains(index) else { return self }
            if rest.tokens.isEmpty, newValue == nil {
                array.remove(at: index)
            } else {
                array[index] = array[index].replacing(rest, with: newValue)
            }
            return .array(array)
        default:
            return self
        }
    }
}
