/// The type and recognisable format of a JSON value, which is all the live diff compares for
/// volatile fields (ids, timestamps, trace ids, secrets): their values differ on every run.
struct ValueShape: Sendable, Hashable, CustomStringConvertible {
    /// JSON Schema type name: `integer`, `number`, `string`, `boolean`, `null`, `array`, `object`.
    var type: String
    /// `uuid`, `date-time`, `whsec` or `hex` for strings that look like one.
    var format: String?

    init(_ value: JSONValue) {
        switch value {
        case .null: type = "null"
        case .bool: type = "boolean"
        case .number(let number): type = number.isInteger ? "integer" : "number"
        case .string(let text): type = "string"; format = Self.format(of: text)
        case .array: type = "array"
        case .object: type = "object"
        }
    }

    var description: String {
        format.map { "\(type) (\($0))" } ?? type
    }

    /// Whether a field of this name holds a value that changes from run to run.
    static func isVolatile(field name: String?) -> Bool {
        guard let name else { return false }
        return name == "id" || name.hasSuffix("_id") || name.hasSuffix("_at") || name.contains("secret")
    }

    private static func format(of text: String) -> String? {
        if FormatChecker.uuid.isValid(text) { return "uuid" }
        if text.hasPrefix("whsec_") { return "whsec" }
        if FormatChecker.dateTime.isValid(text) { return "date-time" }
        if !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) { return "hex" }
        return nil
    }
}
