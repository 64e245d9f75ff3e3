/// What a run needs to test webhooks: the started receiver, how events are triggered, how fast the
/// sender's clock runs, and each version's delivery checks.
public struct WebhookHarness: Sendable {
    public var receiver: WebhookReceiver
    /// Real time per observed time: the sandbox's time scale (0.05 runs its schedule 20× faster), 1 for
    /// a real API. Waits in scenarios and the reported retry schedules are scaled by it.
    public var timeScale: Double
    /// Whether `trigger` steps use the sandbox's `POST /_sandbox/events` (else their own request).
    public var triggersThroughSandbox: Bool
    /// The shortest quiet period and overall wait a delivery step uses, whatever the scaling: room
    /// for the latency of a loaded machine, which does not shrink with the time scale.
    public var minimumQuiet: Duration = .milliseconds(300)
    public var minimumTimeout: Duration = .seconds(5)
    /// When the sender's schedule is known (the sandbox's), the real-time seconds by which attempt `n`
    /// (1-based) is sent when every earlier one failed. Waits for a count of attempts end there (plus
    /// the minimum timeout) instead of at the scenario's real-API timeout, so a sender that stops
    /// retrying is reported in seconds rather than after its whole scaled window.
    public var scheduledArrival: (@Sendable (_ attempt: Int) -> Double)?
    /// One webhook scenario per version at a time, shared by every copy of this harness.
    let turns = WebhookTurns()
    let envelopeChecks: [APIVersion: DeliveryEnvelopeCheck]
    let policies: [APIVersion: DeliveryPolicy]

    /// - Parameter specs: the captured specs, whose webhook schemas and delivery policy the checks use.
    public init(
        receiver: WebhookReceiver,
        specs: [APIVersion: OpenAPIDocument],
        timeScale: Double = 1,
        triggersThroughSandbox: Bool
    ) {
        self.receiver = receiver
        self.timeScale = timeScale
        self.triggersThroughSandbox = triggersThroughSandbox
        envelopeChecks = specs.mapValues { DeliveryEnvelopeCheck(document: $0.root) }
        policies = specs.mapValues { DeliveryPolicy(document: $0.root) }
    }

    /// The signature schemes `version` promises on every delivery.
    func signatureCheck(_ version: APIVersion) -> DeliverySignatureCheck {
        let tolerance = policies[version]?.timestampToleranceSeconds ?? DeliveryPolicy.documented.timestampToleranceSeconds
        return switch version {
        case .v3: .v3(tolerance: tolerance)
        case .v2: DeliverySignatureCheck(schemes: [V2SignatureScheme()], tolerance: tolerance)
        }
    }

    /// How long to wait for `count` attempts: the scenario's `milliseconds`, or less when the sender's
    /// schedule says when the last of them is due.
    func timeout(forAttempts count: Int?, milliseconds: Int) -> Duration {
        let scaled = wait(milliseconds, floor: minimumTimeout)
        guard let count, let scheduledArrival else { return scaled }
        let due = Duration.milliseconds(Int64((scheduledArrival(count) * 1000 * timeScale).rounded(.up)))
        return min(scaled, due + minimumTimeout)
    }

    /// `milliseconds` of real-API time as a wait on this target, never below `floor`.
    func wait(_ milliseconds: Int, floor: Duration) -> Duration {
        max(.milliseconds(Int64((Double(milliseconds) * timeScale).rounded(.up))), floor)
    }
}
