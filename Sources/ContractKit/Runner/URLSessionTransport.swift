import Foundation
import HTTPServer
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: `URLSession` (HTTPS to real deployments, HTTP to the sandbox).
///
/// Reports what a contract test needs to see rather than what a browser would do: redirects are
/// not followed, no cookies or cache, the whole exchange has one deadline, and a body larger than
/// ``maxBodyBytes`` is abandoned with ``TransportError/bodyTooLarge(limit:)`` instead of buffered.
/// Header order and duplicate header lines are not preserved by `URLSession`.
///
/// An abandoned exchange (deadline, cap, task cancellation) answers its caller at once; the transfer
/// underneath stops when FoundationNetworking's cancellation gets its turn on the session's work queue,
/// which a server streaming without pause can delay by seconds (up to 20 s seen on a loaded 2-core
/// machine). Meanwhile the bytes are read and dropped, not kept.
public final class URLSessionTransport: HTTPTransport {
    /// The default response body cap: 10 MiB.
    public static let defaultMaxBodyBytes = 10 * 1024 * 1024

    public let maxBodyBytes: Int
    private let session: URLSession
    private let delegate: SessionDelegate

    public init(maxBodyBytes: Int = URLSessionTransport.defaultMaxBodyBytes) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.maxBodyBytes = maxBodyBytes
        self.delegate = SessionDelegate()
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        // `invalidateAndCancel()` waits for the session's work queue, like `cancel()` below.
        Thread.detachNewThread { [session] in session.invalidateAndCancel() }
    }

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout.seconds
        for field in request.headers.fields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }

        let task = session.dataTask(with: urlRequest)
        let host = request.url.host ?? request.url.absoluteString
        // The deadline is a Dispatch timer, not a sleeping task: a pool busy with checking must not
        // stretch a 1 s timeout to many seconds.
        let watchdog = DispatchWorkItem { [delegate] in delegate.markTimedOut(task) }
        DispatchQueue.global().asyncAfter(deadline: .now() + request.timeout.seconds, execute: watchdog)
        defer { watchdog.cancel() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.register(
                    task,
                    .init(host: host, timeout: request.timeout, cap: maxBodyBytes, continuation: continuation)
                )
                task.resume()
            }
        } onCancel: {
            // Runs under the runtime's task-status lock, while the session's queue may be resuming this
            // very task: cancelling in place would deadlock.
            Self.cancelElsewhere(task)
        }
        return try result.get()
    }
}

extension URLSessionTransport {
    /// Cancels `task` on a thread of its own. `URLSessionTask.cancel()` blocks until the session's
    /// work queue is free, which can be long (see `SessionDelegate.abandon`) or never (a lock the
    /// caller holds); no caller of the transport can afford that wait, and a Dispatch worker
    /// blocked in it would be one fewer for everything else in the process.
    static func cancelElsewhere(_ task: URLSessionTask) {
        Thread.detachNewThread { task.cancel() }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
