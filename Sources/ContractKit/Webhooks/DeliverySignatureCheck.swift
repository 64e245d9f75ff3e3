/// Verifies every delivery under every signature scheme the API version promises, over the raw
/// bytes received, and reports replayed `webhook-id`s.
///
/// v3 promises Standard Webhooks and the legacy hex signature on every delivery; v2 promises
/// `sha256=` when the subscription has a secret. A delivery's timestamps are judged against its
/// arrival time at the receiver.
public struct DeliverySignatureCheck: Sendable {
    /// What the check found over a set of deliveries.
    public struct Report: Sendable, Hashable {
        public var findings: [Finding]
        /// How the target derives the legacy hex key, seen on the first delivery that verifies
        /// under either derivation; `nil` when no legacy scheme is checked or none verified.
        public var legacyKeyDerivation: LegacyKeyDerivation?
    }

    public var schemes: [any WebhookSignatureScheme]
    /// Seconds a signed timestamp may lie from the arrival time, either way.
    public var tolerance: Int

    public init(schemes: [any WebhookSignatureScheme], tolerance: Int = StandardWebhooksScheme.defaultTolerance) {
        self.schemes = schemes
        self.tolerance = tolerance
    }

    /// Linq v3: Standard Webhooks and the legacy hex scheme with the expected key derivation.
    public static func v3(
        legacyKeyDerivation: LegacyKeyDerivation = .secretStringBytes,
        tolerance: Int = StandardWebhooksScheme.defaultTolerance
    ) -> DeliverySignatureCheck {
        DeliverySignatureCheck(
            schemes: [StandardWebhooksScheme(), LegacyHexScheme(keyDerivation: legacyKeyDerivation)],
            tolerance: tolerance
        )
    }

    /// Linq v2: `X-Webhook-Signature: sha256=<hex>`.
    public static let v2 = DeliverySignatureCheck(schemes: [V2SignatureScheme()])

    /// Checks `deliveries` (of one subscription, or several that share `secret`). With no secret
    /// nothing is promised, so only replays are looked for.
    public func check(_ deliveries: [ReceivedDelivery], secret: String?) -> Report {
        var findings: [Finding] = []
        var derivation: LegacyKeyDerivation?
        for delivery in deliveries {
            guard let secret else { break }
            let now = Int(delivery.arrivedAt.timeIntervalSince1970.rounded(.down))
            for scheme in schemes {
                let verdict = scheme.verify(
                    body: delivery.body,
                    headers: delivery.headers,
                    secret: secret,
                    now: now,
                    tolerance: tolerance
                )
                findings += verdict.problems.map { Self.finding($0, delivery) }
                if derivation == nil, let legacy = scheme as? LegacyHexScheme {
                    derivation = legacy.detectKeyDerivation(
                        body: delivery.body,
                        headers: delivery.headers,
                        secret: secret
                    )
                }
            }
        }
        findings += Self.replays(in: deliveries)
        return Report(findings: findings, legacyKeyDerivation: derivation)
    }

    /// A `webhook-id` seen again on the same path with another body: a retry must resend the
    /// same bytes, so this is a replay or a sender reusing ids.
    private static func replays(in deliveries: [ReceivedDelivery]) -> [Finding] {
        var detectors: [String: ReplayDetector] = [:]
        var findings: [Finding] = []
        for delivery in deliveries {
            guard let id = delivery.headers[StandardWebhooksScheme.idHeader] else { continue }
            let detector = detectors[delivery.path] ?? ReplayDetector()
            detectors[delivery.path] = detector
            if case .differentBody(let previous) = detector.record(id: id, body: delivery.body) {
                findings.append(
                    Finding(
                        rule: .webhookReplay,
                        message: "\(delivery.label): webhook-id \(id) was delivered \(previous) time(s) before "
                            + "with a different body",
                        expected: "a webhook-id is reused only by retries of the same bytes",
                        actual: "webhook-id \(id) with another body"
                    )
                )
            }
        }
        return findings
    }

    private static func finding(_ problem: SignatureProblem, _ delivery: ReceivedDelivery) -> Finding {
        let rule: Rule
        let severity: Severity
        switch problem.kind {
        case .timestampTooOld, .timestampInFuture:
            (rule, severity) = (.webhookTimestamp, .error)
        case .keyDerivationMismatch:
            // The docs leave the legacy key open (x-doc-conflicts v3-legacy-signature-key): a
            // target on the other reading is worth knowing, not a broken contract.
            (rule, severity) = (.webhookSignature, .warning)
        default:
            (rule, severity) = (.webhookSignature, .error)
        }
        return Finding(
            rule: rule,
            severity: severity,
            message: "\(delivery.label): \(problem)",
            expected: "a valid \(problem.scheme) signature",
            actual: problem.description
        )
    }
}
