/// Why `specs/errors.json` could not be loaded; names the file and the JSON pointer, and says what to fix.
public enum ErrorCodeTableError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String)
    case invalidJSON(path: String, JSONParseError)
    /// A member is missing or has the wrong type or value.
    case invalidEntry(path: String, pointer: String, reason: String)
    case duplicateCode(path: String, code: Int, pointer: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            "\(path): cannot read the error-code table; check the path (default specs/errors.json)"
        case .invalidJSON(let path, let error):
            "\(path):\(error.line):\(error.column): not valid JSON: \(error.reason)"
        case .invalidEntry(let path, let pointer, let reason):
            "\(path) at \(pointer): \(reason); see specs/errors.schema.json"
        case .duplicateCode(let path, let code, let pointer):
            "\(path) at \(pointer): code \(code) is listed twice; keep one entry per code"
        }
    }
}
