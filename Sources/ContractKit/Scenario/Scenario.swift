/// A scripted conversation with one API version: steps run in order, then cleanup steps.
///
/// The JSON format is documented in `specs/scenarios/README.md`; ``ScenarioLoader`` reads it
/// and checks it against the captured spec before any request is sent.
public struct Scenario: Sendable, Hashable {
    /// Unique within its version; names the test case and the report entry.
    public var name: String
    public var version: APIVersion
    /// Free-form labels for selection; ``Tag`` names the ones the runner gives meaning to.
    public var tags: [String]
    public var description: String
    /// Default values of the scenario's own variables, overridable by nothing but later captures.
    public var variables: [String: JSONValue]
    public var steps: [ScenarioStep]
    /// Steps that run after ``steps`` whatever happened, before the ledger's deletes.
    public var cleanup: [ScenarioStep]
    /// When `false`, every request is sent once, to observe the server's raw behaviour.
    public var isRetryEnabled: Bool
    /// The webhook receiver paths the scenario's subscriptions point at, with their scripted answers.
    public var receiver: [ReceiverEndpoint]
    /// The file the scenario came from, relative to the scenarios directory (`v3/subscriptions.json`).
    public var file: String

    public init(
        name: String,
        version: APIVersion,
        tags: [String] = [],
        description: String = "",
        variables: [String: JSONValue] = [:],
        steps: [ScenarioStep],
        cleanup: [ScenarioStep] = [],
        isRetryEnabled: Bool = true,
        receiver: [ReceiverEndpoint] = [],
        file: String = ""
    ) {
        self.name = name
        self.version = version
        self.tags = tags
        self.description = description
        self.variables = variables
        self.steps = steps
        self.cleanup = cleanup
        self.isRetryEnabled = isRetryEnabled
        self.receiver = receiver
        self.file = file
    }

    /// Whether the scenario declares receiver paths or has trigger or delivery steps.
    public var usesWebhooks: Bool {
        !receiver.isEmpty
            || (steps + cleanup).contains { step in
                if case .request = step.action { false } else { true }
            }
    }

    /// Whether the scenario carries `tag`.
    public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }
}

extension Scenario {
    /// Tags the runner and the CLI give meaning to; any other string is allowed as a tag too.
    public enum Tag {
        /// Only GET requests; the only scenarios `--read-only` runs.
        public static let readOnly = "read-only"
        /// Creates, changes or deletes resources.
        public static let writes = "writes"
        /// Needs the webhook receiver (`{{receiver.url}}`).
        public static let webhooks = "webhooks"
        /// Takes long against a real API (waits for delivery retries or rate limits): skipped there
        /// unless `--tag slow` is given; the sandbox runs it in accelerated time.
        public static let slow = "slow"
        /// Relies on sandbox-only behaviour (fault profiles); skipped against real deployments.
        public static let sandboxOnly = "sandbox-only"
    }
}
