/// The request line and header fields of a request, before its body is read.
struct HTTPRequestHead: Equatable {
    /// How the body that follows the head is delimited.
    enum BodyFraming: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var headers: HTTPHeaders

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    var wantsKeepAlive: Bool {
        let connection = headers.tokens(of: "Connection")
        return minorVersion >= 1 ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// The body framing per RFC 9112 §6, rejecting the ambiguous cases request smuggling relies on.
    func bodyFraming() throws(HTTPRequestError) -> BodyFraming {
        let lengths = headers.values(for: "Content-Length")
        if !headers.values(for: "Transfer-Encoding").isEmpty {
            guard minorVersion >= 1 else { throw .badRequest("Transfer-Encoding is not allowed in HTTP/1.0") }
            guard lengths.isEmpty else { throw .badRequest("both Content-Length and Transfer-Encoding are present") }
            let codings = headers.tokens(of: "Transfer-Encoding")
            guard codings == ["chunked"] else {
                throw .rejected(
                    status: 501,
                    reason: "transfer coding '\(codings.joined(separator: ", "))' is not supported"
                )
            }
            return .chunked
        }
        let values = lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingSpaces }
        guard let first = values.first else { return .none }
        guard values.allSatisfy({ $0 == first }) else { throw .badRequest("conflicting Content-Length values") }
        guard first.count <= 18, !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let length = Int(first)
        else { throw .badRequest("invalid Content-Length '\(first)'") }
        return length == 0 ? .none : .length(length)
    }
}

extension HTTPHeaders {
    /// Comma-separated tokens of every `name` field, trimmed and lowercased.
    func tokens(of name: String) -> [String] {
        values(for: name).flatMap { $0.split(separator: ",") }.map {
            $0.trimmingSpaces.lowercased()
        }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
