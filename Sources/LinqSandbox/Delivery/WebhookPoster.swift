import Foundation
import HTTPServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one webhook request; the boundary between the dispatcher's policy and the network.
protocol WebhookPoster: Sendable {
    /// Sends the request and calls `completion` exactly once, on any thread.
    func post(
        to url: URL, headers: HTTPHeaders, body: [UInt8], completion: @escaping @Sendable (DeliveryOutcome) -> Void
    )
    /// Ends requests still on the wire; their completions report a network error.
    func cancelInFlight()
}

extension WebhookPoster {
    func cancelInFlight() {}
}

/// Posts with `URLSession`, 10 s per attempt as the v3 docs state, no redirects followed.
struct URLSessionWebhookPoster: WebhookPoster {
    static let timeout: TimeInterval = 10

    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.timeout
        configuration.timeoutIntervalForResource = Self.timeout
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration)
    }

    /// Uses the completion-handler API on purpose. FoundationNetworking's async `data(for:)` cancels its
    /// `URLSessionTask` from inside the Swift runtime's task-status lock; cancelling a delivery while
    /// URLSession completes the transfer deadlocks the process on Linux.
    func post(
        to url: URL, headers: HTTPHeaders, body: [UInt8], completion: @escaping @Sendable (DeliveryOutcome) -> Void
    ) {
        var request = URLRequest(url: url, timeoutInterval: Self.timeout)
        request.httpMethod = "POST"
        for field in headers.fields { request.addValue(field.value, forHTTPHeaderField: field.name) }
        // One connection per attempt. When a receiver dropped a POST on a reused keep-alive connection,
        // this session noticed only at the 10 s timeout, so a "dropped connection" retry came 10 s late.
        request.setValue("close", forHTTPHeaderField: "Connection")
        request.httpBody = Data(body)
        session.dataTask(with: request) { _, response, error in
            if let error {
                completion(.networkError(error.localizedDescription))
            } else if let http = response as? HTTPURLResponse {
                completion(.status(http.statusCode))
            } else {
                completion(.networkError("not an HTTP response"))
            }
        }.resume()
    }

    func cancelInFlight() {
        session.getAllTasks { tasks in tasks.forEach { $0.cancel() } }
    }
}
