/// A request as the server received it.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token as sent (`GET`, `POST`, …).
    public var method: String
    /// The request target as sent: path plus optional `?query`.
    public var target: String
    public var headers: HTTPHeaders
    /// The body after de-chunking; empty when there is none.
    public var body: [UInt8]
    /// Values the router captured from the path template (`{subscriptionId}` → value).
    public var pathParameters: [String: String]

    public init(
        method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
    }

    /// The path part of the target, still percent-encoded.
    public var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// The raw query string after `?`, or `nil` when there is none.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...].prefix { $0 != "#" })
    }
}
