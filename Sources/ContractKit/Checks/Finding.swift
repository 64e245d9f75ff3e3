/// One observed contract violation. Findings are data: checks return them, nobody throws them.
public struct Finding: Sendable, Hashable {
    /// Where in the run the finding was made; filled in by the runner.
    public struct Location: Sendable, Hashable {
        public var version: String
        public var scenario: String
        public var step: String

        public init(version: String, scenario: String, step: String) {
            self.version = version
            self.scenario = scenario
            self.step = step
        }
    }

    public var rule: Rule
    public var severity: Severity
    /// One line saying what is wrong.
    public var message: String
    /// JSON pointer into the body (response or delivery) the finding is about; empty for the whole body.
    public var pointer: String
    public var expected: String
    public var actual: String
    public var location: Location?

    public init(
        rule: Rule,
        severity: Severity = .error,
        message: String,
        pointer: String = "",
        expected: String = "",
        actual: String = "",
        location: Location? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.pointer = pointer
        self.expected = expected
        self.actual = actual
        self.location = location
    }
}
