/// A JSON number, kept as it was written.
///
/// `1` is `.integer(1)`, `1.0` and `1e0` are `.double(1.0)`, and an integer
/// literal outside `Int64` is `.bigInteger` with its exact digits.
/// Equality is structural (`1` ≠ `1.0`); use ``isNumericallyEqual(to:)``
/// for the mathematical comparison JSON Schema's `enum`, `const` and
/// `uniqueItems` ask for.
public enum JSONNumber: Sendable, Hashable {
    case integer(Int64)
    /// An integer literal outside the `Int64` range: an optional `-` and its digits, no leading zeros.
    case bigInteger(String)
    case double(Double)

    /// Whether the value is mathematically whole (JSON Schema's `integer`).
    public var isInteger: Bool {
        switch self {
        case .integer, .bigInteger: true
        case .double(let value): value.isFinite && value.rounded(.towardZero) == value
        }
    }

    /// The nearest `Double`; big integers lose precision here, nowhere else.
    public var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .bigInteger(let digits): Double(digits) ?? .nan
        case .double(let value): value
        }
    }

    /// The value as an `Int64` when it is whole and in range.
    public var int64Value: Int64? {
        switch self {
        case .integer(let value): value
        case .bigInteger: nil
        case .double(let value):
            value.isFinite && value.rounded(.towardZero) == value
                && value >= -9.223372036854775808e18 && value < 9.223372036854775808e18
                ? Int64(value) : nil
        }
    }

    /// Mathematical equality: `1` equals `1.0`; big integers compare digit for digit.
    public func isNumericallyEqual(to other: JSONNumber) -> Bool {
        switch (self, other) {
        case (.bigInteger(let a), .bigInteger(let b)): a == b
        case (.bigInteger(let a), .double(let b)), (.double(let b), .bigInteger(let a)):
            // Exact: 1e20 equals 100000000000000000000, but not 100000000000000000001.
            JSONNumber.exactDigits(ofWhole: b) == a
        case (.bigInteger, .integer), (.integer, .bigInteger): false
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            // Exact: a double equals an integer only when it is whole, in range and the same value.
            JSONNumber.double(b).int64Value == a
        }
    }
}

extension JSONNumber {
    /// The exact decimal digits of `value` (`-` first when negative, no leading zeros) when it is
    /// finite and whole, else `nil`. Every double from 2⁵³ up is whole: `1e20` gives
    /// `100000000000000000000`, where `String(describing:)` would round to 17 significant digits.
    static func exactDigits(ofWhole value: Double) -> String? {
        guard value.isFinite, value.rounded(.towardZero) == value else { return nil }
        let magnitude = value.magnitude
        if magnitude < 0x1p63 { return String(Int64(value)) }
        // magnitude = significand · 2^shift with a 53-bit whole significand and shift ≥ 11.
        let significand = (UInt64(1) << 52) | magnitude.significandBitPattern
        let shift = Int(magnitude.exponent) - 52
        var digits = String(significand).utf8.reversed().map { Int($0) - 48 }  // least significant first
        for _ in 0..<shift {
            var carry = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        let text = String(decoding: digits.reversed().map { UInt8($0 + 48) }, as: UTF8.self)
        return value < 0 ? "-" + text : text
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The JSON text of the number (`1`, `1.0`, `-0.0`, `1e+300`, `123456789012345678901234567890`).
    ///
    /// Doubles print in the shortest form that parses back to the same bits, always with a `.` or
    /// an exponent so they stay doubles. JSON has no infinity or NaN; they print as `null`,
    /// as JavaScript's `JSON.stringify` does.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .bigInteger(let digits): digits
        case .double(let value):
            if !value.isFinite {
                "null"
            } else if value.rounded(.towardZero) == value, abs(value) < 1e16, value != 0 || value.sign == .plus {
                String(Int64(value)) + ".0"
            } else {
                "\(value)"
            }
        }
    }
}
