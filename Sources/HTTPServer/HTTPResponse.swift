/// A response for the server to send, or a way to misbehave instead.
public struct HTTPResponse: Sendable, Hashable {
    /// How the server delivers this response; anything but `.normal` exists so
    /// tests and fault profiles can act out broken servers.
    public enum Delivery: Sendable, Hashable {
        /// Status line, headers with a correct `Content-Length`, body.
        case normal
        /// Close the connection without writing anything.
        case closeWithoutResponse
        /// Write the head and the first `bytes` bytes of the body, then close.
        case truncateBody(afterBytes: Int)
    }

    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var delivery: Delivery

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], delivery: Delivery = .normal) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
    }
}
