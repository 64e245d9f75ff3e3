import Foundation
import HTTPServer

/// Standard Webhooks signing (Linq v3's current scheme).
///
/// Headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`,
/// which holds one or more space-separated `v1,<base64>` entries. The signed content is
/// `{id}.{timestamp}.{raw body}`; the key is the secret without its `whsec_` prefix,
/// base64-decoded.
public struct StandardWebhooksScheme: WebhookSignatureScheme {
    public static let idHeader = "webhook-id"
    public static let timestampHeader = "webhook-timestamp"
    public static let signatureHeader = "webhook-signature"
    public static let secretPrefix = "whsec_"

    public let name = "standard-webhooks"

    public init() {}

    /// The HMAC key for `secret`: `whsec_` (optional) stripped, the rest base64-decoded.
    public static func key(fromSecret secret: String, scheme: String = "standard-webhooks")
        throws(WebhookSecretError) -> [UInt8] {
        let encoded = secret.hasPrefix(secretPrefix) ? String(secret.dropFirst(secretPrefix.count)) : secret
        guard let key = Data(base64Encoded: encoded) else { throw .notBase64(scheme: scheme) }
        guard !key.isEmpty else { throw .empty(scheme: scheme) }
        return Array(key)
    }

    public func sign(body: [UInt8], secret: String, id: String, timestamp: Int) throws(WebhookSecretError)
        -> HTTPHeaders {
        let key = try Self.key(fromSecret: secret, scheme: name)
        let signature = Self.mac(key: key, id: id, timestamp: String(timestamp), body: body)
        return [
            Self.idHeader: id,
            Self.timestampHeader: String(timestamp),
            Self.signatureHeader: "v1," + Data(signature).base64EncodedString(),
        ]
    }

    public func verify(body: [UInt8], headers: HTTPHeaders, secret: String, now: Int, tolerance: Int)
        -> SignatureVerdict {
        var problems: [SignatureProblem] = []
        let id = headers.singleValue(Self.idHeader, scheme: name, problems: &problems)
        let timestamp = headers.timestamp(Self.timestampHeader, scheme: name, now: now, tolerance: tolerance,
                                          problems: &problems)
        let signatureValues = headers.values(for: Self.signatureHeader)
        let signatures = signatureValues.flatMap { $0.split(separator: " ") }.compactMap(Self.v1Signature)
        if signatureValues.isEmpty {
            problems.append(SignatureProblem(scheme: name, kind: .missingHeader(Self.signatureHeader)))
        } else if signatures.isEmpty {
            problems.append(SignatureProblem(
                scheme: name, kind: .malformedHeader(Self.signatureHeader, reason: "no entry of the form v1,<base64>")))
        }
        let key: [UInt8]?
        do { key = try Self.key(fromSecret: secret, scheme: name) } catch {
            problems.append(SignatureProblem(scheme: name, kind: .unusableSecret(error)))
            key = nil
        }
        if let id, let timestamp, let key, !signatures.isEmpty {
            let expected = Self.mac(key: key, id: id, timestamp: timestamp, body: body)
            // Every entry is compared, so the time taken does not reveal which one matched.
            var matched = false
            for signature in signatures { matched = constantTimeEquals(signature, expected) || matched }
            if !matched {
                problems.append(SignatureProblem(scheme: name, kind: .signatureMismatch(Self.signatureHeader)))
            }
        }
        return SignatureVerdict(problems: problems)
    }

    /// The signature bytes of a `v1,<base64>` entry; `nil` for other versions, bad or empty base64.
    private static func v1Signature(_ entry: Substring) -> [UInt8]? {
        guard entry.hasPrefix("v1,"), let bytes = Data(base64Encoded: String(entry.dropFirst(3))),
              !bytes.isEmpty else {
            return nil
        }
        return Array(bytes)
    }

    private static func mac(key: [UInt8], id: String, timestamp: String, body: [UInt8]) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(id.utf8)
        mac.update(CollectionOfOne(UInt8(ascii: ".")))
        mac.update(timestamp.utf8)
        mac.update(CollectionOfOne(UInt8(ascii: ".")))
        mac.update(body)
        return mac.finalize()
    }
}
