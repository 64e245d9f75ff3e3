import HTTPServer

/// Linq v2 (Partner API) signing: `X-Webhook-Signature: sha256=<hex>`, the HMAC-SHA256
/// of the raw body keyed with the subscription's secret string. No id or timestamp is
/// signed, so the tolerance does not apply.
public struct V2SignatureScheme: WebhookSignatureScheme {
    public static let signatureHeader = "X-Webhook-Signature"
    public static let prefix = "sha256="

    public let name = "v2-sha256"

    public init() {}

    public func sign(body: [UInt8], secret: String, id: String, timestamp: Int) -> HTTPHeaders {
        [Self.signatureHeader: Self.prefix + Hex.encode(HMACSHA256.authenticationCode(for: body, key: secret.utf8))]
    }

    public func verify(body: [UInt8], headers: HTTPHeaders, secret: String, now: Int, tolerance: Int)
        -> SignatureVerdict {
        var problems: [SignatureProblem] = []
        if secret.isEmpty {
            problems.append(SignatureProblem(scheme: name, kind: .unusableSecret(.empty(scheme: name))))
        }
        guard let text = headers.singleValue(Self.signatureHeader, scheme: name, problems: &problems) else {
            return SignatureVerdict(problems: problems)
        }
        let digits = text.dropFirst(Self.prefix.count)
        let reason: String? = if !text.hasPrefix(Self.prefix) {
            "expected sha256=<hex>; the sha256= prefix is missing"
        } else if digits.utf8.count != 2 * SHA256.digestByteCount || !Hex.isLowercaseHex(digits) {
            "expected 64 lowercase hex digits after sha256="
        } else {
            nil
        }
        if let reason {
            problems.append(SignatureProblem(
                scheme: name, kind: .malformedHeader(Self.signatureHeader, reason: reason)))
        } else if !secret.isEmpty, let signature = Hex.decode(digits),
                  !constantTimeEquals(signature, HMACSHA256.authenticationCode(for: body, key: secret.utf8)) {
            problems.append(SignatureProblem(scheme: name, kind: .signatureMismatch(Self.signatureHeader)))
        }
        return SignatureVerdict(problems: problems)
    }
}
