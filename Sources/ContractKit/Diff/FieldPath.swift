/// A field inside a JSON body, as the mapping writes it: property names separated by `/`, `*` for
/// the items of an array (`webhook_subscriptions/*/webhook_url`); the empty path is the body itself.
public struct FieldPath: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The token standing for "every item of the array".
    public static let arrayItems = "*"
    public static let body = FieldPath(tokens: [])

    public let tokens: [String]

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses `a/b/*`; the empty string is the body.
    public init(_ text: String) {
        tokens = text.isEmpty ? [] : text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var isBody: Bool { tokens.isEmpty }
    public var depth: Int { tokens.count }
    public var name: String? { tokens.last }

    public var parent: FieldPath? {
        isBody ? nil : FieldPath(tokens: Array(tokens.dropLast()))
    }

    public func appending(_ token: String) -> FieldPath {
        FieldPath(tokens: tokens + [token])
    }

    public func appending(_ other: FieldPath) -> FieldPath {
        FieldPath(tokens: tokens + other.tokens)
    }

    /// Whether `self` is `other` or lies inside it.
    public func hasPrefix(_ other: FieldPath) -> Bool {
        tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// The rest of the path after `prefix`; `nil` when `prefix` is not a prefix.
    public func dropping(_ prefix: FieldPath) -> FieldPath? {
        hasPrefix(prefix) ? FieldPath(tokens: Array(tokens.dropFirst(prefix.tokens.count))) : nil
    }

    /// `a/b/*`, or `(body)` for the body itself.
    public var description: String {
        isBody ? "(body)" : tokens.joined(separator: "/")
    }

    /// The text the mapping file uses (`""` for the body).
    public var text: String {
        tokens.joined(separator: "/")
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}
