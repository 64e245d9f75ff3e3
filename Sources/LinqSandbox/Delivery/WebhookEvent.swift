import Foundation

/// An event triggered through `POST /_sandbox/events`, before it is fanned out to subscriptions.
struct WebhookEvent: Sendable, Hashable {
    var api: SandboxAPI
    var eventType: String
    /// The line the event happened on; subscriptions filtered to other lines do not get it.
    var phoneNumber: String?
    /// The deduplication id, the same for every subscription and every attempt.
    var eventID: String
    var traceID: String
    var createdAt: Date
    /// Sandbox-only scoping: when set, only subscriptions whose target URL contains it get the event,
    /// so concurrent test scenarios each see only their own deliveries. A real sender has no such filter.
    var targetURLContains: String? = nil
    /// The faults active on the triggering request.
    var faults: Set<SandboxFault>
}

extension WebhookEvent {
    func isScoped(to targetURL: String) -> Bool {
        targetURLContains.map { targetURL.contains($0) } ?? true
    }
}
