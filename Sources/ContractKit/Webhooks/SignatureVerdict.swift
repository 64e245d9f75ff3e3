/// The outcome of checking one delivery's signature: valid, or every problem found.
public enum SignatureVerdict: Sendable, Hashable {
    case valid
    case invalid([SignatureProblem])

    init(problems: [SignatureProblem]) {
        self = problems.isEmpty ? .valid : .invalid(problems)
    }

    public var isValid: Bool { self == .valid }

    /// The problems found; empty when valid.
    public var problems: [SignatureProblem] {
        if case .invalid(let problems) = self { problems } else { [] }
    }
}

/// One reason a delivery's signature did not verify, naming the scheme that found it.
///
/// Descriptions never contain the secret, so they can go into reports as they are.
public struct SignatureProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The header `name` was not sent.
        case missingHeader(String)
        /// The header `name` was sent but cannot be read as the scheme defines it.
        case malformedHeader(String, reason: String)
        /// The verifier's own secret cannot be turned into a key.
        case unusableSecret(WebhookSecretError)
        /// The signature in header `name` is well-formed but not the MAC of what was received.
        case signatureMismatch(String)
        /// The legacy signature matches only when the key is derived the other way.
        case keyDerivationMismatch(configured: LegacyKeyDerivation, matched: LegacyKeyDerivation)
        /// The timestamp in header `name` is `skewSeconds` old, more than the tolerance.
        case timestampTooOld(String, skewSeconds: Int)
        /// The timestamp in header `name` lies `skewSeconds` in the future, beyond the tolerance.
        case timestampInFuture(String, skewSeconds: Int)
    }

    public let scheme: String
    public let kind: Kind

    public init(scheme: String, kind: Kind) {
        self.scheme = scheme
        self.kind = kind
    }

    public var description: String {
        let detail = switch kind {
        case .missingHeader(let name):
            "header \(name) is missing"
        case .malformedHeader(let name, let reason):
            "header \(name) is malformed: \(reason)"
        case .unusableSecret(let error):
            error.description
        case .signatureMismatch(let name):
            "header \(name) does not match the HMAC-SHA256 of the received body under the configured secret"
        case .keyDerivationMismatch(let configured, let matched):
            "signature matches with the key taken as \(matched), not \(configured) as configured"
        case .timestampTooOld(let name, let skew):
            "header \(name) is \(skew) s old, beyond the tolerance; check the sender's clock or a replay"
        case .timestampInFuture(let name, let skew):
            skew > 1_000_000_000
                ? "header \(name) is \(skew) s in the future; milliseconds? the scheme uses Unix seconds"
                : "header \(name) is \(skew) s in the future, beyond the tolerance; check the sender's clock"
        }
        return "\(scheme): \(detail)"
    }
}
