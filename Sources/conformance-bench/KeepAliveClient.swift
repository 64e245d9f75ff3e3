import Foundation
import HTTPServer
import Synchronization

/// A minimal load generator for when `wrk` is not installed.
///
/// It runs one thread per connection, each sending one GET after another on its own keep-alive
/// connection for a fixed time.
struct KeepAliveClient: Sendable {
    /// Requests completed per second, and how many of them were not 2xx.
    struct Result: Sendable {
        let requestsPerSecond: Double
        let requests: Int
        let failures: Int
    }

    let host: String
    let port: UInt16
    let path: String
    var headers: [(String, String)] = []

    func run(connections: Int, duration: Duration) throws(BenchError) -> Result {
        let request = Array(
            ("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
                + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n").utf8
        )
        let totals = Mutex<(requests: Int, failures: Int, error: String?)>((0, 0, nil))
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let finished = DispatchGroup()
        for _ in 0..<connections {
            finished.enter()
            Thread.detachNewThread { [host, port] in
                defer { finished.leave() }
                var requests = 0
                var failures = 0
                var failure: String?
                do throws(SocketError) {
                    let connection = try TCPConnection.connect(host: host, port: port)
                    defer { connection.close() }
                    try connection.setReadTimeout(.seconds(10))
                    while clock.now < deadline {
                        try connection.write(request)
                        if try !(200..<300).contains(Self.readResponse(connection).status) { failures += 1 }
                        requests += 1
                    }
                } catch {
                    failure = "\(error)"
                }
                totals.withLock { $0 = ($0.requests + requests, $0.failures + failures, $0.error ?? failure) }
            }
        }
        guard finished.wait(timeout: .now() + duration.seconds + 30) == .success else {
            throw .measurementFailed(what: "keep-alive client", reason: "connections still busy 30 s after the run")
        }
        let elapsed = (clock.now - start).seconds
        let total = totals.withLock { $0 }
        if let error = total.error {
            throw .measurementFailed(what: "keep-alive client on port \(port)", reason: error)
        }
        return Result(
            requestsPerSecond: Double(total.requests) / elapsed,
            requests: total.requests,
            failures: total.failures
        )
    }

    /// One request on a fresh connection (a JSON `body` when given): the response's status and body.
    func fetch(method: String = "GET", body: [UInt8] = []) throws(BenchError) -> (status: Int, body: [UInt8]) {
        do throws(SocketError) {
            let connection = try TCPConnection.connect(host: host, port: port)
            defer { connection.close() }
            try connection.setReadTimeout(.seconds(10))
            let bodyHeaders =
                body.isEmpty ? "" : "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
            try connection.write(
                "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
                    + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + bodyHeaders + "Connection: close\r\n\r\n"
            )
            try connection.write(body)
            return try Self.readResponse(connection)
        } catch {
            throw .measurementFailed(what: "\(method) \(path) on port \(port)", reason: "\(error)")
        }
    }

    /// Reads one response with a `Content-Length` body.
    private static func readResponse(_ connection: TCPConnection) throws(SocketError) -> (status: Int, body: [UInt8]) {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            let chunk = try connection.read()
            guard !chunk.isEmpty else { throw .closed }
            buffer += chunk
            headEnd = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound
        }
        guard let headEnd else { throw .closed }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self).lowercased()
        let status = head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let length =
            head.split(separator: "\r\n")
            .first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count - headEnd < length {
            let chunk = try connection.read()
            guard !chunk.isEmpty else { throw .closed }
            buffer += chunk
        }
        return (status, Array(buffer[headEnd...]))
    }
}
