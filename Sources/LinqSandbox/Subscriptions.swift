import Foundation

/// A v3 webhook subscription as the sandbox stores it.
struct V3Subscription: Sendable, Hashable {
    var id: String
    /// The partner whose API key created it; others get 403 (2005).
    var partnerID: String
    var targetURL: String
    var subscribedEvents: [String]
    /// `nil` means every line.
    var phoneNumbers: [String]?
    var isActive: Bool
    var signingSecret: String
    var createdAt: Date
    var updatedAt: Date
}

/// A v2 webhook subscription as the sandbox stores it.
struct V2Subscription: Sendable, Hashable {
    var id: Int
    var webhookURL: String
    var version: Int
    var events: [String]
    var active: Bool
    /// The client-chosen signing secret; never returned, only reported as `secret_configured`.
    var secret: String?
    var lastDeliveredAt: Date?
    var deliveryAttempts: Int
    var createdAt: Date
    var updatedAt: Date
}

extension V3Subscription {
    /// Whether an event of `eventType` on the line `phoneNumber` goes to this subscription.
    func matches(eventType: String, phoneNumber: String?, ignoringPhoneFilter: Bool) -> Bool {
        guard isActive, subscribedEvents.contains(eventType) else { return false }
        guard !ignoringPhoneFilter, let filter = phoneNumbers, !filter.isEmpty else { return true }
        guard let phoneNumber else { return false }
        return filter.contains(phoneNumber)
    }
}
