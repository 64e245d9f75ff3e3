import HTTPServer

/// Configuration with short timeouts so error-path tests finish quickly.
func testConfiguration(
    maxConnections: Int = 64,
    maxHeaderBytes: Int = 4096,
    maxBodyBytes: Int = 64 * 1024,
    readTimeout: Duration = .seconds(2),
    requestTimeout: Duration = .seconds(4)
) -> HTTPServer.Configuration {
    HTTPServer.Configuration(
        maxConnections: maxConnections,
        maxHeaderBytes: maxHeaderBytes,
        maxBodyBytes: maxBodyBytes,
        readTimeout: readTimeout,
        requestTimeout: requestTimeout,
        writeTimeout: .seconds(2)
    )
}

/// Echoes method, target and body back, with the body's length and `X-Body-Length`.
let echoHandler: @Sendable (HTTPRequest) -> HTTPResponse = { request in
    var headers: HTTPHeaders = ["Content-Type": "text/plain", "X-Method": request.method, "X-Target": request.target]
    headers.add(name: "X-Body-Length", value: String(request.body.count))
    if let trailer = request.headers["X-Checksum"] { headers.add(name: "X-Checksum", value: trailer) }
    return HTTPResponse(status: 200, headers: headers, body: request.body.isEmpty ? Array("ok".utf8) : request.body)
}

/// Starts a server on 127.0.0.1 port 0 and runs `body` with it, stopping it afterwards.
func withServer<Result>(
    _ configuration: HTTPServer.Configuration = testConfiguration(),
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = echoHandler,
    _ body: (HTTPServer, UInt16) async throws -> Result
) async throws -> Result {
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try server.start()
    defer { server.stop() }
    return try await body(server, port)
}
