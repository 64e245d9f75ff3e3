/// Reads requests off one connection: buffering, head and body framing, limits and timeouts.
struct HTTPRequestReader {
    /// A complete request plus what the connection should do after answering it.
    struct Received {
        var request: HTTPRequest
        var keepAlive: Bool
        var http10: Bool
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let chunkLineLimit = 1024

    let connection: TCPConnection
    let configuration: HTTPServer.Configuration
    private var storage = [UInt8](repeating: 0, count: 16 * 1024)
    private var start = 0
    private var end = 0
    /// Set once the first byte of a request arrives: the whole request must be in by then, so a
    /// client dripping one byte just inside the read timeout still cannot hold the thread.
    private var deadline: ContinuousClock.Instant?

    init(connection: TCPConnection, configuration: HTTPServer.Configuration) {
        self.connection = connection
        self.configuration = configuration
    }

    /// The next request; throws `.closed` when the client is gone or idle, `.rejected` for a bad request.
    mutating func next() throws(HTTPRequestError) -> Received {
        deadline = start < end ? ContinuousClock.now + configuration.requestTimeout : nil
        let head = try readHead()
        let framing = try head.bodyFraming()
        if case .length(let length) = framing, length > configuration.maxBodyBytes {
            throw .rejected(
                status: 413,
                reason: "request body of \(length) bytes exceeds \(configuration.maxBodyBytes)"
            )
        }
        try handleExpectation(head, framing: framing)
        var request = HTTPRequest(method: head.method, target: head.target, headers: head.headers)
        switch framing {
        case .none: break
        case .length(let length): request.body = try take(length)
        case .chunked: try readChunkedBody(into: &request)
        }
        return Received(request: request, keepAlive: head.wantsKeepAlive, http10: head.minorVersion == 0)
    }

    private mutating func readHead() throws(HTTPRequestError) -> HTTPRequestHead {
        var scanned = 0
        while true {
            // RFC 9112 §2.2: ignore empty lines before a request line.
            while end - start >= 2 && storage[start] == 0x0D && storage[start + 1] == 0x0A {
                start += 2
                scanned = max(0, scanned - 2)
            }
            if let terminator = findHeadTerminator(from: start + scanned) {
                guard terminator + 4 - start <= configuration.maxHeaderBytes else { throw headersTooLarge }
                let head = try HTTPHeadParser.parse(storage[start..<terminator])
                start = terminator + 4
                return head
            }
            guard end - start <= configuration.maxHeaderBytes else { throw headersTooLarge }
            scanned = max(0, end - start - 3)
            guard try fill() > 0 else { throw .closed }
        }
    }

    private var headersTooLarge: HTTPRequestError {
        .rejected(status: 431, reason: "request head exceeds \(configuration.maxHeaderBytes) bytes")
    }

    private func findHeadTerminator(from index: Int) -> Int? {
        guard end - index >= 4 else { return nil }
        return storage.withUnsafeBufferPointer { bytes in
            var index = index
            while index + 3 < end {
                if bytes[index + 3] != 0x0A {
                    index += bytes[index + 3] == 0x0D ? 1 : 4
                    continue
                }
                if bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D { return index }
                index += 1
            }
            return nil
        }
    }

    private mutating func handleExpectation(
        _ head: HTTPRequestHead,
        framing: HTTPRequestHead.BodyFraming
    ) throws(HTTPRequestError) {
        let expectations = head.headers.tokens(of: "Expect")
        guard !expectations.isEmpty else { return }
        guard expectations == ["100-continue"] else {
            throw .rejected(status: 417, reason: "only 'Expect: 100-continue' is supported")
        }
        guard head.minorVersion >= 1, framing != .none, start == end else { return }
        do {
            try connection.write("HTTP/1.1 100 Continue\r\n\r\n")
        } catch {
            throw .closed
        }
    }

    private mutating func readChunkedBody(into request: inout HTTPRequest) throws(HTTPRequestError) {
        while true {
            let line = try readLine(limit: Self.chunkLineLimit, tooLong: .badRequest("chunk size line too long"))
            let size = try Self.chunkSize(line)
            if size == 0 { break }
            guard request.body.count + size <= configuration.maxBodyBytes else {
                throw .rejected(status: 413, reason: "chunked request body exceeds \(configuration.maxBodyBytes) bytes")
            }
            request.body += try take(size)
            guard try take(2) == Self.crlf else { throw .badRequest("chunk data not followed by CRLF") }
        }
        var trailerBytes = 0
        while true {
            let line = try readLine(limit: configuration.maxHeaderBytes, tooLong: headersTooLarge)
            if line.isEmpty { return }
            trailerBytes += line.count + 2
            guard trailerBytes <= configuration.maxHeaderBytes else { throw headersTooLarge }
            let (name, value) = try HTTPHeadParser.parseField(line[...])
            request.headers.add(name: name, value: value)
        }
    }

    /// The size from `1a;ext=value`: hex digits, optional whitespace, optional extensions (ignored).
    static func chunkSize(_ line: [UInt8]) throws(HTTPRequestError) -> Int {
        let digits = line.prefix { $0.isHexDigit }
        let rest = line.dropFirst(digits.count).prefix { $0 != UInt8(ascii: ";") }
        guard !digits.isEmpty, digits.count <= 15, rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
            let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
        else { throw .badRequest("invalid chunk size line") }
        return size
    }

    /// The bytes up to the next CRLF (which is consumed).
    private mutating func readLine(limit: Int, tooLong: HTTPRequestError) throws(HTTPRequestError) -> [UInt8] {
        var scanned = 0
        while true {
            if let lf = storage[(start + scanned)..<end].firstIndex(of: 0x0A) {
                guard lf > start, storage[lf - 1] == 0x0D else { throw .badRequest("bare LF in chunked framing") }
                let line = Array(storage[start..<(lf - 1)])
                start = lf + 1
                return line
            }
            guard end - start <= limit else { throw tooLong }
            scanned = end - start
            guard try fill() > 0 else { throw .closed }
        }
    }

    /// Exactly `count` bytes.
    private mutating func take(_ count: Int) throws(HTTPRequestError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            if start == end { guard try fill() > 0 else { throw .closed } }
            let chunk = min(end - start, count - bytes.count)
            bytes += storage[start..<(start + chunk)]
            start += chunk
        }
        return bytes
    }

    /// Reads more bytes into the buffer; returns how many (0 at end of stream).
    private mutating func fill() throws(HTTPRequestError) -> Int {
        if end == storage.count {
            if start > 0 {
                storage.withUnsafeMutableBytes { [start, end] bytes in
                    guard let base = bytes.baseAddress else { return }
                    base.copyMemory(from: base + start, byteCount: end - start)
                }
                (start, end) = (0, end - start)
            } else {
                storage += repeatElement(0, count: storage.count)
            }
        }
        let result = storage.withUnsafeMutableBytes { [connection, end] buffer in
            Result { () throws(SocketError) in
                try connection.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            }
        }
        let count: Int
        switch result {
        case .success(let read): count = read
        case .failure(.timedOut) where deadline != nil:
            throw .rejected(status: 408, reason: "the request did not arrive within the read timeout")
        case .failure: throw .closed
        }
        end += count
        let now = ContinuousClock.now
        if let deadline {
            if now > deadline {
                throw .rejected(status: 408, reason: "the request did not complete within the request timeout")
            }
        } else if count > 0 {
            deadline = now + configuration.requestTimeout
        }
        return count
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
