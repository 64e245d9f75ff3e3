#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening TCP socket.
///
/// `accept()` blocks until a client connects; `close()` from any other thread makes a blocked
/// `accept()` return `nil` at once and frees the port. The server's accept thread runs on this;
/// tests use it to build servers that misbehave on purpose.
public final class TCPListener: Sendable {
    /// The host the listener was bound to, as given.
    public let host: String
    /// The bound port (the one the kernel picked when 0 was asked for).
    public let port: UInt16

    private let descriptor: SocketDescriptor
    /// `poll` on the listening socket plus this pipe is the portable way to interrupt `accept`:
    /// `shutdown` on a listening socket wakes `accept` on Linux but not on Darwin.
    private let wakePipe: (read: Int32, write: Int32)

    /// Binds and listens on `host:port`; port 0 picks any free port (read it back from `port`).
    public init(host: String = "127.0.0.1", port: UInt16 = 0, backlog: Int32 = 512) throws(SocketError) {
        guard let address = try SocketAddress.resolve(host: host, port: port, passive: true).first else {
            throw .unresolvableHost(host)
        }
        let fd = socket(address.family, POSIX.streamType, 0)
        guard fd >= 0 else { throw .system(call: "socket", code: POSIX.lastError) }
        POSIX.setCloseOnExec(fd)
        POSIX.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
        if address.withSockaddr({ bind(fd, $0, $1) }) != 0 {
            let code = POSIX.lastError
            POSIX.closeDescriptor(fd)
            switch code {
            case EADDRINUSE: throw .addressInUse(host: host, port: port)
            case EACCES, EPERM: throw .permissionDenied(host: host, port: port)
            case EADDRNOTAVAIL: throw .unresolvableHost(host)
            default: throw .system(call: "bind", code: code)
            }
        }
        guard listen(fd, backlog) == 0, let pipe = POSIX.makePipe() else {
            let code = POSIX.lastError
            POSIX.closeDescriptor(fd)
            throw code == EADDRINUSE ? .addressInUse(host: host, port: port) : .system(call: "listen", code: code)
        }
        POSIX.setNonBlocking(fd, true)
        self.host = host
        self.port = SocketAddress.local(of: fd).port
        descriptor = SocketDescriptor(fd)
        wakePipe = pipe
    }

    /// Waits for the next connection; `nil` once the listener is closed.
    public func accept() throws(SocketError) -> TCPConnection? {
        do {
            return try descriptor.withDescriptor { fd throws(SocketError) -> TCPConnection? in
                while true {
                    guard POSIX.waitReadable([fd, wakePipe.read]) == 0 else { return nil }
                    let client = POSIX.acceptConnection(fd)
                    if client >= 0 { return TCPConnection(accepted: client) }
                    switch POSIX.lastError {
                    case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED: continue
                    case let code: throw .system(call: "accept", code: code)
                    }
                }
            }
        } catch .closed {
            return nil
        }
    }

    /// Stops listening and frees the port; idempotent, callable from any thread.
    public func close() {
        if descriptor.close() { POSIX.writeByte(wakePipe.write) }
    }

    deinit {
        descriptor.close()
        POSIX.closeDescriptor(wakePipe.read)
        POSIX.closeDescriptor(wakePipe.write)
    }
}
