/// `secret.once`: a webhook signing secret appears in a response only where the contract allows.
///
/// v3 returns `signing_secret` once, in the create response; v2 never returns the subscription's
/// `secret`. The secret's value is never copied into the finding.
///
/// It judges one REST response by its operation, status and body, so the runner can apply it to
/// every response of a run.
public struct SecretOnceCheck: Sendable, Hashable {
    /// The member name that carries the secret.
    public var field: String
    /// The operations whose successful responses may carry it.
    public var allowedOperations: Set<String>

    public init(field: String, allowedOperations: Set<String>) {
        self.field = field
        self.allowedOperations = allowedOperations
    }

    /// v3: `signing_secret` only in `createWebhookSubscription`'s response.
    public static let v3 = SecretOnceCheck(field: "signing_secret", allowedOperations: ["createWebhookSubscription"])
    /// v2: `secret` in no response.
    public static let v2 = SecretOnceCheck(field: "secret", allowedOperations: [])

    /// One finding per place in `body` holding a non-null `field`, unless `operationId` answered 2xx
    /// and is allowed to return it.
    public func check(operationId: String?, status: Int, body: JSONValue?) -> [Finding] {
        guard let body else { return [] }
        if let operationId, allowedOperations.contains(operationId), (200..<300).contains(status) { return [] }
        var findings: [Finding] = []
        collect(body, at: .root, operation: operationId ?? "(unknown operation)", status: status, into: &findings)
        return findings
    }

    private func collect(
        _ value: JSONValue, at pointer: JSONPointer, operation: String, status: Int, into findings: inout [Finding]
    ) {
        switch value {
        case .object(let object):
            for (key, member) in object.members {
                let memberPointer = pointer.appending(key)
                if key == field, member != .null {
                    let allowed = allowedOperations.sorted().joined(separator: ", ")
                    findings.append(Finding(
                        rule: .secretOnce,
                        message: "\(operation) (\(status)) returned the webhook secret `\(field)`",
                        pointer: memberPointer.description,
                        expected: allowed.isEmpty ? "never returned" : "only in the 2xx response of \(allowed)",
                        actual: "present (value withheld)"))
                } else {
                    collect(member, at: memberPointer, operation: operation, status: status, into: &findings)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, at: pointer.appending(index: index), operation: operation, status: status,
                        into: &findings)
            }
        default:
            break
        }
    }
}
