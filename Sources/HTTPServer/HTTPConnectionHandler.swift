/// Serves one connection on its own thread: read a request, call the handler, write the
/// response, repeat while the connection is kept alive.
struct HTTPConnectionHandler {
    let connection: TCPConnection
    let configuration: HTTPServer.Configuration
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    /// Whether the server is shutting down (then every response closes its connection).
    let isStopping: @Sendable () -> Bool

    func run() {
        defer { connection.close() }
        do {
            try connection.setReadTimeout(configuration.readTimeout)
            try connection.setWriteTimeout(configuration.writeTimeout)
        } catch {
            return
        }
        var reader = HTTPRequestReader(connection: connection, configuration: configuration)
        var writer = HTTPResponseWriter()
        while true {
            let received: HTTPRequestReader.Received
            do {
                received = try reader.next()
            } catch .rejected(let status, let reason) {
                Self.reject(connection, status: status, reason: reason, writer: &writer)
                return
            } catch {
                return
            }
            let response = handler(received.request)
            let keepAlive =
                received.keepAlive && !isStopping()
                && !response.headers.tokens(of: "Connection").contains("close")
            guard
                send(response, to: received.request, keepAlive: keepAlive, http10: received.http10, writer: &writer),
                keepAlive
            else { return }
        }
    }

    /// Writes `response` as its `delivery` says; `false` when the connection must close.
    private func send(
        _ response: HTTPResponse,
        to request: HTTPRequest,
        keepAlive: Bool,
        http10: Bool,
        writer: inout HTTPResponseWriter
    ) -> Bool {
        let bodyAllowed = request.method != "HEAD" && !HTTPStatus.forbidsBody(response.status)
        let body = bodyAllowed ? response.body : []
        switch response.delivery {
        case .closeWithoutResponse:
            return false
        case .normal:
            let head = writer.head(
                for: response,
                bodyLength: response.body.count,
                keepAlive: keepAlive,
                http10: http10
            )
            return (try? connection.write(head + body)) != nil
        case .truncateBody(let afterBytes):
            let head = writer.head(for: response, bodyLength: response.body.count, keepAlive: false, http10: http10)
            try? connection.write(head + body.prefix(max(0, afterBytes)))
            return false
        }
    }

    /// Answers a request the server refused with a plain-text reason; with `linger`, closes
    /// gracefully (which may take a second, so the accept thread passes `false`).
    static func reject(
        _ connection: TCPConnection,
        status: Int,
        reason: String,
        linger: Bool = true,
        writer: inout HTTPResponseWriter
    ) {
        let response = HTTPResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array((reason + "\n").utf8)
        )
        let head = writer.head(for: response, bodyLength: response.body.count, keepAlive: false, http10: false)
        guard (try? connection.write(head + response.body)) != nil else { return }
        if linger { lingeringClose(connection) }
    }

    /// Closing with unread request bytes pending makes the kernel send RST, which can destroy the
    /// error response before the client reads it; so half-close and drain for a moment first.
    static func lingeringClose(_ connection: TCPConnection) {
        connection.shutdownWrite()
        try? connection.setReadTimeout(.milliseconds(500))
        let deadline = ContinuousClock.now + .seconds(1)
        var drained = 0
        while ContinuousClock.now < deadline, drained < 4 * 1024 * 1024,
            let bytes = try? connection.read(maxBytes: 64 * 1024), !bytes.isEmpty
        {
            drained += bytes.count
        }
    }
}
