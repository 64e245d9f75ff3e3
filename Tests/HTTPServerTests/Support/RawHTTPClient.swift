import HTTPServer

/// A response as read off the wire by `RawHTTPClient`.
struct RawResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A deliberately low-level client: writes exactly the bytes a test gives it and parses responses
/// by hand, so tests can send what no well-behaved client would.
final class RawHTTPClient {
    let connection: TCPConnection
    private var buffer: [UInt8] = []

    init(port: UInt16, readTimeout: Duration = .seconds(5)) throws {
        connection = try TCPConnection.connect(host: "127.0.0.1", port: port)
        try connection.setReadTimeout(readTimeout)
    }

    deinit { connection.close() }

    func send(_ text: String) throws { try connection.write(text) }
    func send(_ bytes: [UInt8]) throws { try connection.write(bytes) }

    /// Reads one response; `nil` when the server closed the connection before sending a head.
    ///
    /// `headRequest` skips the body, since a HEAD response announces a length it does not send.
    func readResponse(headRequest: Bool = false) throws -> RawResponse? {
        guard let headEnd = try fill(until: { $0.firstRange(of: [13, 10, 13, 10])?.upperBound }) else { return nil }
        let lines = String(decoding: buffer[..<(headEnd - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(headEnd)
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let (name, value) = line.split(separator: ":", maxSplits: 1).map(String.init).pair
            headers.add(name: name, value: value.trimmingCharacters(in: .whitespaces))
        }
        let status = Int(statusParts[1]) ?? -1
        if (100..<200).contains(status) { return try readResponse(headRequest: headRequest) }
        let length = headRequest ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
        _ = try fill(until: { $0.count >= length ? length : nil })
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(body.count)
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Reads the next informational (1xx) head only, such as `100 Continue`.
    func readInterimStatus() throws -> Int? {
        guard let headEnd = try fill(until: { $0.firstRange(of: [13, 10, 13, 10])?.upperBound }) else { return nil }
        let line = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd)
        return Int(line.split(separator: " ")[1])
    }

    /// Whether the server closed the connection (end of stream or reset) within the read timeout.
    func isClosedByServer() -> Bool {
        do {
            while true {
                let bytes = try connection.read()
                if bytes.isEmpty { return true }
            }
        } catch SocketError.connectionReset {
            return true
        } catch {
            return false
        }
    }

    private func fill(until done: ([UInt8]) -> Int?) throws -> Int? {
        while true {
            if let result = done(buffer) { return result }
            let bytes = try connection.read()
            if bytes.isEmpty { return nil }
            buffer += bytes
        }
    }
}

extension Array where Element == String {
    fileprivate var pair: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
