/// The byte sequences under which one secret can show up in output, and a single-pass replacer.
///
/// A secret leaks not only verbatim: it travels percent-encoded in URLs, JSON-escaped inside
/// serialized bodies and XML-escaped in reports. Matching works on UTF-8 bytes, not on
/// `Character`s, so a secret followed by a combining mark is still found.
struct SecretPatterns: Sendable {
    private struct Pattern: Sendable {
        var bytes: [UInt8]
        var marker: [UInt8]
    }

    /// Patterns grouped by first byte, longest first, so that a secret containing another wins.
    private var byFirstByte: [UInt8: [Pattern]] = [:]

    var isEmpty: Bool { byFirstByte.isEmpty }

    init() {}

    /// Adds every encoded form of `secret`, each replaced by `marker`.
    mutating func add(secret: String, marker: String) {
        let markerBytes = Array(marker.utf8)
        for variant in Self.variants(of: secret) {
            let bytes = Array(variant.utf8)
            guard let first = bytes.first else { continue }
            var group = byFirstByte[first, default: []]
            guard !group.contains(where: { $0.bytes == bytes }) else { continue }
            group.append(Pattern(bytes: bytes, marker: markerBytes))
            group.sort { $0.bytes.count > $1.bytes.count }
            byFirstByte[first] = group
        }
    }

    /// `text` with every occurrence of every pattern replaced by its marker.
    func replace(in text: String) -> String {
        guard !isEmpty else { return text }
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        var changed = false
        outer: while index < input.count {
            if let candidates = byFirstByte[input[index]] {
                for pattern in candidates where Self.matches(pattern.bytes, in: input, at: index) {
                    output.append(contentsOf: pattern.marker)
                    index += pattern.bytes.count
                    changed = true
                    continue outer
                }
            }
            output.append(input[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    private static func matches(_ pattern: [UInt8], in input: [UInt8], at start: Int) -> Bool {
        guard input.count - start >= pattern.count else { return false }
        for offset in 1..<pattern.count where input[start + offset] != pattern[offset] { return false }
        return true
    }

    /// The secret as written, JSON-escaped (with and without `\/`), percent-encoded (upper- and
    /// lower-case hex), XML-escaped, and for a `whsec_` secret also its base64 part alone.
    static func variants(of secret: String) -> [String] {
        var result = [secret]
        let json = jsonEscaped(secret, escapingSlash: false)
        result += [json, jsonEscaped(secret, escapingSlash: true)]
        let percent = percentEncoded(secret)
        result += [percent, lowercasingPercentEscapes(percent)]
        result.append(xmlEscaped(secret))
        if secret.hasPrefix("whsec_") {
            let key = String(secret.dropFirst("whsec_".count))
            if key.utf8.count >= Redactor.minimumSecretLength { result += variants(of: key) }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    private static func jsonEscaped(_ text: String, escapingSlash: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where escapingSlash: out += "\\/"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + hex(scalar.value, width: 4, uppercase: false)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            out += isUnreserved ? String(UnicodeScalar(byte)) : "%" + hex(UInt32(byte), width: 2, uppercase: true)
        }
        return out
    }

    private static func lowercasingPercentEscapes(_ encoded: String) -> String {
        var out = ""
        var pending = 0
        for character in encoded {
            if character == "%" {
                pending = 2
                out.append(character)
            } else if pending > 0 {
                pending -= 1
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func xmlEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    static func hex(_ value: UInt32, width: Int, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
