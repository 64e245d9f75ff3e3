/// Strict textual IP addresses, as URIs and e-mail address literals contain them.
enum IPAddress {
    /// Dotted-quad, each part 0–255 without leading zeros.
    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let value = ASCII.number(part), part.count <= 3 else { return false }
            return value <= 255 && (part.count == 1 || part.first != UInt8(ascii: "0"))
        }
    }

    /// RFC 4291 text form: up to eight hex groups, one `::`, optionally ending in IPv4.
    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = Array(bytes)
        let halves = split(text, on: Array("::".utf8))
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (position, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                let isLast = position == halves.count - 1 && index == parts.count - 1
                if isLast, part.contains(UInt8(ascii: ".")) {
                    guard isIPv4(part) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(part.count), part.allSatisfy(ASCII.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    /// The inside of `[…]` in a URI host: IPv6 or `vX.…` (IPvFuture).
    static func isIPLiteral(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first.map({ $0 | 0x20 }) == UInt8(ascii: "v") {
            let dot = bytes.firstIndex(of: UInt8(ascii: "."))
            return dot.map { $0 > bytes.startIndex + 1 && $0 < bytes.endIndex - 1 } ?? false
        }
        return isIPv6(bytes)
    }

    private static func split(_ bytes: [UInt8], on separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count {
            if Array(bytes[index..<index + separator.count]) == separator {
                pieces.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }
}
