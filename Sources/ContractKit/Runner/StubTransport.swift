import Synchronization

/// A transport for tests: answers from a closure and records every request it was given.
///
/// The closure sees the requests in order with their index, so a test can script
/// "503 twice, then 200" or route by method and path.
public final class StubTransport: HTTPTransport {
    public typealias Responder =
        @Sendable (_ request: TransportRequest, _ index: Int) -> Result<
            TransportResponse, TransportError
        >

    private let responder: Responder
    private let log = Mutex<[TransportRequest]>([])

    public init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    /// Answers the n-th request with the n-th scripted outcome; any request beyond the script gets the last one.
    public convenience init(script: [Result<TransportResponse, TransportError>]) {
        precondition(!script.isEmpty, "a script needs at least one outcome")
        self.init { _, index in script[min(index, script.count - 1)] }
    }

    /// Every request sent so far, in order.
    public var requests: [TransportRequest] { log.withLock { $0 } }

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        let index = log.withLock { log in
            log.append(request)
            return log.count - 1
        }
        return try responder(request, index).get()
    }
}
