/// RFC 3986 absolute `URI` (scheme required; relative references fail), ASCII only.
enum RFC3986 {
    static func isURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isScheme(bytes[..<colon]) else { return false }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isEncoded(rest[(hash + 1)...], allowing: "/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isEncoded(rest[(question + 1)...], allowing: "/?") else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: "//".utf8) {
            let authority = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") }
            guard isAuthority(authority) else { return false }
            rest = rest[authority.endIndex...]
        }
        return isEncoded(rest, allowing: "/")
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    private static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, ASCII.isAlpha(first) else { return false }
        return bytes.allSatisfy { ASCII.isAlpha($0) || ASCII.isDigit($0) || "+-.".utf8.contains($0) }
    }

    /// `[ userinfo "@" ] host [ ":" port ]`
    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostAndPort = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            guard isEncoded(bytes[..<at], allowing: ":") else { return false }
            hostAndPort = bytes[(at + 1)...]
        }
        var host = hostAndPort
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")),
                IPAddress.isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1)..<close])
            else { return false }
            host = hostAndPort[...close]
        } else {
            host = hostAndPort.prefix { $0 != UInt8(ascii: ":") }
            guard isEncoded(host, allowing: "") else { return false }
        }
        let port = hostAndPort[host.endIndex...]
        return port.isEmpty || (port.first == UInt8(ascii: ":") && port.dropFirst().allSatisfy(ASCII.isDigit))
    }

    /// Unreserved characters, sub-delims, `:`, `@`, valid `%XX` escapes, plus `extra`.
    static func isEncoded(_ bytes: ArraySlice<UInt8>, allowing extra: String) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    ASCII.isHexDigit(bytes[index + 1]), ASCII.isHexDigit(bytes[index + 2])
                else { return false }
                index += 3
                continue
            }
            guard ASCII.isAlpha(byte) || ASCII.isDigit(byte) || "-._~!$&'()*+,;=:@".utf8.contains(byte)
                || extra.utf8.contains(byte)
            else { return false }
            index += 1
        }
        return true
    }
}
