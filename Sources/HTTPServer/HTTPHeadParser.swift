/// Parses a request head (request line and header fields) per RFC 9112, strictly: anything
/// ambiguous is a 400 rather than a guess, since guesses are what request smuggling exploits.
enum HTTPHeadParser {
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses `bytes`: the head up to, not including, the blank line that ends it.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(HTTPRequestError) -> HTTPRequestHead {
        var lines = try splitLines(bytes)[...]
        guard let requestLine = lines.popFirst() else { throw .badRequest("empty request line") }
        var head = try parseRequestLine(requestLine)
        for line in lines {
            let (name, value) = try parseField(line)
            head.headers.add(name: name, value: value)
        }
        if head.minorVersion >= 1 && head.headers.values(for: "Host").count != 1 {
            throw .badRequest("an HTTP/1.1 request needs exactly one Host header")
        }
        return head
    }

    /// Splits on CRLF; a lone CR or LF is an error.
    static func splitLines(_ bytes: ArraySlice<UInt8>) throws(HTTPRequestError) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == cr {
                guard index + 1 < bytes.endIndex, bytes[index + 1] == lf else {
                    throw .badRequest("bare CR in the request head")
                }
                lines.append(bytes[lineStart..<index])
                index += 2
                lineStart = index
            } else if byte == lf {
                throw .badRequest("bare LF in the request head")
            } else {
                index += 1
            }
        }
        lines.append(bytes[lineStart..<bytes.endIndex])
        return lines
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> HTTPRequestHead {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .badRequest("malformed request line") }
        let (method, target, version) = (parts[0], parts[1], parts[2])
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw .badRequest("invalid method") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("invalid request target")
        }
        let minor: Int
        switch Array(version) {
        case Array("HTTP/1.1".utf8): minor = 1
        case Array("HTTP/1.0".utf8): minor = 0
        case let other where other.count == 8 && other.starts(with: "HTTP/".utf8) && isDigit(other[5]):
            throw .rejected(status: 505, reason: "only HTTP/1.0 and HTTP/1.1 are supported")
        default: throw .badRequest("invalid HTTP version")
        }
        return HTTPRequestHead(
            method: String(decoding: method, as: UTF8.self),
            target: String(decoding: target, as: UTF8.self),
            minorVersion: minor,
            headers: HTTPHeaders()
        )
    }

    /// Parses `name: value`; also used for chunked trailers.
    static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (String, String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badRequest("header line without ':'") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw .badRequest(
                line.first == 0x20 || line.first == 0x09
                    ? "obsolete header line folding is not accepted" : "invalid header name"
            )
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .badRequest("control character in header '\(String(decoding: name, as: UTF8.self))'")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x30...0x39: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
