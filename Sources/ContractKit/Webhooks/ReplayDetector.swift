import Synchronization

/// Remembers each delivery's `webhook-id` with a digest of its body, so a receiver can
/// tell a retry (same id, same body) from a replay or a broken sender (same id, other body).
///
/// Safe to share between the receiver's connection handlers. It keeps 32 bytes per id
/// for its lifetime, which is one conformance run.
public final class ReplayDetector: Sendable {
    /// What a delivery's id says about it.
    public enum Observation: Sendable, Hashable {
        /// The id was not seen before.
        case firstDelivery
        /// The id was seen `previousCount` times before, always with this body: a retry.
        case redelivery(previousCount: Int)
        /// The id was seen before with a different body.
        case differentBody(previousCount: Int)
    }

    private struct Entry {
        let bodyDigest: [UInt8]
        var count: Int
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Records a delivery of `body` under `id` and reports how it relates to earlier ones.
    /// The first body seen for an id stays the reference for later ones.
    public func record(id: String, body: [UInt8]) -> Observation {
        let digest = SHA256.hash(body)
        return entries.withLock { entries in
            guard var entry = entries[id] else {
                entries[id] = Entry(bodyDigest: digest, count: 1)
                return .firstDelivery
            }
            let previousCount = entry.count
            entry.count += 1
            entries[id] = entry
            return entry.bodyDigest == digest
                ? .redelivery(previousCount: previousCount) : .differentBody(previousCount: previousCount)
        }
    }
}
