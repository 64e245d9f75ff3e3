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
        case (.bigInteger, _), (_, .bigInteger): false
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            // Exact: a double equals an integer only when it is whole, in range and the same value.
            JSONNumber.double(b).int64Value == a
        }
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
