import Foundation

/// Validation rules the v2 and v3 APIs share.
enum FieldRules {
    /// E.164: `+`, a non-zero digit, then 1–14 more digits.
    static func isE164(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.hasPrefix("+") && (2...15).contains(digits.count)
            && digits.first != UInt8(ascii: "0") && digits.allSatisfy { (48...57).contains($0) }
    }

    /// What kind of webhook target a URL is.
    enum TargetURLKind: Equatable {
        case https
        /// `http://` to 127.0.0.1, `localhost` or `::1`: accepted so local receivers work.
        case loopbackHTTP
        /// `http://` to anywhere else.
        case insecureHTTP
        /// Not an absolute http(s) URL with a host.
        case invalid
    }

    static func classify(targetURL: String) -> TargetURLKind {
        guard let components = URLComponents(string: targetURL), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { return .invalid }
        switch scheme {
        case "https": return .https
        case "http":
            let loopback = ["localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
            return loopback ? .loopbackHTTP : .insecureHTTP
        default: return .invalid
        }
    }
}
