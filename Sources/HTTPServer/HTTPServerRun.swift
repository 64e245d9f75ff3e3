import Dispatch
import Foundation
import Synchronization

/// One start-to-stop lifetime of an `HTTPServer`: the listener, its threads and open connections.
final class HTTPServerRun: Sendable {
    private struct State {
        var stopping = false
        var nextID = 0
        var connections: [Int: TCPConnection] = [:]
    }

    let listener: TCPListener
    private let configuration: HTTPServer.Configuration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let state = Mutex(State())
    /// Entered by the accept thread and each connection thread, so `stop()` can wait for all.
    private let threads = DispatchGroup()

    init(
        listener: TCPListener,
        configuration: HTTPServer.Configuration,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        self.listener = listener
        self.configuration = configuration
        self.handler = handler
    }

    func start() {
        spawn(name: "HTTPServer accept \(listener.port)") { self.acceptLoop() }
    }

    func stop() {
        let open = state.withLock { state in
            state.stopping = true
            return Array(state.connections.values)
        }
        listener.close()
        for connection in open { connection.close() }
        threads.wait()
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func acceptLoop() {
        while true {
            let accepted: TCPConnection?
            do {
                accepted = try listener.accept()
            } catch {
                // Typically EMFILE: out of descriptors. Back off instead of spinning.
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            guard let connection = accepted else { return }
            admit(connection)
        }
    }

    private func admit(_ connection: TCPConnection) {
        enum Admission {
            case serve(Int)
            case refuse, discard
        }
        let admission = state.withLock { state -> Admission in
            if state.stopping { return .discard }
            if state.connections.count >= configuration.maxConnections { return .refuse }
            state.nextID += 1
            state.connections[state.nextID] = connection
            return .serve(state.nextID)
        }
        switch admission {
        case .discard:
            connection.close()
        case .refuse:
            try? connection.setWriteTimeout(.seconds(1))
            var writer = HTTPResponseWriter()
            HTTPConnectionHandler.reject(
                connection,
                status: 503,
                reason: "the server is at its limit of \(configuration.maxConnections) connections; retry shortly",
                linger: false,
                writer: &writer
            )
            connection.close()
        case .serve(let id):
            let handler = HTTPConnectionHandler(
                connection: connection,
                configuration: configuration,
                handler: handler,
                isStopping: { self.isStopping }
            )
            spawn(name: "HTTPServer connection") {
                handler.run()
                self.state.withLock { _ = $0.connections.removeValue(forKey: id) }
            }
        }
    }

    private func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread { [threads] in
            body()
            threads.leave()
        }
        thread.name = name
        thread.start()
    }
}
