extension JSONReader {
    /// Parses the string whose opening quote is at the cursor.
    ///
    /// Unescaped strings become a `String` straight from the buffer; escapes go through `scratch`.
    /// UTF-8 is validated byte by byte so the error can point at the bad byte.
    mutating func parseString() throws(JSONParseError) -> String {
        let quote = index
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cursor]))
                return try parseEscapedString(from: cursor, quote: quote)
            } else if byte < 0x20 {
                throw controlCharacterError(at: cursor)
            } else if byte < 0x80 {
                cursor += 1
            } else {
                cursor = try endOfUTF8Sequence(at: cursor)
            }
        }
        throw error("unterminated string: no closing '\"' before end of input", at: quote)
    }

    private mutating func parseEscapedString(from escape: Int, quote: Int) throws(JSONParseError) -> String {
        var cursor = escape
        var runStart = escape
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                index = cursor + 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                cursor = try decodeEscape(at: cursor)
                runStart = cursor
            } else if byte < 0x20 {
                throw controlCharacterError(at: cursor)
            } else if byte < 0x80 {
                cursor += 1
            } else {
                cursor = try endOfUTF8Sequence(at: cursor)
            }
        }
        throw error("unterminated string: no closing '\"' before end of input", at: quote)
    }

    /// Appends the character of the escape at `backslash` to `scratch`; returns the offset after it.
    private mutating func decodeEscape(at backslash: Int) throws(JSONParseError) -> Int {
        guard backslash + 1 < bytes.count else {
            throw error("unterminated string: escape '\\' at end of input", at: backslash)
        }
        let simple: UInt8
        switch bytes[backslash + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: backslash)
        default:
            throw error(
                "invalid escape '\\\(found(at: backslash + 1).trimmingQuotes)' in string; "
                    + "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                at: backslash
            )
        }
        scratch.append(simple)
        return backslash + 2
    }

    private mutating func decodeUnicodeEscape(at backslash: Int) throws(JSONParseError) -> Int {
        let unit = try hexCodeUnit(at: backslash)
        var scalarValue = UInt32(unit)
        var next = backslash + 6
        if (0xDC00...0xDFFF).contains(unit) {
            throw error("lone low surrogate \\u\(hex(unit)) in string; it must follow a high surrogate", at: backslash)
        }
        if (0xD800...0xDBFF).contains(unit) {
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u")
            else {
                throw error(
                    "lone high surrogate \\u\(hex(unit)) in string; expected a low surrogate \\uDC00-\\uDFFF after it",
                    at: backslash
                )
            }
            let low = try hexCodeUnit(at: next)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(
                    "high surrogate \\u\(hex(unit)) followed by \\u\(hex(low)), not by a low surrogate \\uDC00-\\uDFFF",
                    at: backslash
                )
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        }
        // Surrogates were handled above, so every remaining value is a valid scalar.
        scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalarValue)!)!)
        return next
    }

    private func hexCodeUnit(at backslash: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for offset in backslash + 2..<backslash + 6 {
            guard offset < bytes.count else {
                throw error("unterminated \\u escape: expected 4 hex digits before end of input", at: backslash)
            }
            let digit: UInt8
            switch bytes[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = bytes[offset] - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = bytes[offset] - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = bytes[offset] - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits, found \(found(at: offset))", at: offset)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Validates the UTF-8 sequence starting at `start` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    private func endOfUTF8Sequence(at start: Int) throws(JSONParseError) -> Int {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default: throw error("invalid UTF-8: \(found(at: start)) cannot start a character", at: start)
        }
        for offset in start + 1..<start + length {
            let range = offset == start + 1 ? secondRange : 0x80...0xBF
            guard offset < bytes.count, range.contains(bytes[offset]) else {
                throw error(
                    "invalid UTF-8: the sequence starting with \(found(at: start)) is malformed at "
                        + (offset < bytes.count ? found(at: offset) : "end of input"),
                    at: start
                )
            }
        }
        return start + length
    }

    private func controlCharacterError(at offset: Int) -> JSONParseError {
        error(
            "unescaped control character U+00\(hex(UInt16(bytes[offset])).suffix(2)) in string; "
                + "write it as an escape such as \\n or \\u00XX",
            at: offset
        )
    }

    private func hex(_ unit: UInt16) -> String {
        String(unit, radix: 16, uppercase: true).leftPadded(to: 4)
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
