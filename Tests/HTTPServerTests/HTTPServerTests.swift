import Foundation
import HTTPServer
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
import TestSupport
#endif

@Suite(.blockingIO) struct HTTPServerTests {
    private func urlSessionRequest(
        _ method: String,
        port: UInt16,
        path: String,
        body: Data? = nil
    ) async throws -> (HTTPURLResponse, Data) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = method
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return (try #require(response as? HTTPURLResponse), data)
    }

    @Test(arguments: ["GET", "POST", "PUT", "DELETE", "PATCH"])
    func urlSessionRoundTrip(method: String) async throws {
        try await withServer { _, port in
            let body = method == "GET" ? nil : Data("payload for \(method) ✓".utf8)
            let (response, data) = try await urlSessionRequest(method, port: port, path: "/things/1?x=y", body: body)
            #expect(response.statusCode == 200)
            #expect(response.value(forHTTPHeaderField: "X-Method") == method)
            #expect(response.value(forHTTPHeaderField: "X-Target") == "/things/1?x=y")
            #expect(response.value(forHTTPHeaderField: "Date")?.hasSuffix(" GMT") == true)
            #expect(data == (body ?? Data("ok".utf8)))
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            for index in 0..<3 {
                try client.send("POST /n/\(index) HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                let response = try #require(try client.readResponse())
                #expect(response.status == 200)
                #expect(response.headers["X-Target"] == "/n/\(index)")
                #expect(response.headers["Connection"] == nil)
                #expect(response.text == "hello")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.headers["X-Target"] == "/a")
            #expect(try client.readResponse()?.headers["X-Target"] == "/b")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.headers["Connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withServer { _, port in
            let closing = try RawHTTPClient(port: port)
            try closing.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try closing.readResponse()?.headers["Connection"] == "close")
            #expect(closing.isClosedByServer())

            let keeping = try RawHTTPClient(port: port)
            for _ in 0..<2 {
                try keeping.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let response = try #require(try keeping.readResponse())
                #expect(response.headers["Connection"] == "keep-alive")
            }
        }
    }

    @Test func headGetsHeadersWithTheBodyLengthButNoBody() async throws {
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { _ in
            HTTPResponse(status: 200, body: Array("0123456789".utf8))
        }
        try await withServer(handler: handler) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(try client.readResponse(headRequest: true))
            #expect(head.headers["Content-Length"] == "10")
            // The next response must start right after the HEAD response's head: no stray body bytes.
            let get = try #require(try client.readResponse())
            #expect(get.status == 200)
            #expect(get.text == "0123456789")
        }
    }

    @Test func serverOwnsFramingHeaders() async throws {
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { _ in
            HTTPResponse(
                status: 201,
                headers: ["Content-Length": "999", "Transfer-Encoding": "chunked", "X-Evil": "a\r\nInjected: yes"],
                body: Array("abc".utf8)
            )
        }
        try await withServer(handler: handler) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 201)
            #expect(response.headers.values(for: "Content-Length") == ["3"])
            #expect(response.headers["Transfer-Encoding"] == nil)
            #expect(response.headers["Injected"] == nil)
            #expect(response.text == "abc")
        }
    }

    @Test func noContentHasNoLengthAndNoBody() async throws {
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { _ in
            HTTPResponse(status: 204, body: Array("ignored".utf8))
        }
        try await withServer(handler: handler) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("DELETE /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try #require(try client.readResponse())
            #expect(first.status == 204)
            #expect(first.headers["Content-Length"] == nil)
            #expect(try client.readResponse()?.status == 204)
        }
    }

    @Test func closeWithoutResponseWritesNothing() async throws {
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { _ in
            HTTPResponse(status: 200, body: [1, 2, 3], delivery: .closeWithoutResponse)
        }
        try await withServer(handler: handler) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse() == nil)
        }
    }

    @Test func truncatedBodyAnnouncesTheFullLengthAndCloses() async throws {
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { _ in
            HTTPResponse(status: 200, body: Array("0123456789".utf8), delivery: .truncateBody(afterBytes: 4))
        }
        try await withServer(handler: handler) { _, port in
            let connection = try TCPConnection.connect(host: "127.0.0.1", port: port)
            defer { connection.close() }
            try connection.setReadTimeout(.seconds(2))
            try connection.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            var received: [UInt8] = []
            while case let bytes = try connection.read(), !bytes.isEmpty { received += bytes }
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.contains("Content-Length: 10\r\n"))
            #expect(text.hasSuffix("\r\n\r\n0123"))
        }
    }

    @Test func stopClosesIdleConnectionsPromptlyAndFreesThePort() async throws {
        let server = HTTPServer(configuration: testConfiguration(readTimeout: .seconds(30)), handler: echoHandler)
        let port = try server.start()
        #expect(server.port == port)
        var clients: [RawHTTPClient] = []
        for _ in 0..<10 {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            clients.append(client)
        }
        let halfSent = try RawHTTPClient(port: port)
        try halfSent.send("GET / HTTP/1.1\r\nHost:")
        let started = ContinuousClock.now
        server.stop()
        // Without closing every connection, stop would wait out the 30 s read timeout of the half-sent request.
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(server.port == nil)
        #expect(clients.allSatisfy { $0.isClosedByServer() })
        server.stop()

        let again = HTTPServer(configuration: .init(port: port), handler: echoHandler)
        #expect(try again.start() == port)
        again.stop()
    }

    @Test func stoppedServerCanBeStartedAgain() async throws {
        let server = HTTPServer(configuration: testConfiguration(), handler: echoHandler)
        _ = try server.start()
        #expect(throws: HTTPServerError.self) { try server.start() }
        server.stop()
        let port = try server.start()
        defer { server.stop() }
        let client = try RawHTTPClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse()?.status == 200)
    }

    @Test func portInUseIsReportedWithAFix() async throws {
        try await withServer { _, port in
            let second = HTTPServer(configuration: .init(port: port), handler: echoHandler)
            #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: port)) { try second.start() }
            #expect(
                HTTPServerError.addressInUse(host: "127.0.0.1", port: 8080).description
                    == "port 8080 on 127.0.0.1 is already in use; choose another with --port or use 0 for any free port"
            )
        }
    }

    @Test func unknownHostIsReported() {
        let server = HTTPServer(configuration: .init(host: "no-such-host.invalid"), handler: echoHandler)
        #expect(throws: HTTPServerError.invalidHost("no-such-host.invalid")) { try server.start() }
    }
}
