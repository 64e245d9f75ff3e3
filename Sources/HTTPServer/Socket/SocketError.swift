/// A failure of the socket layer (`TCPListener`, `TCPConnection`).
public enum SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another socket already listens on the address.
    case addressInUse(host: String, port: UInt16)
    /// The process may not bind the address (privileged port, sandbox).
    case permissionDenied(host: String, port: UInt16)
    /// `host` is neither an IP literal nor a name the resolver knows.
    case unresolvableHost(String)
    /// Nothing listens at the address.
    case connectionRefused(host: String, port: UInt16)
    /// A read or write waited longer than the socket's timeout.
    case timedOut
    /// The socket was closed locally, possibly by another thread while this one waited on it.
    case closed
    /// The peer reset the connection or stopped reading (`ECONNRESET`, `EPIPE`).
    case connectionReset
    /// Any other system call failure.
    case system(call: String, code: Int32)

    /// One line naming the failure and, where there is one, the fix.
    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "port \(port) on \(host) is already in use; choose another port or 0 for any free port"
        case .permissionDenied(let host, let port):
            "not permitted to listen on port \(port) on \(host); ports below 1024 need privileges, "
                + "use 0 for any free port"
        case .unresolvableHost(let host):
            "cannot resolve host '\(host)'; use an IP address such as 127.0.0.1 or ::1, or a resolvable name"
        case .connectionRefused(let host, let port):
            "connection to \(host):\(port) refused; is the server running on that port?"
        case .timedOut:
            "the socket operation timed out; the peer sent or accepted nothing within the timeout"
        case .closed:
            "the socket was closed locally"
        case .connectionReset:
            "the peer reset the connection"
        case .system(let call, let code):
            "\(call)() failed: \(POSIX.errorText(code)) (errno \(code))"
        }
    }
}
