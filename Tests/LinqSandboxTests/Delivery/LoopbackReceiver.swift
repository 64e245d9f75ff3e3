import Foundation
import HTTPServer
import Synchronization

/// A webhook receiver on 127.0.0.1 that answers from a script of statuses (then 200)
/// and remembers each request with its arrival time.
final class LoopbackReceiver: Sendable {
    struct Received: Sendable {
        var request: HTTPRequest
        var at: ContinuousClock.Instant
    }

    private final class Log: Sendable {
        let state: Mutex<(script: [Int], received: [Received])>
        init(_ script: [Int]) { state = Mutex((script, [])) }
    }

    private let log: Log
    private let server: HTTPServer
    let port: UInt16

    init(script: [Int] = []) throws {
        let log = Log(script)
        self.log = log
        server = HTTPServer { request in
            let status = log.state.withLock { state in
                state.received.append(Received(request: request, at: .now))
                return state.script.isEmpty ? 200 : state.script.removeFirst()
            }
            return HTTPResponse(status: status)
        }
        port = try server.start()
    }

    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    var received: [Received] { log.state.withLock { $0.received } }

    /// Waits until `count` requests arrived or `timeout` passed; returns what arrived.
    func waitFor(_ count: Int, timeout: Duration = .seconds(5)) async -> [Received] {
        let deadline = ContinuousClock.now + timeout
        while received.count < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return received
    }

    func stop() { server.stop() }
}
