/// Why an exchange produced no complete response. Becomes a `transport` finding on the step.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing accepted the connection (refused, no route, host down).
    case unreachable(host: String, detail: String)
    /// The host name does not resolve.
    case dns(host: String)
    /// The TLS handshake failed (untrusted certificate, protocol mismatch).
    case tls(host: String, detail: String)
    /// No complete response within the request's timeout.
    case timeout(after: Duration)
    /// The connection broke off after the exchange began, e.g. mid-body.
    case connectionReset(detail: String)
    /// The body exceeded the transport's cap; the rest was not read.
    case bodyTooLarge(limit: Int)
    /// The bytes received are not an HTTP response.
    case invalidResponse(detail: String)
    /// The request was cancelled before the response arrived (signal, task cancellation).
    case cancelled

    /// Whether a client like the Linq SDKs would retry it: connection-level failures, yes;
    /// a TLS failure, an oversized body or garbage will not heal on a second try.
    public var isRetryable: Bool {
        switch self {
        case .unreachable, .dns, .timeout, .connectionReset: true
        case .tls, .bodyTooLarge, .invalidResponse, .cancelled: false
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let host, let detail):
            "cannot connect to \(host) (\(detail)); check the base URL and that the server is running"
        case .dns(let host):
            "the host name \(host) does not resolve; check the base URL"
        case .tls(let host, let detail):
            "TLS handshake with \(host) failed (\(detail)); check the certificate and the URL scheme"
        case .timeout(let after):
            "no complete response within \(after); raise the timeout or check the server"
        case .connectionReset(let detail):
            "the connection broke off before the response was complete (\(detail))"
        case .bodyTooLarge(let limit):
            "the response body exceeds the \(limit)-byte cap; the rest was not read"
        case .invalidResponse(let detail):
            "the server's reply is not a valid HTTP response (\(detail))"
        case .cancelled:
            "the request was cancelled before a response arrived"
        }
    }
}

extension TransportError {
    /// The case's name, for attempt timelines (`timeout`, `connectionReset`).
    public var caseName: String {
        switch self {
        case .unreachable: "unreachable"
        case .dns: "dns"
        case .tls: "tls"
        case .timeout: "timeout"
        case .connectionReset: "connectionReset"
        case .bodyTooLarge: "bodyTooLarge"
        case .invalidResponse: "invalidResponse"
        case .cancelled: "cancelled"
        }
    }
}
