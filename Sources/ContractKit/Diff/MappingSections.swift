/// How each version authenticates: the same token, sent in a different header.
public struct AuthMapping: Sendable, Hashable {
    /// One version's scheme: the spec's `securitySchemes` name and the header it sends.
    public struct Scheme: Sendable, Hashable {
        public var securityScheme: String
        public var header: String
        /// The header value with a `{token}` placeholder, e.g. `Bearer {token}`.
        public var value: String

        /// The header value for `token`.
        public func headerValue(token: String) -> String {
            value.replacingOccurrences(of: "{token}", with: token)
        }
    }

    public var v2: Scheme
    public var v3: Scheme
    public var sameToken: Bool
    public var reason: String?
}

/// Who chooses the webhook signing secret and when it is visible.
public struct SecretMapping: Sendable, Hashable {
    /// One version's handling, as the mapping file writes it.
    public struct Side: Sendable, Hashable {
        public var field: FieldPath
        /// `request` or `response`.
        public var location: String
        /// `client` or `server`.
        public var origin: String
        /// `false`, `true` or `"once"` in the file.
        public var returned: JSONValue
    }

    public var v2: Side
    public var v3: Side
    public var reason: String?
}

/// The webhook signature schemes each version sends.
public struct SignatureMapping: Sendable, Hashable {
    /// One scheme; `scheme` is the name the Webhooks module gives it (`v2-sha256`, `standard-webhooks`, `legacy-hex`).
    public struct Scheme: Sendable, Hashable {
        public var scheme: String
        public var headers: [String]
        public var value: String
        public var signed: String
        public var key: String
        public var when: String
    }

    public var v2: [Scheme]
    public var v3: [Scheme]
}

/// How v2 error bodies and statuses translate to the v3 error envelope.
public struct ErrorMapping: Sendable, Hashable {
    /// A v2 error schema and how its fields land in the v3 envelope.
    public struct Shape: Sendable, Hashable {
        /// Reference to the v2 schema, e.g. `#/components/schemas/StandardError`.
        public var v2: String
        public var usedBy: String?
        public var body: BodyMapping
    }

    /// A v2 status, the v3 status that replaces it and the v3 codes that carry the same meaning.
    public struct Status: Sendable, Hashable {
        public var v2: Int
        public var v3: Int
        public var v3Codes: [Int]
        public var reason: String?
    }

    /// Reference to the v3 envelope schema.
    public var v3Envelope: String
    /// Reference to the list of known v3 codes.
    public var v3Codes: String
    public var shapes: [Shape]
    public var statuses: [Status]

    /// The translation of v2 `status`, if the mapping has one.
    public func status(v2 status: Int) -> Status? {
        statuses.first { $0.v2 == status }
    }
}
