/// One path of the webhook receiver a scenario uses, with the answers it gives to deliveries.
///
/// Each scenario run gets its own prefix on the receiver (`/hooks/<run id>/<uuid>`), so the same
/// path in two scenarios, or in two runs of one scenario, never shares deliveries or a script.
public struct ReceiverEndpoint: Sendable, Hashable {
    /// The path below the scenario run's prefix, starting with `/` (`/a`).
    public var path: String
    /// The answers to successive deliveries; the last repeats.
    public var script: WebhookReceiver.Script

    public init(path: String, script: WebhookReceiver.Script = .acknowledge) {
        self.path = path
        self.script = script
    }
}
