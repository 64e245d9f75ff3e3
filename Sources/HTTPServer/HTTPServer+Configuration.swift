extension HTTPServer {
    /// Where the server listens and the limits that keep hostile clients from exhausting it.
    public struct Configuration: Sendable, Hashable {
        /// The address to bind: an IP literal (`127.0.0.1`, `::1`, `0.0.0.0`) or a resolvable name.
        public var host: String
        /// The port to bind; 0 lets the kernel pick a free one (see `HTTPServer.start()`).
        public var port: UInt16
        /// Connections served at once (one thread each); beyond it new clients get 503 and are closed.
        public var maxConnections: Int
        /// Largest request line plus header fields; larger heads get 431 and the connection is closed.
        public var maxHeaderBytes: Int
        /// Largest request body; larger bodies get 413 and the connection is closed.
        public var maxBodyBytes: Int
        /// Longest silence on a connection: while a request arrives (then 408 and close) and while
        /// an idle keep-alive connection waits for the next request (then close).
        public var readTimeout: Duration
        /// Longest time from a request's first byte to its last, so a client dripping bytes just
        /// inside `readTimeout` cannot hold a thread either (408 and close).
        public var requestTimeout: Duration
        /// Longest a response write may wait for a client that does not read.
        public var writeTimeout: Duration

        /// The defaults suit a local sandbox: loopback only, any free port, generous timeouts.
        public init(
            host: String = "127.0.0.1",
            port: UInt16 = 0,
            maxConnections: Int = 256,
            maxHeaderBytes: Int = 16 * 1024,
            maxBodyBytes: Int = 1024 * 1024,
            readTimeout: Duration = .seconds(15),
            requestTimeout: Duration = .seconds(60),
            writeTimeout: Duration = .seconds(15)
        ) {
            self.host = host
            self.port = port
            self.maxConnections = maxConnections
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
            self.readTimeout = readTimeout
            self.requestTimeout = requestTimeout
            self.writeTimeout = writeTimeout
        }
    }
}
