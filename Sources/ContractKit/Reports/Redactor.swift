import HTTPServer
import Synchronization

/// The one place secrets are taken out of everything the suite prints or writes.
///
/// It knows the tokens from the environment (``environmentTokens``) and learns, while the run
/// goes on, every value of a secret-named field seen in a body or URL (``learn(from:)``): a
/// `signing_secret` returned by a create call is then redacted wherever it shows up later, also
/// percent-encoded, JSON-escaped or XML-escaped. Header values of secret-bearing headers are
/// replaced whatever they contain. Each replacement is a marker naming what was removed, such as
/// `[REDACTED: v3 API key]`, so a transcript still shows which credential was sent.
///
/// Values shorter than ``minimumSecretLength`` are not searched for in free text: a four-letter
/// "secret" would blank out every occurrence of an ordinary word. They are still removed where
/// they are values of secret-named headers, members or parameters. Real Linq tokens and
/// `whsec_` secrets are far longer.
///
/// Thread-safe: the runner learns from concurrent steps while reporters redact.
public final class Redactor: Sendable {
    /// Environment variables holding credentials, with the marker label for each.
    public static let environmentTokens: [(variable: String, label: String)] = [
        ("LINQ_API_V3_API_KEY", "v3 API key"),
        ("LINQ_INTEGRATION_TOKEN", "v2 integration token"),
        ("LINQ_WEBHOOK_SECRET", "webhook secret"),
    ]

    /// Headers whose values are always replaced, besides any header named like a secret.
    public static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-linq-integration-token", "webhook-signature",
        "x-webhook-signature", "cookie", "set-cookie",
    ]

    /// Shorter values are not searched for in free text (see the type's documentation).
    public static let minimumSecretLength = 8

    private struct State {
        var labels: [String: String] = [:]
        var patterns = SecretPatterns()
    }

    private let state = Mutex(State())

    /// A redactor knowing the tokens found in `environment` (pass `ProcessInfo.processInfo.environment`).
    public convenience init(environment: [String: String]) {
        self.init()
        for (variable, label) in Self.environmentTokens {
            if let value = environment[variable] { learn(value, as: label) }
        }
    }

    /// A redactor that knows no secret yet.
    public init() {}

    /// The marker that replaces a value of the given kind.
    public static func marker(_ label: String) -> String { "[REDACTED: \(label)]" }

    /// Remembers `secret` so that every later ``redact(_:)`` removes it; the first label wins.
    public func learn(_ secret: String, as label: String) {
        let trimmed = secret.trimmingWhitespace
        guard trimmed.utf8.count >= Self.minimumSecretLength, !trimmed.hasPrefix("[REDACTED") else { return }
        state.withLock { state in
            guard state.labels[trimmed] == nil else { return }
            state.labels[trimmed] = label
            state.patterns.add(secret: trimmed, marker: Self.marker(label))
        }
    }

    /// Learns every value of a secret-named JSON member or query parameter in `text`
    /// (a request or response body, a URL), labelled with the field's name.
    public func learn(from text: String) {
        for match in SensitiveFields.redact(text, marker: Self.marker).matches {
            learn(match.value, as: match.name)
        }
    }

    /// Learns from a body given as bytes (decoded leniently as UTF-8).
    public func learn(fromBody body: [UInt8]) {
        guard !body.isEmpty else { return }
        learn(from: String(decoding: body, as: UTF8.self))
    }

    /// `text` with every known secret and every value of a secret-named field replaced.
    ///
    /// Idempotent, and safe to apply to a whole serialized report as a last line of defence.
    public func redact(_ text: String) -> String {
        let patterns = state.withLock { $0.patterns }
        return SensitiveFields.redact(patterns.replace(in: text), marker: Self.marker).text
    }

    /// The value to show for header `name`: secret-bearing headers keep only their auth scheme
    /// (`Bearer [REDACTED: v3 API key]`); other headers go through ``redact(_:)``.
    public func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        guard Self.secretHeaders.contains(lower) || SensitiveFields.isSensitive(lower) else {
            return redact(value)
        }
        var scheme = ""
        var credential = value.trimmingWhitespace
        if let space = credential.firstIndex(of: " "),
            credential[..<space].allSatisfy({ $0.isASCII && $0.isLetter }),
            ["authorization", "proxy-authorization"]
                .contains(lower)
        {
            scheme = String(credential[..<space]) + " "
            credential = String(credential[space...]).trimmingWhitespace
        }
        let label = state.withLock { $0.labels[credential] } ?? "\(name) header"
        return scheme + Self.marker(label)
    }

    /// `headers` with every value passed through ``redactHeader(name:value:)``.
    public func redact(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.fields.map { ($0.name, redactHeader(name: $0.name, value: $0.value)) })
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
