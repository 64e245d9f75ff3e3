/// What one webhook subscription asked for, as the delivery checks need it.
///
/// Built by the runner from the subscription it created; `secret` is the v3 `signing_secret`
/// or the v2 `secret`, used only to verify signatures and never written into a finding.
public struct DeliverySubscription: Sendable, Hashable {
    /// The receiver path the subscription's URL points at.
    public var path: String
    /// The signing secret; `nil` when the subscription has none (v2 without `secret`): then no
    /// signature is promised.
    public var secret: String?
    /// The event types the subscription subscribed to.
    public var eventTypes: Set<String>
    /// The lines the subscription is filtered to; empty means every line.
    public var phoneNumbers: [String]
    /// The payload version the subscription's URL asked for (v3 `?version=`); `nil` to accept any.
    public var webhookVersion: String?

    public init(
        path: String,
        secret: String?,
        eventTypes: Set<String>,
        phoneNumbers: [String] = [],
        webhookVersion: String? = nil
    ) {
        self.path = path
        self.secret = secret
        self.eventTypes = eventTypes
        self.phoneNumbers = phoneNumbers
        self.webhookVersion = webhookVersion
    }
}
