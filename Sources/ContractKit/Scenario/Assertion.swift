/// A check on one value of a response: a body member (by JSON pointer) or a header.
public struct Assertion: Sendable, Hashable {
    /// What the assertion looks at.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// The value at an RFC 6901 JSON pointer in the response body.
        case body(pointer: JSONPointer)
        /// The first value of a response header (name case-insensitive), as a JSON string.
        case header(name: String)

        public var description: String {
            switch self {
            case .body(let pointer): "body \(pointer == .root ? "(root)" : pointer.description)"
            case .header(let name): "header \(name)"
            }
        }
    }

    /// What must hold of the target's value.
    public enum Condition: Sendable, Hashable {
        /// Equal to the value (numbers compare mathematically: `1` equals `1.0`).
        case equals(JSONValue)
        /// Equal to one of the values.
        case oneOf([JSONValue])
        /// A string matching the regular expression (anywhere in the string; anchor it to match whole).
        case matches(String)
        /// The value must not be there.
        case absent
        /// The value must be there (any value, `null` included).
        case present
    }

    public var target: Target
    public var condition: Condition
    /// Values in `equals`/`oneOf` may contain `{{variables}}`, substituted before comparing.
    public init(_ target: Target, _ condition: Condition) {
        self.target = target
        self.condition = condition
    }
}
