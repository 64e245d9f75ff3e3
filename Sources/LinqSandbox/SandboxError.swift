/// Why the sandbox could not be configured or started.
public enum SandboxError: Error, Equatable, CustomStringConvertible {
    /// A fault name that is not in ``SandboxFault``.
    case unknownFault(name: String, valid: [String])
    /// A spec file the sandbox needs could not be read or lacks what the sandbox takes from it.
    case specUnusable(path: String, reason: String)
    /// The HTTP server could not start.
    case serverFailed(reason: String)

    public var description: String {
        switch self {
        case .unknownFault(let name, let valid):
            "unknown sandbox fault '\(name)'; valid faults: \(valid.joined(separator: ", "))"
        case .specUnusable(let path, let reason):
            "cannot use spec \(path): \(reason); point the sandbox's specs directory at the repository's specs/ folder"
        case .serverFailed(let reason):
            "the sandbox server could not start: \(reason); choose another port or free this one"
        }
    }
}
