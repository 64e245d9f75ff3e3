#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Serializes response heads; one per connection so the `Date` text is cached without sharing.
struct HTTPResponseWriter {
    private var cachedSecond = 0
    private var cachedDate = ""

    /// The status line and header fields, ending with the blank line.
    ///
    /// The server owns framing: `Content-Length` is always `bodyLength` (left out for 204 and
    /// 304), `Transfer-Encoding` from the handler is dropped, `Connection: close` is added when
    /// closing. Header text the handler set with CR, LF or NUL in it is blanked so it cannot
    /// split the response.
    mutating func head(for response: HTTPResponse, bodyLength: Int, keepAlive: Bool, http10: Bool) -> [UInt8] {
        let status = (200...999).contains(response.status) ? response.status : 500
        var text = "HTTP/1.1 \(status) \(HTTPStatus.reasonPhrase(status))\r\n"
        var hasDate = false
        for (name, value) in response.headers.fields {
            switch name.lowercased() {
            case "content-length", "transfer-encoding", "connection": continue
            case "date": hasDate = true
            default: break
            }
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPHeadParser.isTokenByte) else { continue }
            text += "\(name): \(Self.sanitized(value))\r\n"
        }
        if !hasDate { text += "Date: \(date())\r\n" }
        if !HTTPStatus.forbidsBody(status) { text += "Content-Length: \(bodyLength)\r\n" }
        if !keepAlive {
            text += "Connection: close\r\n"
        } else if http10 {
            text += "Connection: keep-alive\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func sanitized(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else { return value }
        return String(value.map { $0 == "\r" || $0 == "\n" || $0 == "\0" || $0 == "\r\n" ? " " : $0 })
    }

    /// The IMF-fixdate for now (`Sun, 06 Nov 1994 08:49:37 GMT`), recomputed once a second.
    private mutating func date() -> String {
        var now = time(nil)
        guard Int(now) != cachedSecond || cachedDate.isEmpty else { return cachedDate }
        var parts = tm()
        gmtime_r(&now, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        cachedDate =
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        cachedSecond = Int(now)
        return cachedDate
    }
}
