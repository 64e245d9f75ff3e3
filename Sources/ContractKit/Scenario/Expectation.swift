/// What a step's response must look like, and what to take from it.
public struct Expectation: Sendable, Hashable {
    /// A variable to set from the response body.
    public struct Capture: Sendable, Hashable {
        /// The variable name later steps use as `{{name}}`.
        public var name: String
        /// RFC 6901 JSON pointer into the response body (`/id`, `/webhook_subscription/id`).
        public var pointer: JSONPointer

        public init(name: String, pointer: JSONPointer) {
            self.name = name
            self.pointer = pointer
        }
    }

    /// The statuses that count as success; empty means any 2xx.
    public var statuses: [Int]
    /// The operation whose response schema the body must match; `nil` means the one the spec
    /// declares for the step's method and path.
    public var operationID: String?
    public var captures: [Capture]
    public var assertions: [Assertion]

    public init(
        statuses: [Int] = [],
        operationID: String? = nil,
        captures: [Capture] = [],
        assertions: [Assertion] = []
    ) {
        self.statuses = statuses
        self.operationID = operationID
        self.captures = captures
        self.assertions = assertions
    }

    /// Whether `status` is one the step expects.
    public func accepts(status: Int) -> Bool {
        statuses.isEmpty ? (200..<300).contains(status) : statuses.contains(status)
    }
}
