/// A problem with the gating configuration: the allow-list file or a gating flag. Exit code 2.
public enum GateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The allow-list file cannot be read.
    case unreadable(file: String, reason: String)
    /// The allow-list file is not JSON, or not an object with an `entries` array.
    case malformed(file: String, reason: String)
    /// An entry's field is missing or invalid; `index` counts from 0.
    case invalidEntry(file: String, index: Int, field: String, problem: String)
    /// A `--fail-on` value other than `warning` or `error`.
    case invalidFailOn(String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the known-differences file (\(reason)); check the path and permissions"
        case .malformed(let file, let reason):
            "\(file): \(reason); the file must be {\"entries\": [...]} (see specs/known-differences.schema.json)"
        case .invalidEntry(let file, let index, let field, let problem):
            "\(file): entries[\(index)].\(field): \(problem)"
        case .invalidFailOn(let value):
            "--fail-on: '\(value)' is not a severity; use 'warning' or 'error'"
        }
    }
}
