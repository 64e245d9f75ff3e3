import Foundation
import HTTPServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts deliveries to a receiver in tests: through `URLSession` as a real sender would, or as raw
/// bytes for what no well-behaved client sends (duplicate headers, invalid UTF-8).
enum DeliveryTestClient {
    /// The status `URLSession` got, or `nil` when the connection closed without a response.
    static func post(_ url: URL, headers: HTTPHeaders = [:], body: [UInt8]) async -> Int? {
        var request = URLRequest(url: url, timeoutInterval: 5)
        request.httpMethod = "POST"
        for field in headers.fields { request.addValue(field.value, forHTTPHeaderField: field.name) }
        request.httpBody = Data(body)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        guard let (_, response) = try? await session.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }

    /// Writes `head` lines and `body` exactly, with `Content-Length` and `Connection: close`, and returns
    /// the status of the answer, `nil` when the connection closed without one.
    static func postRaw(port: UInt16, path: String, headerLines: [String], body: [UInt8]) throws -> Int? {
        let connection = try TCPConnection.connect(host: "127.0.0.1", port: port)
        defer { connection.close() }
        try connection.setReadTimeout(.seconds(5))
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for line in headerLines { head += line + "\r\n" }
        try connection.write(Array((head + "\r\n").utf8) + body)
        var received: [UInt8] = []
        while let chunk = try? connection.read(), !chunk.isEmpty { received += chunk }
        let statusLine = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
