/// The `format` values the validator asserts; unknown formats are annotations and pass.
enum FormatChecker: Sendable {
    case dateTime
    case date
    case uri
    case uuid
    case email
    case e164

    init?(name: String) {
        switch name {
        case "date-time": self = .dateTime
        case "date": self = .date
        case "uri": self = .uri
        case "uuid": self = .uuid
        case "email": self = .email
        case "e164", "phone": self = .e164
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .dateTime: "date-time"
        case .date: "date"
        case .uri: "uri"
        case .uuid: "uuid"
        case .email: "email"
        case .e164: "E.164 phone number"
        }
    }

    func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .dateTime: return RFC3339.isDateTime(bytes)
        case .date: return RFC3339.isFullDate(bytes[...])
        case .uri: return RFC3986.isURI(bytes)
        case .uuid: return FormatChecker.isUUID(bytes)
        case .email: return RFC5321.isMailbox(bytes)
        case .e164: return FormatChecker.isE164(bytes)
        }
    }

    /// `8-4-4-4-12` hex digits, any case, any version and variant.
    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        return bytes.indices.allSatisfy { index in
            [8, 13, 18, 23].contains(index) ? bytes[index] == UInt8(ascii: "-") : ASCII.isHexDigit(bytes[index])
        }
    }

    /// `^\+[1-9]\d{1,14}$`: a plus, a non-zero country-code digit, 2 to 15 digits in all.
    private static func isE164(_ bytes: [UInt8]) -> Bool {
        guard (3...16).contains(bytes.count), bytes[0] == UInt8(ascii: "+"), bytes[1] != UInt8(ascii: "0")
        else { return false }
        return bytes.dropFirst().allSatisfy(ASCII.isDigit)
    }
}

/// Byte classes shared by the format grammars.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }

    /// The value of a run of ASCII digits, or `nil` if any byte is not a digit.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
