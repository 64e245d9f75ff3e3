/// Why the server stopped reading a request.
enum HTTPRequestError: Error, Equatable {
    /// Answer with `status` and close; `reason` becomes the plain-text body.
    case rejected(status: Int, reason: String)
    /// The peer closed, went idle past the read timeout between requests, or the server is stopping:
    /// close without answering.
    case closed

    static func badRequest(_ reason: String) -> HTTPRequestError {
        .rejected(status: 400, reason: reason)
    }
}
