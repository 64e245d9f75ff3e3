import HTTPServer
import Testing
import TestSupport

@Suite(.blockingIO) struct HTTPServerErrorPathTests {
    /// Sends `raw` and expects `status` followed by the server closing the connection.
    private func expectRejection(
        _ raw: String,
        status: Int,
        configuration: HTTPServer.Configuration = testConfiguration()
    )
        async throws
    {
        try await withServer(configuration) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send(raw)
            let response = try #require(try client.readResponse(), "no response to \(raw.debugDescription)")
            #expect(response.status == status, "\(raw.debugDescription) → \(response.status) \(response.text)")
            #expect(response.headers["Connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /\r\nHost: x\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTX/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nName : v\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\nX: bare-lf\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX: a\u{1}b\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
    ])
    func malformedRequestIsRejectedWith400(raw: String) async throws {
        try await expectRejection(raw, status: 400)
    }

    @Test func otherStatusesForUnsupportedRequests() async throws {
        try await expectRejection("GET / HTTP/2.0\r\nHost: x\r\n\r\n", status: 505)
        try await expectRejection(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            status: 501
        )
        try await expectRejection(
            "POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx",
            status: 417
        )
    }

    @Test func oversizedHeadGets431() async throws {
        let big = String(repeating: "a", count: 5000)
        try await expectRejection("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(big)\r\n\r\n", status: 431)
        try await expectRejection("GET /\(big) HTTP/1.1\r\nHost: x", status: 431)
    }

    @Test func endlessHeadersGet431WithoutWaitingForTheEnd() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            var status: Int?
            for index in 0..<1000 where status == nil {
                do {
                    try client.send("X-Header-\(index): \(String(repeating: "v", count: 100))\r\n")
                } catch {
                    break
                }
                if index == 60 { status = try client.readResponse()?.status }
            }
            #expect(status == 431)
        }
    }

    @Test func oversizedBodyGets413() async throws {
        let configuration = testConfiguration(maxBodyBytes: 100)
        try await expectRejection(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n" + String(repeating: "b", count: 101),
            status: 413,
            configuration: configuration
        )
        let chunk = String(repeating: "c", count: 60)
        try await expectRejection(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3c\r\n\(chunk)\r\n3c\r\n\(chunk)\r\n0\r\n\r\n",
            status: 413,
            configuration: configuration
        )
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecoded() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            try client.send("5;name=value\r\nhello\r\n")
            try client.send("7\r\n, world\r\n0\r\nX-Checksum: abc\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "hello, world")
            #expect(response.headers["X-Checksum"] == "abc")
            try client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.headers["X-Target"] == "/after")
        }
    }

    @Test func expectContinueIsAnsweredBeforeTheBody() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readInterimStatus() == 100)
            try client.send("data")
            let response = try #require(try client.readResponse())
            #expect(response.text == "data")
        }
    }

    @Test func expectContinueWithOversizedBodyGets413WithoutContinue() async throws {
        try await withServer(testConfiguration(maxBodyBytes: 10)) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse()?.status == 413)
        }
    }

    @Test func silentClientMidRequestGets408() async throws {
        let configuration = testConfiguration(readTimeout: .milliseconds(300))
        try await withServer(configuration) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            let started = ContinuousClock.now
            #expect(try client.readResponse()?.status == 408)
            // 0.3 s by the configuration; the margin is for a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func drippingClientIsCutOffByTheRequestTimeout() async throws {
        // Every byte arrives well within the read timeout, so only the request timeout can end this request.
        let configuration = testConfiguration(readTimeout: .milliseconds(400), requestTimeout: .milliseconds(800))
        try await withServer(configuration) { _, port in
            let client = try RawHTTPClient(port: port)
            let head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: \(String(repeating: "s", count: 300))"
            let fullDrip = Duration.milliseconds(20) * head.utf8.count  // 6 s if nobody cuts it off
            let started = ContinuousClock.now
            for byte in head.utf8 {
                guard (try? client.send([byte])) != nil else { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let dripEnded = ContinuousClock.now - started
            #expect(dripEnded < fullDrip - .seconds(1), "the server let the drip run for \(dripEnded)")
            #expect(try client.readResponse()?.status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosedAfterTheReadTimeout() async throws {
        try await withServer(testConfiguration(readTimeout: .milliseconds(200))) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
            #expect(client.isClosedByServer())
        }
    }

    @Test func idleConnectionsDoNotStarveNewOnes() async throws {
        try await withServer(testConfiguration(readTimeout: .seconds(10))) { _, port in
            let idle = try (0..<20).map { _ in try RawHTTPClient(port: port) }
            for client in idle.prefix(10) { try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n") }
            for client in idle.prefix(10) { _ = try client.readResponse() }
            let fresh = try RawHTTPClient(port: port, readTimeout: .seconds(2))
            try fresh.send("GET /fresh HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try fresh.readResponse()?.headers["X-Target"] == "/fresh")
        }
    }

    @Test func connectionsBeyondTheCapGet503() async throws {
        try await withServer(testConfiguration(maxConnections: 3)) { _, port in
            let held = try (0..<3).map { _ in try RawHTTPClient(port: port) }
            for client in held { try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n") }
            for client in held { #expect(try client.readResponse()?.status == 200) }
            let extra = try RawHTTPClient(port: port)
            #expect(try extra.readResponse()?.status == 503)
            held[0].connection.close()
            try await Task.sleep(for: .milliseconds(100))
            let later = try RawHTTPClient(port: port)
            try later.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try later.readResponse()?.status == 200)
        }
    }

    @Test func randomBytesNeverCrashTheServer() async throws {
        var generator = SystemRandomNumberGenerator()
        let fragments = [
            "GET / HTTP/1.1\r\n", "Host: x\r\n", "Content-Length: 3\r\n", "Transfer-Encoding: chunked\r\n",
            "\r\n", "\r", "\n", ":", " ", "0\r\n", "ffff\r\n", "Expect: 100-continue\r\n",
        ]
        try await withServer(testConfiguration(readTimeout: .milliseconds(100), requestTimeout: .milliseconds(200))) {
            _,
            port in
            for _ in 0..<200 {
                let client = try RawHTTPClient(port: port, readTimeout: .milliseconds(500))
                var bytes: [UInt8] = []
                for _ in 0..<Int.random(in: 1...12, using: &generator) {
                    if Bool.random(using: &generator) {
                        bytes += fragments.randomElement(using: &generator)!.utf8
                    } else {
                        bytes += (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255) }
                    }
                }
                try? client.send(bytes)
                client.connection.shutdownWrite()
                _ = client.isClosedByServer()
            }
            let client = try RawHTTPClient(port: port)
            try client.send("GET /still-alive HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.headers["X-Target"] == "/still-alive")
        }
    }
}
