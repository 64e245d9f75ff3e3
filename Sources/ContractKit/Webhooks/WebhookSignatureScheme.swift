import HTTPServer

/// One way a webhook sender signs a delivery and a receiver checks it.
///
/// The sandbox signs with ``sign(body:secret:id:timestamp:)``; the receiver checks
/// what a target sent with ``verify(body:headers:secret:now:tolerance:)``, always over
/// the body bytes exactly as they arrived.
public protocol WebhookSignatureScheme: Sendable {
    /// A short stable name, carried by every ``SignatureProblem``.
    var name: String { get }

    /// The signature headers (and the id and timestamp headers the scheme signs) for a
    /// delivery of `body`. Schemes that sign no id or timestamp ignore those arguments.
    func sign(body: [UInt8], secret: String, id: String, timestamp: Int) throws(WebhookSecretError) -> HTTPHeaders

    /// Whether `headers` carry a valid signature of `body` under `secret`, with the
    /// signed timestamp (if any) within `tolerance` seconds of `now` (Unix seconds).
    func verify(body: [UInt8], headers: HTTPHeaders, secret: String, now: Int, tolerance: Int) -> SignatureVerdict
}

extension WebhookSignatureScheme {
    /// Five minutes either way: what the Standard Webhooks reference libraries accept.
    public static var defaultTolerance: Int { 300 }
}

/// Header reading shared by the schemes: each problem is appended, never thrown.
extension HTTPHeaders {
    /// The one value of `name`, or `nil` after recording it as missing or as sent
    /// several times with different values.
    func singleValue(_ name: String, scheme: String, problems: inout [SignatureProblem]) -> String? {
        let values = values(for: name)
        guard let first = values.first else {
            problems.append(SignatureProblem(scheme: scheme, kind: .missingHeader(name)))
            return nil
        }
        guard values.allSatisfy({ $0 == first }) else {
            let reason = "sent \(values.count) times with different values"
            problems.append(SignatureProblem(scheme: scheme, kind: .malformedHeader(name, reason: reason)))
            return nil
        }
        return first
    }

    /// The Unix-seconds timestamp in `name`, checked against `now` ± `tolerance`.
    /// Returns the header text (what was signed) even when the value is out of tolerance.
    func timestamp(_ name: String, scheme: String, now: Int, tolerance: Int,
                   problems: inout [SignatureProblem]) -> String? {
        guard let text = singleValue(name, scheme: scheme, problems: &problems) else { return nil }
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let seconds = Int(text) else {
            problems.append(SignatureProblem(
                scheme: scheme, kind: .malformedHeader(name, reason: "expected Unix seconds as decimal digits")))
            return text
        }
        let age = now - seconds
        if age > tolerance {
            problems.append(SignatureProblem(scheme: scheme, kind: .timestampTooOld(name, skewSeconds: age)))
        } else if -age > tolerance {
            problems.append(SignatureProblem(scheme: scheme, kind: .timestampInFuture(name, skewSeconds: -age)))
        }
        return text
    }
}
