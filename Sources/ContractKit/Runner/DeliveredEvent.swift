/// The first attempt of one event a webhook step received: what the live v2 ↔ v3 diff compares.
///
/// Kept in memory only: the reporters do not render it, since payloads may carry secrets and
/// personal data the redactor does not know about.
public struct DeliveredEvent: Sendable, Hashable {
    /// The envelope's `event_type`, `nil` when the body has none.
    public var eventType: String?
    /// The parsed body of the first attempt.
    public var payload: JSONValue

    public init(eventType: String?, payload: JSONValue) {
        self.eventType = eventType
        self.payload = payload
    }
}
