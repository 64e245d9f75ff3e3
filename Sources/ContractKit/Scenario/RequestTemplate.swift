import HTTPServer

/// The request a step sends, before variable substitution.
///
/// Every string (path, query values, header values, strings inside ``body``) may contain
/// `{{variable}}` placeholders; see ``TemplateString``.
public struct RequestTemplate: Sendable, Hashable {
    /// Which credentials the request carries.
    public enum Auth: String, Sendable, Hashable, CaseIterable {
        /// The version's token from the environment, in the version's header.
        case `default`
        /// No credentials at all.
        case none
        /// A syntactically valid but wrong token, to provoke 401.
        case invalid
    }

    /// A query parameter; kept in order, duplicates allowed.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The method token, upper-case (`GET`, `POST`, …).
    public var method: String
    /// The path below the version's base URL, starting with `/`.
    public var path: String
    public var query: [QueryItem]
    public var headers: HTTPHeaders
    /// A JSON body; a string that is exactly `"{{name}}"` takes the variable's JSON type.
    public var body: JSONValue?
    /// Bytes sent verbatim instead of ``body`` (to send malformed JSON); only one of the two is set.
    public var rawBody: String?
    public var auth: Auth
    /// The path is one the spec does not have, on purpose (`"outsideSpec": true`): the step probes how the
    /// target answers an unknown path. The scenario check then requires that no operation matches, and
    /// the response is checked only as an error in the version's envelope.
    public var isOutsideSpec: Bool

    public init(
        method: String,
        path: String,
        query: [QueryItem] = [],
        headers: HTTPHeaders = [:],
        body: JSONValue? = nil,
        rawBody: String? = nil,
        auth: Auth = .default,
        isOutsideSpec: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
        self.auth = auth
        self.isOutsideSpec = isOutsideSpec
    }
}
