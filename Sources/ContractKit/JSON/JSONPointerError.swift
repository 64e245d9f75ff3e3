/// Why a text is not an RFC 6901 JSON Pointer.
public enum JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A non-empty pointer must start with `/`.
    case missingLeadingSlash(String)
    /// `~` must be followed by `0` (for `~`) or `1` (for `/`).
    case invalidEscape(String, offset: Int)
    /// A URI fragment pointer must start with `#` and percent-decode to UTF-8.
    case invalidFragment(String)

    public var description: String {
        switch self {
        case .missingLeadingSlash(let text):
            "JSON pointer '\(text)' must be empty or start with '/' (e.g. '/\(text)')"
        case .invalidEscape(let text, let offset):
            "JSON pointer '\(text)' has '~' at character \(offset) not followed by '0' or '1'; "
                + "write '~0' for '~' and '~1' for '/'"
        case .invalidFragment(let text):
            "'\(text)' is not a URI fragment JSON pointer; "
                + "expected '#' followed by a pointer such as '#/components/schemas/Name'"
        }
    }
}
