import Foundation

/// A string with `{{variable}}` placeholders, parsed once.
///
/// Names are letters, digits, `_`, `-` and `.` (`subId`, `env.LINQ_TEST_PHONE`, `run.id`), or
/// `receiver.url:` followed by a receiver path (`receiver.url:/a`); spaces inside the braces are ignored. There is no escape: a literal `{{` cannot be written.
public struct TemplateString: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    /// Why a template does not parse.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case unclosed(String)
        case invalidName(String)

        public var description: String {
            switch self {
            case .unclosed(let text):
                "'{{' without a matching '}}' in \"\(text.excerpt)\"; close the placeholder"
            case .invalidName(let name):
                "'\(name.excerpt)' is not a variable name; use letters, digits, '_', '-' and '.'"
            }
        }
    }

    let parts: [Part]

    public init(parsing text: String) throws(ParseError) {
        var parts: [Part] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unclosed(text) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Self.isValidName(name) else { throw .invalidName(name) }
            parts.append(.variable(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// The names used, in order of first use.
    public var variableNames: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            guard case .variable(let name) = part, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The name when the whole template is one placeholder (`"{{count}}"`), so the value keeps its JSON type.
    public var soleVariable: String? {
        if parts.count == 1, case .variable(let name) = parts[0] { name } else { nil }
    }

    /// The text with every placeholder replaced by `lookup(name)`, or the first name it returned `nil` for.
    public func render(_ lookup: (String) -> String?) -> Result<String, UndefinedVariable> {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .variable(let name):
                guard let value = lookup(name) else { return .failure(UndefinedVariable(name: name)) }
                text += value
            }
        }
        return .success(text)
    }

    /// A placeholder whose variable has no value.
    public struct UndefinedVariable: Error, Sendable, Hashable {
        public var name: String
    }

    /// The prefix of the names that stand for one receiver path's URL (`receiver.url:/a`).
    public static let receiverURLPrefix = "receiver.url:"

    static func isValidName(_ name: some StringProtocol) -> Bool {
        if name.hasPrefix(receiverURLPrefix) {
            let path = name.dropFirst(receiverURLPrefix.count)
            return path.hasPrefix("/") && isValidReceiverPath(path)
        }
        return !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || scalar == "_" || scalar == "-" || scalar == ".")
            }
    }

    /// Whether `path` uses only the characters a receiver path may have: letters, digits, `-`, `_`, `.`, `/`.
    static func isValidReceiverPath(_ path: some StringProtocol) -> Bool {
        path.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_./".unicodeScalars.contains(scalar))
        }
    }
}
