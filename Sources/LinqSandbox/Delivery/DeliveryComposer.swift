import ContractKit
import Foundation
import HTTPServer

/// Builds the body and headers of one delivery attempt: the version's envelope and its signatures,
/// with the signing faults applied here and nowhere else.
struct DeliveryComposer: Sendable {
    let specs: SandboxSpecs
    let partnerID: String

    /// A v3 attempt: the v3 envelope, both signature schemes, and the legacy informational headers.
    func v3(
        _ event: WebhookEvent,
        to subscription: V3Subscription,
        eventID: String,
        at now: Date
    ) -> (headers: HTTPHeaders, body: [UInt8]) {
        let version = specs.v3.webhookVersion(for: subscription.targetURL)
        var envelope = JSONObject()
        envelope["api_version"] = "v3"
        envelope["webhook_version"] = .string(version)
        envelope["event_type"] = .string(event.eventType)
        envelope["event_id"] = .string(eventID)
        envelope["created_at"] = .string(SandboxTimestamp.string(event.createdAt))
        envelope["trace_id"] = .string(event.traceID)
        envelope["partner_id"] = .string(partnerID)
        envelope["data"] = specs.v3.sampleData(eventType: event.eventType, version: version)
        let body = JSONValue.object(envelope)
        let bytes = body.serialized()
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "X-Webhook-Event": event.eventType,
            "X-Webhook-Subscription-ID": subscription.id,
        ]
        let signed = signedBytes(body, sent: bytes, event.faults)
        let secret = signingSecret(subscription.signingSecret, event.faults)
        var timestamp = Int(now.timeIntervalSince1970)
        if event.faults.contains(.staleTimestamp) { timestamp -= 600 }
        let schemes: [any WebhookSignatureScheme] = [StandardWebhooksScheme(), LegacyHexScheme()]
        for scheme in schemes {
            // The sandbox makes every secret itself in the `whsec_` format both schemes accept.
            guard let signature = try? scheme.sign(body: signed, secret: secret, id: eventID, timestamp: timestamp)
            else { continue }
            for field in signature.fields { headers[field.name] = field.value }
        }
        return (headers, bytes)
    }

    /// A v2 attempt: the v2 envelope, keys sorted recursively as the v2 docs promise, and
    /// `X-Webhook-Signature: sha256=<hex>` when the subscription has a secret.
    func v2(
        _ event: WebhookEvent,
        to subscription: V2Subscription,
        eventID: String
    ) -> (headers: HTTPHeaders, body: [UInt8]) {
        let body: JSONValue = [
            "api_version": "v2",
            "created_at": .string(SandboxTimestamp.string(event.createdAt)),
            "data": specs.v2.sampleData(eventType: event.eventType, version: EventCatalog.defaultWebhookVersion),
            "event_id": .string(eventID),
            "event_type": .string(event.eventType),
        ]
        let bytes = body.serialized(.sortedKeys)
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let secret = subscription.secret, !event.faults.contains(.v2UnsignedDelivery) {
            let signed = signedBytes(body, sent: bytes, event.faults)
            let key = signingSecret(secret, event.faults)
            let signature = V2SignatureScheme().sign(body: signed, secret: key, id: eventID, timestamp: 0)
            for field in signature.fields { headers[field.name] = field.value }
        }
        return (headers, bytes)
    }

    private func signedBytes(_ body: JSONValue, sent: [UInt8], _ faults: Set<SandboxFault>) -> [UInt8] {
        faults.contains(.signatureOverReserializedBody) ? body.serialized([.prettyPrinted, .sortedKeys]) : sent
    }

    /// The subscription's secret, or under `bad-signature` another valid secret of the same format.
    private func signingSecret(_ secret: String, _ faults: Set<SandboxFault>) -> String {
        guard faults.contains(.badSignature) else { return secret }
        return secret.hasPrefix("whsec_") ? SandboxIdentifiers.signingSecret() : secret + "-wrong"
    }
}
