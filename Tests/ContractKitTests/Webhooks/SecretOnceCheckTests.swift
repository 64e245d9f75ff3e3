import ContractKit
import Testing

@Suite("SecretOnceCheck")
struct SecretOnceCheckTests {
    private let check = SecretOnceCheck()
    private let secret = "whsec_c2VjcmV0Cg=="

    @Test("v3: the create response may carry signing_secret, nothing else may")
    func v3() {
        let created: JSONValue = ["id": "s1", "signing_secret": .string(secret)]
        #expect(check.check(version: .v3, operationId: "createWebhookSubscription", status: 201, body: created).isEmpty)
        let get = check.check(version: .v3, operationId: "getWebhookSubscription", status: 200, body: created)
        #expect(get.map(\.rule) == [.secretOnce])
        #expect(get.first?.pointer == "/signing_secret")
        #expect(!get.contains { $0.message.contains(secret) || $0.actual.contains(secret) })
        let list: JSONValue = ["subscriptions": [["id": "s1"], ["id": "s2", "signing_secret": .string(secret)]]]
        let listed = check.check(version: .v3, operationId: "listWebhookSubscriptions", status: 200, body: list)
        #expect(listed.map(\.pointer) == ["/subscriptions/1/signing_secret"])
        let failedCreate = check.check(
            version: .v3,
            operationId: "createWebhookSubscription",
            status: 400,
            body: created
        )
        #expect(failedCreate.count == 1)
    }

    @Test("v2: no response carries the secret, not even create; null is not a secret")
    func v2() {
        let created: JSONValue = ["webhook_subscription": ["id": 1, "secret": "shh", "secret_configured": true]]
        let findings = check.check(version: .v2, operationId: "createWebhookSubscription", status: 201, body: created)
        #expect(findings.map(\.pointer) == ["/webhook_subscription/secret"])
        let withNull: JSONValue = ["webhook_subscription": ["id": 1, "secret": nil]]
        #expect(
            check.check(version: .v2, operationId: "createWebhookSubscription", status: 201, body: withNull)
                .isEmpty
        )
        #expect(check.check(version: .v2, operationId: nil, status: 204, body: nil).isEmpty)
    }
}
