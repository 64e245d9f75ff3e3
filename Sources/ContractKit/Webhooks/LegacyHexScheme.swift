import HTTPServer

/// How the legacy scheme turns the signing secret into the HMAC key.
///
/// The documentation's examples use the secret string's UTF-8 bytes; whether that still
/// holds for `whsec_`-formatted secrets is unpublished, so the suite can test both and
/// report which one the target uses.
public enum LegacyKeyDerivation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The whole secret string (including any `whsec_` prefix), UTF-8 encoded.
    case secretStringBytes
    /// The Standard Webhooks key: `whsec_` stripped, the rest base64-decoded.
    case decodedSecretBytes

    public var description: String { rawValue }
}

/// Linq v3's deprecated signing, still sent beside Standard Webhooks.
///
/// `X-Webhook-Timestamp` (Unix seconds) and `X-Webhook-Signature`, the lowercase hex
/// HMAC-SHA256 of `{timestamp}.{raw body}`, with no `sha256=` prefix.
public struct LegacyHexScheme: WebhookSignatureScheme {
    public static let timestampHeader = "X-Webhook-Timestamp"
    public static let signatureHeader = "X-Webhook-Signature"

    public let name = "legacy-hex"
    public var keyDerivation: LegacyKeyDerivation

    public init(keyDerivation: LegacyKeyDerivation = .secretStringBytes) {
        self.keyDerivation = keyDerivation
    }

    public func sign(body: [UInt8], secret: String, id: String, timestamp: Int) throws(WebhookSecretError)
        -> HTTPHeaders {
        let key = try key(fromSecret: secret, derivation: keyDerivation)
        return [
            Self.timestampHeader: String(timestamp),
            Self.signatureHeader: Hex.encode(Self.mac(key: key, timestamp: String(timestamp), body: body)),
        ]
    }

    public func verify(body: [UInt8], headers: HTTPHeaders, secret: String, now: Int, tolerance: Int)
        -> SignatureVerdict {
        var problems: [SignatureProblem] = []
        let timestamp = headers.timestamp(Self.timestampHeader, scheme: name, now: now, tolerance: tolerance,
                                          problems: &problems)
        let signature = receivedSignature(headers, problems: &problems)
        let key: [UInt8]?
        do { key = try self.key(fromSecret: secret, derivation: keyDerivation) } catch {
            problems.append(SignatureProblem(scheme: name, kind: .unusableSecret(error)))
            key = nil
        }
        if let timestamp, let signature, let key,
           !constantTimeEquals(signature, Self.mac(key: key, timestamp: timestamp, body: body)) {
            let other = LegacyKeyDerivation.allCases.first {
                $0 != keyDerivation && matches(signature, body: body, timestamp: timestamp, secret: secret, $0)
            }
            let kind: SignatureProblem.Kind = if let other {
                .keyDerivationMismatch(configured: keyDerivation, matched: other)
            } else {
                .signatureMismatch(Self.signatureHeader)
            }
            problems.append(SignatureProblem(scheme: name, kind: kind))
        }
        return SignatureVerdict(problems: problems)
    }

    /// Which key derivation makes the delivery's signature verify, ignoring the timestamp's
    /// age; `nil` when neither does or the headers are missing or malformed.
    public func detectKeyDerivation(body: [UInt8], headers: HTTPHeaders, secret: String) -> LegacyKeyDerivation? {
        var problems: [SignatureProblem] = []
        guard let timestamp = headers.singleValue(Self.timestampHeader, scheme: name, problems: &problems),
              let signature = receivedSignature(headers, problems: &problems) else { return nil }
        return LegacyKeyDerivation.allCases.first {
            matches(signature, body: body, timestamp: timestamp, secret: secret, $0)
        }
    }

    /// The signature bytes, or `nil` after recording the header as missing or malformed.
    private func receivedSignature(_ headers: HTTPHeaders, problems: inout [SignatureProblem]) -> [UInt8]? {
        guard let text = headers.singleValue(Self.signatureHeader, scheme: name, problems: &problems) else {
            return nil
        }
        let reason: String? = if text.hasPrefix("sha256=") {
            "has a sha256= prefix; the legacy v3 scheme sends bare hex (the prefix is v2's)"
        } else if text.utf8.count != 2 * SHA256.digestByteCount || !Hex.isLowercaseHex(text) {
            "expected 64 lowercase hex digits"
        } else {
            nil
        }
        if let reason {
            problems.append(SignatureProblem(
                scheme: name, kind: .malformedHeader(Self.signatureHeader, reason: reason)))
            return nil
        }
        return Hex.decode(text)
    }

    private func matches(_ signature: [UInt8], body: [UInt8], timestamp: String, secret: String,
                         _ derivation: LegacyKeyDerivation) -> Bool {
        guard let key = try? key(fromSecret: secret, derivation: derivation) else { return false }
        return constantTimeEquals(signature, Self.mac(key: key, timestamp: timestamp, body: body))
    }

    private func key(fromSecret secret: String, derivation: LegacyKeyDerivation) throws(WebhookSecretError)
        -> [UInt8] {
        switch derivation {
        case .secretStringBytes:
            guard !secret.isEmpty else { throw .empty(scheme: name) }
            return Array(secret.utf8)
        case .decodedSecretBytes:
            return try StandardWebhooksScheme.key(fromSecret: secret, scheme: name)
        }
    }

    private static func mac(key: [UInt8], timestamp: String, body: [UInt8]) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(timestamp.utf8)
        mac.update(CollectionOfOne(UInt8(ascii: ".")))
        mac.update(body)
        return mac.finalize()
    }
}
