import Synchronization

/// A small HTTP/1.1 server on POSIX sockets: one accept thread plus one thread per connection.
///
/// Handlers are synchronous and run on the connection's own thread, so a slow handler or an idle
/// keep-alive client never blocks Dispatch's global queues or the Swift concurrency pool.
///
/// ```swift
/// let server = HTTPServer { request in HTTPResponse(status: 200, body: Array("hi".utf8)) }
/// let port = try server.start()
/// defer { server.stop() }
/// ```
public final class HTTPServer: Sendable {
    /// Where the server listens and its limits, as given to `init`.
    public let configuration: Configuration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let current = Mutex<HTTPServerRun?>(nil)

    /// A server that answers every request with `handler`, called on the connection's thread.
    public init(configuration: Configuration = .init(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }

    /// A server that answers every request through `router`.
    public convenience init(configuration: Configuration = .init(), router: Router) {
        self.init(configuration: configuration, handler: router.route)
    }

    /// The bound port while running, else `nil`.
    public var port: UInt16? {
        current.withLock { $0?.listener.port }
    }

    /// Binds `configuration.host:configuration.port`, starts accepting, and returns the bound port.
    ///
    /// The port is the kernel's pick when the configured port is 0. A stopped server may be started again.
    @discardableResult
    public func start() throws(HTTPServerError) -> UInt16 {
        try current.withLock { current throws(HTTPServerError) -> UInt16 in
            if let current { throw .alreadyRunning(port: current.listener.port) }
            let listener: TCPListener
            do throws(SocketError) {
                listener = try TCPListener(host: configuration.host, port: configuration.port)
            } catch {
                throw HTTPServerError(error, host: configuration.host, port: configuration.port)
            }
            let run = HTTPServerRun(listener: listener, configuration: configuration, handler: handler)
            run.start()
            current = run
            return listener.port
        }
    }

    /// Stops accepting, closes every connection and waits for the connection threads to finish.
    ///
    /// Idle, mid-request and mid-response connections alike are closed; handlers still running are
    /// waited for. Idempotent; callable from any thread, but it blocks the caller until the threads are done,
    /// so a handler must not call it (it would wait for itself).
    public func stop() {
        current.withLock { current in
            defer { current = nil }
            return current
        }?.stop()
    }

    deinit {
        stop()
    }
}
