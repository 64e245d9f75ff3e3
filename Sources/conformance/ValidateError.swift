import ContractKit

/// Why `conformance validate` could not check a file (exit status 2), as opposed to the file being invalid.
enum ValidateError: Error, CustomStringConvertible {
    case spec(SpecError)
    case unknownSchema(String, path: String, known: [String])
    case unknownOperation(String, path: String, known: [String])
    case noResponseSchema(String, status: Int?, path: String, documented: [String])
    case unreadableFile(String)
    case invalidJSON(String, JSONParseError)

    var description: String {
        switch self {
        case .spec(let error):
            "\(error)"
        case .unknownSchema(let name, let path, let known):
            "no schema named \(name) in \(path); known schemas: \(known.joined(separator: ", "))"
        case .unknownOperation(let id, let path, let known):
            "no operation with operationId \(id) in \(path); known operations: \(known.joined(separator: ", "))"
        case .noResponseSchema(let id, let status, let path, let documented):
            "operation \(id) in \(path) documents no JSON response schema for "
                + (status.map { "status \($0)" } ?? "any 2xx status")
                + "; documented statuses: \(documented.joined(separator: ", ")); pass --status CODE"
        case .unreadableFile(let file):
            "\(file): no such file or not readable"
        case .invalidJSON(let file, let error):
            "\(file):\(error.line):\(error.column): not valid JSON: \(error.reason)"
        }
    }
}
