import Foundation
import HTTPServer

/// Sends one HTTP request and returns the whole response; the one replaceable network boundary.
///
/// Implementations never retry: retries, budgets and rate limits belong to the runner so that
/// every attempt is counted and recorded.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse
}

/// A request ready to send: variables substituted, credentials attached.
public struct TransportRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The longest the whole exchange may take, connect to last body byte.
    public var timeout: Duration

    public init(
        method: String,
        url: URL,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A complete response as received.
public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
