/// A contract check the runner applies to every response (shape, enums, error envelope, headers).
///
/// Checks are pure: they look at one exchange in its context and return findings; the runner fills
/// in each finding's ``Finding/location``.
public protocol ResponseCheck: Sendable {
    func check(_ exchange: Exchange, context: CheckContext) -> [Finding]
}

/// One request and the response it got.
public struct Exchange: Sendable, Hashable {
    /// The response body as JSON, or why it is not.
    public enum Body: Sendable, Hashable {
        /// No bytes at all (e.g. 204).
        case empty
        case json(JSONValue)
        /// Bytes that are not JSON (or not UTF-8); the parse error says where.
        case invalid(JSONParseError)
    }

    public var request: TransportRequest
    public var response: TransportResponse
    public var body: Body

    public init(request: TransportRequest, response: TransportResponse) {
        self.request = request
        self.response = response
        if response.body.isEmpty {
            body = .empty
        } else {
            do {
                body = .json(try JSONParser.parse(response.body))
            } catch {
                body = .invalid(error)
            }
        }
    }

    /// The parsed body, when it is JSON.
    public var json: JSONValue? {
        if case .json(let value) = body { value } else { nil }
    }
}

/// What a check needs to know besides the exchange.
public struct CheckContext: Sendable {
    public var version: APIVersion
    /// The captured spec of ``version``.
    public var spec: OpenAPIDocument
    /// The operation the response must conform to: the step's `operationId`, else the spec's
    /// operation for the method and path; `nil` when the spec has none (a finding in itself).
    public var operation: OpenAPIOperation?
    /// The statuses the step expects (empty: any 2xx); a negative-path step expects an error status.
    public var expectedStatuses: [Int]
    public var scenario: String
    public var step: String
    /// The step requests a path the spec does not have on purpose (`request.outsideSpec`), to see how the
    /// target answers an unknown path: the missing ``operation`` is then no finding.
    public var isOutsideSpec: Bool

    public init(
        version: APIVersion,
        spec: OpenAPIDocument,
        operation: OpenAPIOperation?,
        expectedStatuses: [Int],
        scenario: String,
        step: String,
        isOutsideSpec: Bool = false
    ) {
        self.version = version
        self.spec = spec
        self.operation = operation
        self.expectedStatuses = expectedStatuses
        self.scenario = scenario
        self.step = step
        self.isOutsideSpec = isOutsideSpec
    }
}
