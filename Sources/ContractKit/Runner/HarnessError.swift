/// A failure of the harness itself: a bad scenario file, bad configuration, a refused request.
///
/// Contract violations are never `HarnessError`s; they are ``Finding``s. The message says what
/// is wrong, the location says where, and the hint says what to do about it.
public struct HarnessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; stable, so callers can branch on it and tests can assert it.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A scenario file that cannot be read, parsed or checked against the spec.
        public static let invalidScenario = Code(rawValue: "invalid-scenario")
        /// Flags or environment variables that do not make a valid run.
        public static let invalidConfiguration = Code(rawValue: "invalid-configuration")
        /// A variable used in a template has no value at run time.
        public static let undefinedVariable = Code(rawValue: "undefined-variable")
        /// The `--max-requests` budget is spent; the request was not sent.
        public static let budgetExhausted = Code(rawValue: "budget-exhausted")
        /// A non-GET request in read-only mode; the request was not sent.
        public static let readOnlyViolation = Code(rawValue: "read-only-violation")
        /// The run was cancelled (signal or task cancellation) before the request was sent.
        public static let cancelled = Code(rawValue: "cancelled")
    }

    /// Where the failure is: any of file, step and field (a JSON pointer into the file, or a flag).
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public var file: String?
        public var step: String?
        public var field: String?

        public init(file: String? = nil, step: String? = nil, field: String? = nil) {
            self.file = file
            self.step = step
            self.field = field
        }

        public var description: String {
            var parts: [String] = []
            if let file { parts.append(file) }
            if let step { parts.append("step '\(step)'") }
            if let field { parts.append(field.hasPrefix("-") ? field : "field '\(field)'") }
            return parts.joined(separator: ", ")
        }
    }

    public var code: Code
    /// What went wrong, in one sentence.
    public var message: String
    public var location: Location
    /// What to do about it, in one sentence.
    public var hint: String

    public init(_ code: Code, _ message: String, at location: Location = .init(), hint: String = "") {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String {
        let place = location.description
        var text = place.isEmpty ? message : "\(place): \(message)"
        if !hint.isEmpty { text += "; \(hint)" }
        return text
    }
}
