/// What happened in one step: the request as sent, the final response, every attempt, the findings.
///
/// Bodies and headers are kept as received for transcripts; reporters redact them.
public struct StepResult: Sendable, Hashable {
    /// How the step ended.
    public enum Status: Sendable, Hashable {
        /// A response arrived and produced no error-severity finding.
        case passed
        /// A response arrived (or the exchange broke off) and there is at least one error finding.
        case failed
        /// The step could not be carried out (budget spent, read-only refusal, undefined variable).
        case errored(HarnessError)
        /// Not attempted, because an earlier step broke the scenario.
        case skipped(reason: String)
    }

    /// The step's name; cleanup deletes from the ledger are named `cleanup: DELETE <path>`.
    public var name: String
    public var status: Status
    /// The last request sent, `nil` when nothing was sent.
    public var request: TransportRequest?
    /// The final response, `nil` when none arrived.
    public var response: TransportResponse?
    public var attempts: [Attempt]
    /// Every finding of the step, with ``Finding/location`` filled in.
    public var findings: [Finding]
    /// For an `expectDeliveries` step, the first attempt of each event received, in arrival order.
    public var deliveries: [DeliveredEvent]
    public var duration: Duration

    public init(
        name: String,
        status: Status,
        request: TransportRequest? = nil,
        response: TransportResponse? = nil,
        attempts: [Attempt] = [],
        findings: [Finding] = [],
        deliveries: [DeliveredEvent] = [],
        duration: Duration = .zero
    ) {
        self.name = name
        self.status = status
        self.request = request
        self.response = response
        self.attempts = attempts
        self.findings = findings
        self.deliveries = deliveries
        self.duration = duration
    }
}
