import Foundation

/// Everything the sandbox remembers, as one value so that one lock guards it whole.
///
/// Each method is one atomic step of a request (a uniqueness check and the insert
/// it guards happen under the same lock).
struct SandboxState: Sendable {
    private(set) var v3Subscriptions: [V3Subscription] = []
    private(set) var v2Subscriptions: [V2Subscription] = []
    private(set) var deliveries: [DeliveryRecord] = []
    private var nextV2ID = 1

    /// Why a v3 change was refused.
    enum V3Conflict: Error, Equatable {
        case targetURLInUse
    }

    func v3Subscriptions(of partnerID: String) -> [V3Subscription] {
        v3Subscriptions.filter { $0.partnerID == partnerID }
    }

    func v3Subscription(id: String) -> V3Subscription? {
        v3Subscriptions.first { $0.id == id }
    }

    mutating func insertV3(_ subscription: V3Subscription, enforcingUniqueURL: Bool) throws(V3Conflict) {
        if enforcingUniqueURL, isInUse(subscription.targetURL, by: subscription.partnerID, except: nil) {
            throw .targetURLInUse
        }
        v3Subscriptions.append(subscription)
    }

    /// Applies `change` to the subscription `id` and returns the result, or `nil` when there is no such id.
    mutating func updateV3(
        id: String,
        enforcingUniqueURL: Bool,
        _ change: (inout V3Subscription) -> Void
    ) throws(V3Conflict) -> V3Subscription? {
        guard let index = v3Subscriptions.firstIndex(where: { $0.id == id }) else { return nil }
        var updated = v3Subscriptions[index]
        change(&updated)
        if enforcingUniqueURL, updated.targetURL != v3Subscriptions[index].targetURL,
            isInUse(updated.targetURL, by: updated.partnerID, except: id)
        {
            throw .targetURLInUse
        }
        v3Subscriptions[index] = updated
        return updated
    }

    @discardableResult
    mutating func removeV3(id: String) -> Bool {
        guard let index = v3Subscriptions.firstIndex(where: { $0.id == id }) else { return false }
        v3Subscriptions.remove(at: index)
        return true
    }

    private func isInUse(_ targetURL: String, by partnerID: String, except id: String?) -> Bool {
        v3Subscriptions.contains { $0.partnerID == partnerID && $0.targetURL == targetURL && $0.id != id }
    }

    /// Stores a new v2 subscription under the next integer id and returns it.
    mutating func insertV2(_ make: (Int) -> V2Subscription) -> V2Subscription {
        let subscription = make(nextV2ID)
        nextV2ID += 1
        v2Subscriptions.append(subscription)
        return subscription
    }

    mutating func updateV2(id: Int, _ change: (inout V2Subscription) -> Void) -> V2Subscription? {
        guard let index = v2Subscriptions.firstIndex(where: { $0.id == id }) else { return nil }
        change(&v2Subscriptions[index])
        return v2Subscriptions[index]
    }

    @discardableResult
    mutating func removeV2(id: Int) -> Bool {
        guard let index = v2Subscriptions.firstIndex(where: { $0.id == id }) else { return false }
        v2Subscriptions.remove(at: index)
        return true
    }

    /// Records one delivery attempt; a v2 attempt also counts on its subscription.
    mutating func record(_ delivery: DeliveryRecord) {
        deliveries.append(delivery)
        guard delivery.api == .v2, let id = Int(delivery.subscriptionID) else { return }
        _ = updateV2(id: id) { subscription in
            subscription.deliveryAttempts += 1
            if let status = delivery.status, (200..<300).contains(status) {
                subscription.lastDeliveredAt = delivery.sentAt
            }
        }
    }
}
