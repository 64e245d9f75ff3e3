/// Finds values of secret-named fields in text that may or may not be well-formed: JSON members
/// (`"signing_secret": "…"`) and URL query parameters (`?token=…`, also after `&amp;`).
///
/// It is a lexer, not a parser, on purpose: a truncated or otherwise broken body (exactly what a
/// fault profile produces) must be redacted as reliably as a valid one.
enum SensitiveFields {
    /// Name stems that mark a field as secret: the name equals one or ends in `_stem`
    /// (after lower-casing and turning `-` and `.` into `_`). `secret_configured` is not secret.
    static let stems = [
        "secret", "token", "password", "passwd", "api_key", "apikey", "authorization", "signature",
        "credential", "credentials", "cookie", "private_key",
    ]

    /// Whether a header, JSON member or query parameter called `name` carries a secret.
    static func isSensitive(_ name: String) -> Bool {
        var normalized = ""
        for character in name.lowercased() {
            normalized.append(character == "-" || character == "." ? "_" : character)
        }
        return stems.contains { normalized == $0 || normalized.hasSuffix("_" + $0) }
    }

    /// A secret-named field found in text: its name and decoded value.
    struct Match: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// `text` with the value of every secret-named field replaced by `marker(name)`, and the
    /// complete values found (a value cut off by the end of the text is replaced, not returned).
    static func redact(_ text: String, marker: (String) -> String) -> (text: String, matches: [Match]) {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var matches: [Match] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\""), let member = jsonMember(in: input, at: index) {
                output.append(contentsOf: input[index..<member.valueStart])
                let name = String(decoding: input[(index + 1)..<(member.nameEnd - 1)], as: UTF8.self)
                let rawValue = input[member.valueStart..<member.valueEnd]
                if isSensitive(name), !rawValue.starts(with: redactedPrefix) {
                    output.append(contentsOf: marker(name).utf8)
                    if member.isComplete { matches.append(Match(name: name, value: unescapeJSON(rawValue))) }
                } else {
                    output.append(contentsOf: rawValue)
                }
                index = member.valueEnd
            } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: ";"),
                let parameter = queryParameter(in: input, at: index + 1)
            {
                output.append(contentsOf: input[index..<parameter.valueStart])
                let name = String(decoding: input[(index + 1)..<(parameter.valueStart - 1)], as: UTF8.self)
                let rawValue = input[parameter.valueStart..<parameter.valueEnd]
                if isSensitive(name), !rawValue.isEmpty, !rawValue.starts(with: redactedPrefix) {
                    output.append(contentsOf: marker(name).utf8)
                    matches.append(Match(name: name, value: percentDecoded(rawValue)))
                } else {
                    output.append(contentsOf: rawValue)
                }
                index = parameter.valueEnd
            } else {
                output.append(byte)
                index += 1
            }
        }
        return (matches.isEmpty && output == input ? text : String(decoding: output, as: UTF8.self), matches)
    }

    private static let redactedPrefix = Array("[REDACTED".utf8)

    private struct Member {
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var isComplete: Bool
    }

    /// A `"name": "value"` pair starting at the opening quote of the name; the value range
    /// excludes its quotes. An unterminated value runs to the end of the input.
    private static func jsonMember(in input: [UInt8], at start: Int) -> Member? {
        guard let nameEnd = endOfJSONString(in: input, openingAt: start) else { return nil }
        var index = skipWhitespace(in: input, from: nameEnd)
        guard index < input.count, input[index] == UInt8(ascii: ":") else { return nil }
        index = skipWhitespace(in: input, from: index + 1)
        guard index < input.count, input[index] == UInt8(ascii: "\"") else { return nil }
        if let valueEnd = endOfJSONString(in: input, openingAt: index) {
            return Member(nameEnd: nameEnd, valueStart: index + 1, valueEnd: valueEnd - 1, isComplete: true)
        }
        return Member(nameEnd: nameEnd, valueStart: index + 1, valueEnd: input.count, isComplete: false)
    }

    /// The index just past the closing quote of the JSON string opening at `start`.
    private static func endOfJSONString(in input: [UInt8], openingAt start: Int) -> Int? {
        var index = start + 1
        while index < input.count {
            switch input[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\n"): return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func skipWhitespace(in input: [UInt8], from start: Int) -> Int {
        var index = start
        while index < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[index]) { index += 1 }
        return index
    }

    /// `name=value` starting at `start`; the value runs to `&`, `#`, whitespace, a quote or `<`.
    private static func queryParameter(in input: [UInt8], at start: Int) -> (valueStart: Int, valueEnd: Int)? {
        var index = start
        while index < input.count, isNameByte(input[index]) { index += 1 }
        guard index > start, index < input.count, input[index] == UInt8(ascii: "=") else { return nil }
        let valueStart = index + 1
        index = valueStart
        while index < input.count, !Array("&# \t\r\n\"'<>".utf8).contains(input[index]) { index += 1 }
        return (valueStart, index)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The text of a JSON string's contents, escapes resolved; a broken escape is kept as written.
    static func unescapeJSON(_ raw: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        let text = Array(String(decoding: raw, as: UTF8.self).unicodeScalars)
        var index = 0
        var pendingHigh: UInt32?
        while index < text.count {
            let scalar = text[index]
            guard scalar == "\\", index + 1 < text.count else {
                scalars.append(scalar)
                index += 1
                continue
            }
            let escape = text[index + 1]
            index += 2
            switch escape {
            case "n": scalars.append("\n")
            case "r": scalars.append("\r")
            case "t": scalars.append("\t")
            case "b": scalars.append("\u{08}")
            case "f": scalars.append("\u{0C}")
            case "u" where index + 4 <= text.count:
                let hex = String(String.UnicodeScalarView(text[index..<(index + 4)]))
                index += 4
                guard let code = UInt32(hex, radix: 16) else { continue }
                if (0xD800..<0xDC00).contains(code) {
                    pendingHigh = code
                } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh,
                    let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                {
                    scalars.append(combined)
                    pendingHigh = nil
                } else if let plain = Unicode.Scalar(code) {
                    scalars.append(plain)
                }
            default: scalars.append(escape)
            }
        }
        return String(scalars)
    }

    /// Percent-escapes resolved; `+` stays `+` (secrets are base64, where `+` is data).
    static func percentDecoded(_ raw: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == UInt8(ascii: "%"), index + 2 < raw.endIndex,
                let value = UInt8(String(decoding: raw[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
