/// A strict RFC 8259 JSON parser that reports the line and column of every error.
///
/// Integers in the `Int64` range become ``JSONNumber/integer(_:)``, longer integer
/// literals ``JSONNumber/bigInteger(_:)`` with their exact digits, and anything with a
/// fraction or exponent ``JSONNumber/double(_:)``. Object key order is kept.
/// Nesting is limited by ``Options/maxDepth`` and parsed without recursion, so hostile
/// input gets an error, not a stack overflow. A leading byte order mark is rejected:
/// RFC 8259 forbids emitting one, and a spec file that starts with one was mangled by an editor.
public enum JSONParser {
    /// What to do when an object repeats a key.
    public enum DuplicateKeyPolicy: Sendable, Hashable {
        /// Throw, naming the key: a repeated key usually hides an editing mistake.
        case reject
        /// Keep the last value, as most parsers do; the key keeps its first position.
        case keepLast
    }

    /// Limits and policies for one parse.
    public struct Options: Sendable, Hashable {
        /// The deepest nesting of arrays and objects accepted; the top-level container is depth 1.
        public var maxDepth: Int
        public var duplicateKeys: DuplicateKeyPolicy

        public init(maxDepth: Int = 512, duplicateKeys: DuplicateKeyPolicy = .reject) {
            self.maxDepth = maxDepth
            self.duplicateKeys = duplicateKeys
        }
    }

    /// Parses one JSON text from UTF-8 bytes.
    /// - Throws: ``JSONParseError`` with the position and what was expected there.
    public static func parse(_ bytes: [UInt8], options: Options = .init()) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, options: options)
            do throws(JSONParseError) {
                return .success(try reader.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses one JSON text.
    /// - Throws: ``JSONParseError`` with the position and what was expected there.
    public static func parse(_ text: String, options: Options = .init()) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }
}
