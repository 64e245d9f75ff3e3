import Foundation
import Synchronization

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback server that misbehaves on purpose: every accepted connection gets its own thread,
/// which reads a request head and hands the connection to `behaviour`, which writes raw bytes
/// however the test wants. Requests for ``healthyPath`` get a well-formed JSON answer instead, so
/// a run can show it goes on after the hostile exchange.
///
/// ``stop()`` closes the listener and every connection still open, which wakes any behaviour
/// blocked in a read or write (it then sees an error and returns), so a test never leaves a
/// thread behind that outlives it by more than one socket call.
final class HostileServer: Sendable {
    typealias Behaviour = @Sendable (HostilePeer) throws -> Void

    static let healthyPath = "/v3/healthy"
    static let healthyBody = #"{"id": "x1"}"#

    let port: UInt16
    private let listener: TCPListener
    private let open = Mutex<[TCPConnection]>([])
    private let bytesSent = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)

    init(_ behaviour: @escaping Behaviour) throws {
        listener = try TCPListener()
        port = listener.port
        Thread.detachNewThread { [self] in acceptLoop(behaviour) }
    }

    /// `http://127.0.0.1:PORT/path`.
    func url(_ path: String = "/v3/things") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// How many body and head bytes all behaviours handed to the kernel so far.
    var totalBytesSent: Int { bytesSent.load(ordering: .relaxed) }

    /// How many connections the server accepted so far.
    var connectionCount: Int { accepted.load(ordering: .relaxed) }

    func stop() {
        listener.close()
        for connection in open.withLock({ $0 }) { connection.close() }
    }

    private func acceptLoop(_ behaviour: @escaping Behaviour) {
        while let connection = try? listener.accept() {
            accepted.add(1, ordering: .relaxed)
            open.withLock { $0.append(connection) }
            Thread.detachNewThread { [self] in
                try? connection.setWriteTimeout(.seconds(30))
                let peer = HostilePeer(connection: connection) { [self] in bytesSent.add($0, ordering: .relaxed) }
                while let target = try? peer.readRequestHead() {
                    guard target.hasPrefix(Self.healthyPath) else {
                        try? behaviour(peer)
                        break
                    }
                    try? peer.writeResponse(Array(Self.healthyBody.utf8))
                }
                connection.close()
            }
        }
    }
}

/// One connection as a ``HostileServer`` behaviour sees it.
struct HostilePeer {
    let connection: TCPConnection
    let didSend: @Sendable (Int) -> Void

    /// Reads until the end of the next request head (the tests' requests have no body) and
    /// returns its target; `nil` when the client closed the connection first.
    func readRequestHead() throws -> String? {
        var received: [UInt8] = []
        while received.firstRange(of: [13, 10, 13, 10]) == nil {
            let bytes = try connection.read()
            if bytes.isEmpty { return nil }
            received += bytes
        }
        let requestLine = received.prefix { $0 != 13 }.split(separator: UInt8(ascii: " "))
        return requestLine.count > 1 ? String(decoding: requestLine[1], as: UTF8.self) : ""
    }

    func write(_ bytes: [UInt8]) throws {
        try connection.write(bytes)
        didSend(bytes.count)
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Sends `head` (status line and header lines, without the blank line) and the blank line.
    func writeHead(_ lines: [String]) throws {
        try write(lines.joined(separator: "\r\n") + "\r\n\r\n")
    }

    /// A complete `200` JSON response with a correct `Content-Length`; `closing` announces that
    /// the server closes the connection after it, so the client does not reuse it.
    func writeResponse(_ body: [UInt8], closing: Bool = false) throws {
        let close = closing ? ["Connection: close"] : []
        try writeHead(
            ["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: \(body.count)"] + close
        )
        try write(body)
    }

    /// Closes with `SO_LINGER` 0, so the kernel sends a TCP reset instead of an orderly end of stream.
    func reset() {
        try? connection.descriptor.withDescriptor { fd in
            var option = linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        }
        connection.close()
    }

    /// Blocks until the client closes its end (or the server stops).
    func waitForClientToLeave() {
        while let bytes = try? connection.read(), !bytes.isEmpty {}
    }
}
