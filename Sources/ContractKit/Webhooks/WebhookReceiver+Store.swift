import Dispatch
import Foundation
import HTTPServer
import Synchronization

extension WebhookReceiver {
    /// The recordings and scripts, shared by the receiver and its server's connection threads.
    final class Store: Sendable {
        private struct State {
            var deliveries: [ReceivedDelivery] = []
            var scripts: [String: Script] = [:]
            var counts: [String: Int] = [:]
        }

        private let state = Mutex(State())
        private let configuration: Configuration
        private let clock: @Sendable () -> Date
        /// The public URL's path, which a tunnel may pass on in front of every request path.
        private let pathPrefix: String

        init(configuration: Configuration, clock: @escaping @Sendable () -> Date) {
            self.configuration = configuration
            self.clock = clock
            let prefix = configuration.publicBaseURL?.path ?? ""
            pathPrefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        }

        func setScript(_ script: Script, for path: String) {
            state.withLock { state in
                state.scripts[path] = script
                state.counts[path] = 0
            }
        }

        func deliveries(path: String?) -> [ReceivedDelivery] {
            state.withLock { state in
                guard let path else { return state.deliveries }
                return state.deliveries.filter { $0.path == path }
            }
        }

        /// Records `request`, then answers it as the path's script says (on the connection's thread).
        func answer(_ request: HTTPRequest, stopSignal: DispatchSemaphore) -> HTTPResponse {
            let arrivedAt = clock()
            let path = routingPath(request.path)
            let tooLarge = request.body.count > configuration.maxBodyBytes
            let answer = state.withLock { state in
                let index = state.counts[path, default: 0]
                state.counts[path] = index + 1
                let scripted = (state.scripts[path] ?? configuration.defaultScript).answer(at: index)
                let answer: Answer = tooLarge ? .status(413) : scripted
                state.deliveries.append(
                    ReceivedDelivery(
                        sequence: state.deliveries.count,
                        arrivedAt: arrivedAt,
                        method: request.method,
                        target: request.target,
                        path: path,
                        headers: request.headers,
                        body: request.body,
                        exceedsBodyLimit: tooLarge,
                        answer: answer
                    )
                )
                return answer
            }
            return Self.response(for: answer, stopSignal: stopSignal)
        }

        private static func response(for answer: Answer, stopSignal: DispatchSemaphore) -> HTTPResponse {
            switch answer {
            case .status(let status):
                return HTTPResponse(status: status)
            case .drop:
                return HTTPResponse(status: 500, delivery: .closeWithoutResponse)
            case .delayed(let delay, let then):
                let nanoseconds =
                    delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
                if stopSignal.wait(timeout: .now() + .nanoseconds(Int(max(0, nanoseconds)))) == .success {
                    // Stopping: pass the signal on to the next waiting handler and drop this connection.
                    stopSignal.signal()
                    return HTTPResponse(status: 500, delivery: .closeWithoutResponse)
                }
                return response(for: then, stopSignal: stopSignal)
            }
        }

        private func routingPath(_ path: String) -> String {
            guard !pathPrefix.isEmpty, path.hasPrefix(pathPrefix + "/") else { return path }
            return String(path.dropFirst(pathPrefix.count))
        }
    }
}
