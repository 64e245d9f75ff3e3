import Foundation

extension JSONValue {
    /// JSON Schema equality: numbers by value (`1 == 1.0`), objects ignoring order, `true` ≠ `1`.
    func isJSONEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a.isNumericallyEqual(to: b)
        // Code points, not Swift's canonical equivalence: "e\u{301}" is not "é" in JSON.
        case (.string(let a), .string(let b)): return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isJSONEqual(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { value.isJSONEqual(to: $0) } ?? false }
        default: return self == other
        }
    }

    /// A hash consistent with ``isJSONEqual(to:)``.
    private var equalityHash: Int {
        var hasher = Hasher()
        switch self {
        case .number(let number): hasher.combine(number.doubleValue)
        case .array(let items): for item in items { hasher.combine(item.equalityHash) }
        case .object(let object):
            hasher.combine(object.reduce(0) { $0 &+ ($1.key.hashValue ^ $1.value.equalityHash) })
        default: hasher.combine(self)
        }
        return hasher.finalize()
    }

    /// The positions of the first two equal items, if any (linear time on average).
    static func firstDuplicate(in items: [JSONValue]) -> (Int, Int)? {
        var seen: [Int: [Int]] = [:]
        for (index, item) in items.enumerated() {
            let hash = item.equalityHash
            if let earlier = seen[hash, default: []].first(where: { items[$0].isJSONEqual(to: item) }) {
                return (earlier, index)
            }
            seen[hash, default: []].append(index)
        }
        return nil
    }

    /// A short rendering for violation messages: scalars in JSON, containers by size.
    var abbreviated: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let number): number.description
        case .string(let text):
            text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
        case .array(let items): "array of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .object(let object): "object with \(object.count) propert\(object.count == 1 ? "y" : "ies")"
        }
    }
}

extension JSONNumber {
    /// -1, 0 or 1 as `self` is below, equal to or above `other`; exact unless both are doubles, or
    /// an `Int64` meets a double.
    func compare(to other: JSONNumber) -> Int {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bigInteger(let a), .bigInteger(let b)): return JSONNumber.compareDigits(a, b)
        case (.bigInteger(let a), .integer): return a.hasPrefix("-") ? -1 : 1
        case (.integer, .bigInteger(let b)): return b.hasPrefix("-") ? 1 : -1
        case (.bigInteger(let a), .double(let b)): return JSONNumber.compare(bigInteger: a, double: b)
        case (.double(let a), .bigInteger(let b)): return -JSONNumber.compare(bigInteger: b, double: a)
        default:
            let (a, b) = (doubleValue, other.doubleValue)
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    /// Exact: a double that is not whole is below 2⁵², so nearer zero than any big integer.
    private static func compare(bigInteger digits: String, double value: Double) -> Int {
        if value.isInfinite { return value > 0 ? -1 : 1 }
        guard let whole = exactDigits(ofWhole: value) else { return digits.hasPrefix("-") ? -1 : 1 }
        return compareDigits(digits, whole)
    }

    private static func compareDigits(_ a: String, _ b: String) -> Int {
        let (negativeA, negativeB) = (a.hasPrefix("-"), b.hasPrefix("-"))
        if negativeA != negativeB { return negativeA ? -1 : 1 }
        let (digitsA, digitsB) = (a.drop { $0 == "-" }, b.drop { $0 == "-" })
        let magnitude = digitsA.count != digitsB.count
            ? (digitsA.count < digitsB.count ? -1 : 1)
            : (digitsA == digitsB ? 0 : (digitsA.lexicographicallyPrecedes(digitsB) ? -1 : 1))
        return negativeA ? -magnitude : magnitude
    }

    /// `multipleOf`: exact for integers (of any size), exact in decimal for decimal literals
    /// such as `0.0001`, and whole-quotient for doubles too large for decimal arithmetic.
    func isMultiple(of divisor: JSONNumber) -> Bool {
        switch (self, divisor) {
        case (.integer(let value), .integer(let divisor)):
            return value % divisor == 0
        case (.bigInteger(let digits), .integer(let divisor)):
            let magnitude = UInt128(divisor.magnitude)
            return digits.drop { $0 == "-" }.reduce(UInt128(0)) { remainder, digit in
                (remainder * 10 + UInt128(digit.wholeNumberValue ?? 0)) % magnitude
            } == 0
        default:
            if let value = Decimal(string: description), let step = Decimal(string: divisor.description),
                value.isFinite, step.isFinite, step != 0, abs(doubleValue) < 1e30
            {
                var quotient = value / step
                var whole = Decimal()
                NSDecimalRound(&whole, &quotient, 0, .down)
                return whole == quotient
            }
            let quotient = doubleValue / divisor.doubleValue
            if quotient.isFinite { return quotient.rounded(.towardZero) == quotient }
            return JSONNumber.isExactBinaryMultiple(doubleValue, of: divisor.doubleValue)
        }
    }

    /// Exact rational test for doubles whose quotient overflows: with `x = a·2^i` and `d = b·2^j`
    /// (`a`, `b` odd), `x/d` is whole exactly when `b` divides `a` and `i >= j`.
    private static func isExactBinaryMultiple(_ value: Double, of divisor: Double) -> Bool {
        guard value.isFinite, divisor.isFinite, divisor != 0 else { return false }
        if value == 0 { return true }
        func oddPart(_ number: Double) -> (UInt64, Int) {
            var significand = number.significandBitPattern | (number.isNormal ? 1 << 52 : 0)
            var exponent = Int(number.exponent) - 52
            let shift = significand.trailingZeroBitCount
            significand >>= shift
            exponent += shift
            return (significand, exponent)
        }
        let (a, i) = oddPart(abs(value))
        let (b, j) = oddPart(abs(divisor))
        return a % b == 0 && i >= j
    }
}
