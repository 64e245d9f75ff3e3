/// Why an OpenAPI document could not be loaded; every case names the file and says how to fix it.
public enum SpecError: Error, Sendable, Hashable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case invalidJSON(path: String, JSONParseError)
    /// The top-level value is not an object; carries the JSON type found instead.
    case notAnObject(path: String, found: String)
    case missingVersion(path: String)
    case unsupportedVersion(path: String, version: String)
    /// A structural problem the model cannot work around, at a JSON pointer in the document.
    case invalidDocument(path: String, pointer: JSONPointer, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): no such file; check the path (specs live in specs/v2/openapi.json and specs/v3/openapi.json)"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); check that it is a readable file"
        case .invalidJSON(let path, let error):
            "\(path):\(error.line):\(error.column): not valid JSON: \(error.reason). "
                + "Only JSON OpenAPI documents are supported; convert YAML to JSON first"
        case .notAnObject(let path, let found):
            "\(path): an OpenAPI document must be a JSON object, found \(found)"
        case .missingVersion(let path):
            "\(path): no 'openapi' version field at the top level; is this an OpenAPI 3.x document?"
        case .unsupportedVersion(let path, let version):
            "\(path): OpenAPI version '\(version.excerpt)' is not supported; use 3.0.x or 3.1.x"
        case .invalidDocument(let path, let pointer, let reason):
            "\(path): \(pointer.description.isEmpty ? "(root)" : pointer.description): \(reason)"
        }
    }
}
