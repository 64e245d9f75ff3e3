import Foundation
import HTTPServer

/// One request that reached a ``WebhookReceiver``, exactly as it arrived, and what it was answered.
///
/// The body is kept as raw bytes: signatures are verified over them, never over re-serialised JSON.
public struct ReceivedDelivery: Sendable, Hashable {
    /// Arrival order across the receiver, from 0.
    public var sequence: Int
    /// When the request was complete, by the receiver's clock.
    public var arrivedAt: Date
    public var method: String
    /// The request target as sent: path and query.
    public var target: String
    /// The path the scripts and lookups use: the target's path without the public URL's path prefix.
    public var path: String
    /// Every header field in order, duplicates kept.
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Whether the body was larger than the receiver's limit (it is kept whole and answered 413).
    public var exceedsBodyLimit: Bool
    /// What the receiver answered.
    public var answer: WebhookReceiver.Answer

    public init(
        sequence: Int,
        arrivedAt: Date,
        method: String,
        target: String,
        path: String,
        headers: HTTPHeaders,
        body: [UInt8],
        exceedsBodyLimit: Bool = false,
        answer: WebhookReceiver.Answer
    ) {
        self.sequence = sequence
        self.arrivedAt = arrivedAt
        self.method = method
        self.target = target
        self.path = path
        self.headers = headers
        self.body = body
        self.exceedsBodyLimit = exceedsBodyLimit
        self.answer = answer
    }

    /// The status answered; `nil` when the connection was dropped.
    public var answeredStatus: Int? { answer.status }

    /// A short label for findings: `delivery #3 POST /hooks/a`.
    public var label: String { "delivery #\(sequence) \(method) \(path)" }

    /// The body as JSON, `nil` when it is empty or not JSON.
    public var json: JSONValue? { try? JSONParser.parse(body) }
}
