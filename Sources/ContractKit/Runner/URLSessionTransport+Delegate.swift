import Foundation
import HTTPServer
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// One request in flight: where its bytes go and how it ends.
    struct Exchange {
        var host: String
        var timeout: Duration
        var cap: Int
        var continuation: CheckedContinuation<Result<TransportResponse, TransportError>, Never>
        var response: HTTPURLResponse?
        var body: [UInt8] = []

        init(
            host: String,
            timeout: Duration,
            cap: Int,
            continuation: CheckedContinuation<Result<TransportResponse, TransportError>, Never>
        ) {
            self.host = host
            self.timeout = timeout
            self.cap = cap
            self.continuation = continuation
        }

        /// Adds `data` to the body unless that would pass the cap; returns the cap when it would.
        mutating func append(_ data: Data) -> Int? {
            guard body.count + data.count <= cap else { return cap }
            body.append(contentsOf: data)
            return nil
        }
    }

    /// Collects each task's response and body, enforcing the body cap as bytes arrive.
    final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
        private let exchanges = Mutex<[Int: Exchange]>([:])

        func register(_ task: URLSessionTask, _ exchange: Exchange) {
            exchanges.withLock { $0[task.taskIdentifier] = exchange }
        }

        func markTimedOut(_ task: URLSessionTask) {
            abandon(task, because: nil)
        }

        /// Answers the caller now with `reason` (`nil`: the deadline passed), then cancels the task
        /// from another thread.
        ///
        /// Both orders matter against a server that streams without end. The caller is answered
        /// here rather than from `didCompleteWithError`, which FoundationNetworking delivers only
        /// after every body chunk already queued for this delegate. And `URLSessionTask.cancel()`
        /// waits for the session's work queue, which libcurl keeps busy reading for as long as bytes
        /// keep coming: called first, or on the delegate queue, it held the answer back by up to
        /// minutes on a loaded machine while unread chunks piled up behind the blocked delegate.
        private func abandon(_ task: URLSessionTask, because reason: TransportError?) {
            guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
            exchange.continuation.resume(returning: .failure(reason ?? .timeout(after: exchange.timeout)))
            URLSessionTransport.cancelElsewhere(task)
        }

        func urlSession(
            _ session: URLSession,
            dataTask: URLSessionDataTask,
            didReceive response: URLResponse,
            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
        ) {
            let cap = exchanges.withLock { exchanges -> Int? in
                exchanges[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
                return exchanges[dataTask.taskIdentifier]?.cap
            }
            if let cap, response.expectedContentLength > Int64(cap) {
                abandon(dataTask, because: .bodyTooLarge(limit: cap))
                completionHandler(.cancel)
            } else {
                completionHandler(.allow)
            }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            // Mutated in place: a copy taken out of the dictionary would share the body's storage,
            // so every append would copy the whole body so far (quadratic; 10 MB took seconds).
            let overCap = exchanges.withLock { $0[dataTask.taskIdentifier]?.append(data) ?? nil }
            if let overCap { abandon(dataTask, because: .bodyTooLarge(limit: overCap)) }
        }

        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
            exchange.continuation.resume(returning: Self.outcome(of: exchange, error: error))
        }

        static func outcome(of exchange: Exchange, error: (any Error)?) -> Result<TransportResponse, TransportError> {
            if let error { return .failure(transportError(error, exchange: exchange)) }
            guard let response = exchange.response else {
                return .failure(.invalidResponse(detail: "no HTTP status line"))
            }
            var headers = HTTPHeaders()
            for (name, value) in response.allHeaderFields {
                headers.add(name: "\(name)", value: "\(value)")
            }
            return .success(TransportResponse(status: response.statusCode, headers: headers, body: exchange.body))
        }

        static func transportError(_ error: any Error, exchange: Exchange) -> TransportError {
            let nsError = error as NSError
            let detail = "\(nsError.localizedDescription) [\(nsError.domain) \(nsError.code)]"
            guard nsError.domain == NSURLErrorDomain else { return .invalidResponse(detail: detail) }
            let code = URLError.Code(rawValue: nsError.code)
            // Once the head has arrived, a failure is the body breaking off; FoundationNetworking reports
            // curl's "transfer closed with N bytes remaining" as an unknown error (-1), not as a lost connection.
            if exchange.response != nil, code != .cancelled, code != .timedOut {
                return .connectionReset(detail: "\(detail), after \(exchange.body.count) body bytes")
            }
            switch code {
            case .cannotConnectToHost, .notConnectedToInternet, .cannotLoadFromNetwork:
                return .unreachable(host: exchange.host, detail: detail)
            case .cannotFindHost, .dnsLookupFailed:
                return .dns(host: exchange.host)
            case .timedOut:
                return .timeout(after: exchange.timeout)
            case .networkConnectionLost:
                return .connectionReset(detail: "\(detail), before the status line")
            case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
                .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
                .clientCertificateRequired:
                return .tls(host: exchange.host, detail: detail)
            case .cancelled:
                return .cancelled
            default:
                return .invalidResponse(detail: detail)
            }
        }
    }
}
