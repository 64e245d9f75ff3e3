/// How ``JSONValue/serialized(_:)`` lays out its output; the default is compact, with no spaces.
public struct JSONSerializationOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// One member or element per line, two-space indent, `"key": value`.
    public static let prettyPrinted = JSONSerializationOptions(rawValue: 1 << 0)
    /// Object keys in Unicode code point order instead of document order (for stable diffs).
    public static let sortedKeys = JSONSerializationOptions(rawValue: 1 << 1)
}
