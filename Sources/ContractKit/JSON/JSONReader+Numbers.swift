extension JSONReader {
    /// Parses the number at the cursor (RFC 8259 grammar: no leading zeros, no `+`, no bare `.`).
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        var cursor = index
        let isNegative = bytes[cursor] == UInt8(ascii: "-")
        if isNegative { cursor += 1 }
        guard cursor < bytes.count, isDigit(bytes[cursor]) else {
            throw error("expected a digit after '-', found \(found(at: cursor))", at: cursor)
        }
        // Accumulated as a negative value so that Int64.min fits.
        var negated: Int64 = 0
        var overflowed = false
        if bytes[cursor] == UInt8(ascii: "0") {
            cursor += 1
            if cursor < bytes.count, isDigit(bytes[cursor]) {
                throw error("leading zeros are not allowed in numbers", at: cursor - 1)
            }
        } else {
            while cursor < bytes.count, isDigit(bytes[cursor]) {
                if !overflowed {
                    let (product, productOverflow) = negated.multipliedReportingOverflow(by: 10)
                    let (sum, sumOverflow) = product.subtractingReportingOverflow(Int64(bytes[cursor] &- 48))
                    overflowed = productOverflow || sumOverflow
                    negated = sum
                }
                cursor += 1
            }
        }
        var isInteger = true
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            isInteger = false
            cursor += 1
            guard cursor < bytes.count, isDigit(bytes[cursor]) else {
                throw error("expected a digit after the decimal point, found \(found(at: cursor))", at: cursor)
            }
            while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
        }
        if cursor < bytes.count, bytes[cursor] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            cursor += 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
                cursor += 1
            }
            guard cursor < bytes.count, isDigit(bytes[cursor]) else {
                throw error("expected a digit in the exponent, found \(found(at: cursor))", at: cursor)
            }
            while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
        }
        index = cursor
        let text = UnsafeBufferPointer(rebasing: bytes[start..<cursor])
        if isInteger {
            if !overflowed, isNegative { return .integer(negated) }
            if !overflowed, negated != .min { return .integer(-negated) }
            return .bigInteger(String(decoding: text, as: UTF8.self))
        }
        let value = JSONReader.fastDouble(text) ?? Double(String(decoding: text, as: UTF8.self))
        guard let value, value.isFinite else {
            throw error("number \(String(decoding: text, as: UTF8.self)) is out of range for a 64-bit float", at: start)
        }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    /// The correctly rounded value when both the digits (≤ 2^53) and the power of ten (≤ 10^22)
    /// are exact doubles, so one multiplication or division rounds once (Clinger's fast path).
    /// `nil` sends the caller to the general, slower conversion.
    static func fastDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var decimalExponent = 0
        var cursor = 0
        let isNegative = text[0] == UInt8(ascii: "-")
        if isNegative { cursor = 1 }
        var inFraction = false
        while cursor < text.count {
            let byte = text[cursor]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { decimalExponent -= 1 }
            }
            cursor += 1
        }
        if cursor < text.count {
            cursor += 1
            var exponentIsNegative = false
            if text[cursor] == UInt8(ascii: "-") || text[cursor] == UInt8(ascii: "+") {
                exponentIsNegative = text[cursor] == UInt8(ascii: "-")
                cursor += 1
            }
            var exponent = 0
            while cursor < text.count {
                exponent = exponent * 10 + Int(text[cursor] - UInt8(ascii: "0"))
                guard exponent <= 400 else { return nil }
                cursor += 1
            }
            decimalExponent += exponentIsNegative ? -exponent : exponent
        }
        guard abs(decimalExponent) <= 22 else { return mantissa == 0 ? (isNegative ? -0.0 : 0.0) : nil }
        var value = Double(mantissa)
        value =
            decimalExponent < 0
            ? value / exactPowersOfTen[-decimalExponent] : value * exactPowersOfTen[decimalExponent]
        return isNegative ? -value : value
    }
}
