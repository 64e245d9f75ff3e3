/// `secret.once`: a webhook signing secret appears in a response only where the contract allows.
///
/// v3 returns `signing_secret` once, in the create response; v2 never returns the subscription's
/// `secret`. The secret's value is never copied into the finding.
///
/// The runner applies it to every response; ``check(version:operationId:status:body:)`` is the same
/// judgement for callers without an exchange.
public struct SecretOnceCheck: ResponseCheck, Hashable {
    public init() {}

    public func check(_ exchange: Exchange, context: CheckContext) -> [Finding] {
        check(
            version: context.version,
            operationId: context.operation?.operationId,
            status: exchange.response.status,
            body: exchange.json
        )
    }

    /// One finding per place in `body` holding a non-null secret member, unless `operationId` answered
    /// 2xx and is allowed to return it.
    public func check(version: APIVersion, operationId: String?, status: Int, body: JSONValue?) -> [Finding] {
        guard let body else { return [] }
        let (field, allowedOperations): (String, Set<String>) =
            switch version {
            case .v3: ("signing_secret", ["createWebhookSubscription"])
            case .v2: ("secret", [])
            }
        if let operationId, allowedOperations.contains(operationId), (200..<300).contains(status) { return [] }
        var findings: [Finding] = []
        let context = Context(
            field: field,
            operation: operationId ?? "(unknown operation)",
            status: status,
            expected: allowedOperations.isEmpty
                ? "never returned" : "only in the 2xx response of " + allowedOperations.sorted().joined(separator: ", ")
        )
        collect(body, at: .root, context, into: &findings)
        return findings
    }

    private struct Context {
        let field: String
        let operation: String
        let status: Int
        let expected: String
    }

    private func collect(
        _ value: JSONValue,
        at pointer: JSONPointer,
        _ context: Context,
        into findings: inout [Finding]
    ) {
        switch value {
        case .object(let object):
            for (key, member) in object.members {
                let memberPointer = pointer.appending(key)
                if key == context.field, member != .null {
                    findings.append(
                        Finding(
                            rule: .secretOnce,
                            message: "\(context.operation) (\(context.status)) returned the webhook secret `\(key)`",
                            pointer: memberPointer.description,
                            expected: context.expected,
                            actual: "present (value withheld)"
                        )
                    )
                } else {
                    collect(member, at: memberPointer, context, into: &findings)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, at: pointer.appending(index: index), context, into: &findings)
            }
        default:
            break
        }
    }
}
