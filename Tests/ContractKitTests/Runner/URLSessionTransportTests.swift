import Foundation
import HTTPServer
import Testing

@testable import ContractKit

/// Against real loopback servers: each test starts its own and stops it.
@Suite(.timeLimit(.minutes(1)))
struct URLSessionTransportTests {
    func withServer<T>(
        _ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse,
        _ body: (URL) async throws -> T
    ) async throws -> T {
        let server = HTTPServer(handler: handler)
        let port = try server.start()
        defer { server.stop() }
        return try await body(URL(string: "http://127.0.0.1:\(port)/v3/x")!)
    }

    func send(
        _ url: URL,
        transport: URLSessionTransport = .init(),
        timeout: Duration = .seconds(10)
    )
        async -> Result<TransportResponse, TransportError>
    {
        do {
            return .success(try await transport.send(TransportRequest(method: "GET", url: url, timeout: timeout)))
        } catch {
            return .failure(error)
        }
    }

    @Test func returnsStatusHeadersAndBody() async throws {
        let result = try await withServer({ request in
            HTTPResponse(
                status: 201,
                headers: ["X-Trace-ID": "abc", "Content-Type": "application/json"],
                body: Array("{\"m\":\"\(request.method)\"}".utf8)
            )
        }) { url in await send(url) }
        let response = try result.get()
        #expect(response.status == 201)
        #expect(response.headers["x-trace-id"] == "abc")
        #expect(response.body == Array("{\"m\":\"GET\"}".utf8))
    }

    @Test func nonJSONAndInvalidUTF8BodiesArriveAsBytes() async throws {
        let bytes: [UInt8] = [0x3c, 0x68, 0xff, 0xfe, 0x00]
        let result = try await withServer({ _ in HTTPResponse(status: 200, body: bytes) }) { url in await send(url) }
        let response = try result.get()
        #expect(response.body == bytes)
        #expect(Exchange(request: .init(method: "GET", url: URL(string: "http://x")!), response: response).json == nil)
    }

    @Test func anUnreachablePortIsUnreachable() async throws {
        let server = HTTPServer { _ in HTTPResponse(status: 200) }
        let port = try server.start()
        server.stop()
        let result = await send(URL(string: "http://127.0.0.1:\(port)/")!)
        guard case .failure(.unreachable) = result else {
            Issue.record("expected unreachable, got \(result)")
            return
        }
    }

    @Test func aSlowServerTimesOut() async throws {
        let result = try await withServer({ _ in
            Thread.sleep(forTimeInterval: 1.5)
            return HTTPResponse(status: 200)
        }) { url in await send(url, timeout: .milliseconds(300)) }
        #expect(result == .failure(.timeout(after: .milliseconds(300))))
    }

    @Test func aBodyOverTheCapIsAbandoned() async throws {
        let big = [UInt8](repeating: 0x61, count: 10 * 1024 * 1024 + 1)
        let result = try await withServer({ _ in HTTPResponse(status: 200, body: big) }) { url in
            await send(url, transport: URLSessionTransport())
        }
        #expect(result == .failure(.bodyTooLarge(limit: URLSessionTransport.defaultMaxBodyBytes)))
    }

    @Test func aConnectionResetMidBodyIsReported() async throws {
        let result = try await withServer({ _ in
            HTTPResponse(
                status: 200,
                body: Array(repeating: 0x61, count: 1000),
                delivery: .truncateBody(afterBytes: 10)
            )
        }) { url in await send(url) }
        // Linux's curl-based URLSession calls this "Empty reply from server"; Darwin a lost connection.
        switch result {
        case .failure(.connectionReset), .failure(.invalidResponse): break
        default: Issue.record("expected connectionReset or invalidResponse, got \(result)")
        }
    }
}

extension URLSessionTransportTests {
    @Test func aServerClosingWithoutAResponseIsReported() async throws {
        let result = try await withServer({ _ in HTTPResponse(status: 200, delivery: .closeWithoutResponse) }) { url in
            await send(url)
        }
        // Linux's curl-based URLSession calls this "Empty reply from server"; Darwin a lost connection.
        switch result {
        case .failure(.connectionReset), .failure(.invalidResponse): break
        default: Issue.record("expected connectionReset or invalidResponse, got \(result)")
        }
    }
}
