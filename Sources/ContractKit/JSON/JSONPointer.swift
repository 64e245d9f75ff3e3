import Foundation

/// An RFC 6901 JSON Pointer: a path of reference tokens into a JSON document.
///
/// `description` is the pointer's text (`""` for the root, `/a/b~1c`), and
/// ``uriFragment`` its `#`-fragment form, as used by `$ref` (`#/a/b~1c`).
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The unescaped reference tokens, outermost first.
    public let tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses RFC 6901 text, unescaping `~1` to `/` and `~0` to `~`.
    /// - Throws: ``JSONPointerError`` when the text does not start with `/` or has a bad `~` escape.
    public init(parsing text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self = .root
            return
        }
        guard text.hasPrefix("/") else { throw .missingLeadingSlash(text) }
        var tokens: [String] = []
        var offset = 1
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard part.contains("~") else {
                tokens.append(String(part))
                offset += part.count + 1
                continue
            }
            var token = ""
            var iterator = part.makeIterator()
            while let character = iterator.next() {
                if character == "~" {
                    switch iterator.next() {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: throw .invalidEscape(text, offset: offset)
                    }
                    offset += 2
                } else {
                    token.append(character)
                    offset += 1
                }
            }
            tokens.append(token)
            offset += 1
        }
        self.tokens = tokens
    }

    /// Parses the URI fragment form used by `$ref` (`#/components/schemas/Pet`), percent-decoding it first.
    /// - Throws: ``JSONPointerError`` when the text does not start with `#` or is not a valid pointer.
    public init(uriFragment text: String) throws(JSONPointerError) {
        guard text.hasPrefix("#") else { throw .invalidFragment(text) }
        guard let decoded = String(text.dropFirst()).removingPercentEncoding else { throw .invalidFragment(text) }
        try self.init(parsing: decoded)
    }

    /// Creates a pointer from literal text; the literal must be a valid pointer.
    public init(stringLiteral text: String) {
        do {
            try self.init(parsing: text)
        } catch {
            // A literal is source code, so an invalid one is a programmer error, not input.
            preconditionFailure("invalid JSON pointer literal: \(error)")
        }
    }

    /// Returns the pointer one level deeper, at member `token`.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// Returns the pointer one level deeper, at array element `index`.
    public func appending(index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The pointer one level up; `nil` for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The RFC 6901 text: `""` for the root, otherwise `/`-separated escaped tokens.
    public var description: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// The pointer as a URI fragment (`#/a/b`), percent-encoding what a fragment may not contain.
    public var uriFragment: String {
        // `urlFragmentAllowed` keeps every character RFC 3986 allows in a fragment, so this cannot fail.
        "#" + description.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!
    }

    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension JSONValue {
    /// Returns the value `pointer` refers to, or `nil` when a token names no member or element.
    ///
    /// Array tokens must be decimal indices without leading zeros; `-` (past the end) resolves to nothing.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let member = object[token] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Int(token), token == String(index), index >= 0, index < elements.count
                else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
