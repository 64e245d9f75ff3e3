import Foundation
import HTTPServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one webhook request; the boundary between the dispatcher's policy and the network.
protocol WebhookPoster: Sendable {
    func post(to url: URL, headers: HTTPHeaders, body: [UInt8]) async -> DeliveryOutcome
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

    func post(to url: URL, headers: HTTPHeaders, body: [UInt8]) async -> DeliveryOutcome {
        var request = URLRequest(url: url, timeoutInterval: Self.timeout)
        request.httpMethod = "POST"
        for field in headers.fields { request.addValue(field.value, forHTTPHeaderField: field.name) }
        request.httpBody = Data(body)
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .networkError("not an HTTP response") }
            return .status(http.statusCode)
        } catch {
            return .networkError(error.localizedDescription)
        }
    }
}
