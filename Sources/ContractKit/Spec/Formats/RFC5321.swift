/// RFC 5321 `Mailbox`: dot-atom or quoted local part, `@`, a host name or an address literal.
enum RFC5321 {
    private static let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isMailbox(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        return isLocalPart(bytes[..<at]) && isDomain(bytes[(at + 1)...])
    }

    private static func isLocalPart(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
            let inner = bytes.dropFirst().dropLast()
            var escaped = false
            for byte in inner {
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") { escaped = true; continue }
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\"") else { return false }
            }
            return !escaped
        }
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { ASCII.isAlpha($0) || ASCII.isDigit($0) || atext.contains($0) }
        }
    }

    private static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") {
            let literal = bytes.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) { return IPAddress.isIPv6(literal.dropFirst(5)) }
            return IPAddress.isIPv4(literal)
        }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return bytes.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
