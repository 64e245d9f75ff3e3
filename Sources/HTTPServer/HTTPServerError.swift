/// Why `HTTPServer.start()` failed.
public enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    case addressInUse(host: String, port: UInt16)
    case permissionDenied(host: String, port: UInt16)
    case invalidHost(String)
    case alreadyRunning(port: UInt16)
    case cannotListen(host: String, port: UInt16, reason: String)

    init(_ error: SocketError, host: String, port: UInt16) {
        switch error {
        case .addressInUse: self = .addressInUse(host: host, port: port)
        case .permissionDenied: self = .permissionDenied(host: host, port: port)
        case .unresolvableHost: self = .invalidHost(host)
        default: self = .cannotListen(host: host, port: port, reason: error.description)
        }
    }

    /// One line naming the address and what to do about it.
    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "port \(port) on \(host) is already in use; choose another with --port or use 0 for any free port"
        case .permissionDenied(let host, let port):
            "not permitted to listen on port \(port) on \(host); use a port above 1023 or 0 for any free port"
        case .invalidHost(let host):
            "cannot listen on host '\(host)': not an address of this machine; use 127.0.0.1, ::1 or 0.0.0.0"
        case .alreadyRunning(let port):
            "the server is already running on port \(port); call stop() before starting it again"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
