/// One problem with the mapping file; every case names the file, the JSON pointer of the entry at
/// fault and how to fix it.
public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    case fileNotFound(file: String)
    case unreadable(file: String, reason: String)
    case invalidJSON(file: String, JSONParseError)
    /// A spec the mapping is checked against could not be loaded.
    case spec(SpecError)
    /// The JSON has the wrong shape: a missing member, a wrong type, an unknown key.
    case malformed(file: String, pointer: JSONPointer, message: String, hint: String)
    /// An entry names an operation the spec does not have, or whose id, method and path disagree.
    case unknownOperation(file: String, pointer: JSONPointer, version: String, reference: String, problem: String)
    /// A field path does not exist in the schema it is mapped in.
    case unknownField(file: String, pointer: JSONPointer, version: String, field: FieldPath, schema: String)
    /// An event is not a value of the spec's event enum.
    case unknownEvent(file: String, pointer: JSONPointer, version: String, event: String)
    /// A `#/…` reference does not resolve in the spec.
    case unknownReference(file: String, pointer: JSONPointer, version: String, reference: String)
    /// A v3 error code is not among the known codes.
    case unknownErrorCode(file: String, pointer: JSONPointer, code: Int)
    /// v2 events of the spec's enum that no entry accounts for.
    case unmappedEvents(file: String, pointer: JSONPointer, events: [String])
    /// v2 operations of the spec that no entry accounts for.
    case unmappedOperations(file: String, pointer: JSONPointer, operations: [String])
    /// Two entries for the same v2 operation or event.
    case duplicate(file: String, pointer: JSONPointer, name: String)

    public var file: String {
        switch self {
        case .fileNotFound(let file), .unreadable(let file, _), .invalidJSON(let file, _),
            .malformed(let file, _, _, _), .unknownOperation(let file, _, _, _, _), .unknownField(let file, _, _, _, _),
            .unknownEvent(let file, _, _, _), .unknownReference(let file, _, _, _), .unknownErrorCode(let file, _, _),
            .unmappedEvents(let file, _, _), .unmappedOperations(let file, _, _), .duplicate(let file, _, _):
            file
        case .spec(let error):
            switch error {
            case .fileNotFound(let path), .unreadable(let path, _), .invalidJSON(let path, _),
                .notAnObject(let path, _), .missingVersion(let path), .unsupportedVersion(let path, _),
                .invalidDocument(let path, _, _):
                path
            }
        }
    }

    /// Where in the mapping file; `nil` when the problem is the file as a whole.
    public var pointer: JSONPointer? {
        switch self {
        case .fileNotFound, .unreadable, .invalidJSON, .spec: nil
        case .malformed(_, let pointer, _, _), .unknownOperation(_, let pointer, _, _, _),
            .unknownField(_, let pointer, _, _, _), .unknownEvent(_, let pointer, _, _),
            .unknownReference(_, let pointer, _, _), .unknownErrorCode(_, let pointer, _),
            .unmappedEvents(_, let pointer, _), .unmappedOperations(_, let pointer, _), .duplicate(_, let pointer, _):
            pointer
        }
    }

    public var message: String {
        switch self {
        case .fileNotFound: "no such file"
        case .unreadable(_, let reason): "cannot be read (\(reason))"
        case .invalidJSON(_, let error): "not valid JSON at line \(error.line), column \(error.column): \(error.reason)"
        case .spec(let error): error.description
        case .malformed(_, _, let message, _): message
        case .unknownOperation(_, _, let version, let reference, let problem):
            "\(version) operation \(reference): \(problem)"
        case .unknownField(_, _, let version, let field, let schema):
            "\(version) field '\(field.text)' does not exist in \(schema)"
        case .unknownEvent(_, _, let version, let event): "'\(event)' is not a \(version) event type"
        case .unknownReference(_, _, let version, let reference):
            "'\(reference)' does not resolve in the \(version) spec"
        case .unknownErrorCode(_, _, let code): "\(code) is not a known v3 error code"
        case .unmappedEvents(_, _, let events): "v2 events not accounted for: \(events.joined(separator: ", "))"
        case .unmappedOperations(_, _, let operations):
            "v2 operations not accounted for: \(operations.joined(separator: ", "))"
        case .duplicate(_, _, let name): "'\(name)' is mapped more than once"
        }
    }

    public var hint: String {
        switch self {
        case .fileNotFound: "check the path; the committed mapping is specs/mapping/v2-to-v3.json"
        case .unreadable: "check that it is a readable file"
        case .invalidJSON: "fix the JSON syntax"
        case .spec: "fix the spec path or the spec"
        case .malformed(_, _, _, let hint): hint
        case .unknownOperation(_, _, let version, _, _):
            "use the operationId, method and path exactly as specs/\(version)/openapi.json writes them"
        case .unknownField:
            "use the property names of the schema, '/' between levels and '*' for array items; "
                + "write a field the other version lacks with null on that side"
        case .unknownEvent(_, _, let version, _):
            "use a value of the \(version) event enum, or null with a reason when there is no counterpart"
        case .unknownReference: "use a local reference such as #/components/schemas/Name"
        case .unknownErrorCode: "use a code listed in specs/errors.json and the v3 ErrorCode x-known-values"
        case .unmappedEvents:
            "add an entry for each: {\"v2\": EVENT, \"v3\": V3_EVENT} or {\"v2\": EVENT, \"v3\": null, \"reason\": …}"
        case .unmappedOperations:
            "add an entry for each: a v3 operation, or \"v3\": null with a reason"
        case .duplicate: "keep one entry"
        }
    }

    /// `FILE#POINTER: message; hint`.
    public var description: String {
        if case .spec(let error) = self { return error.description }
        let location = pointer.map { "\(file)#\($0.description)" } ?? file
        return "\(location): \(message); \(hint)"
    }
}

/// Why a mapping could not be loaded: every problem found, not just the first.
public struct MappingLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [MappingError]

    public init(_ problems: [MappingError]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
