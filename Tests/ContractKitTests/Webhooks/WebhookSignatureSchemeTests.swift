import HTTPServer
import Testing

@testable import ContractKit

struct WebhookSignatureSchemeTests {
    static let schemes: [any WebhookSignatureScheme] = [
        StandardWebhooksScheme(), LegacyHexScheme(), LegacyHexScheme(keyDerivation: .decodedSecretBytes),
        V2SignatureScheme(),
    ]
    static let headerNames = ["webhook-id", "webhook-timestamp", "webhook-signature",
                              "X-Webhook-Timestamp", "X-Webhook-Signature"]

    @Test func everySchemeRoundTripsAndNamesItselfInProblems() throws {
        let secret = WebhookTestVectors.Standard.secret
        for scheme in Self.schemes {
            let body = Array("{\"ok\":true}".utf8)
            let headers = try scheme.sign(body: body, secret: secret, id: "msg_9", timestamp: 1_000)
            #expect(scheme.verify(body: body, headers: headers, secret: secret, now: 1_100, tolerance: 300) == .valid)
            let verdict = scheme.verify(body: body, headers: [:], secret: secret, now: 1_100, tolerance: 300)
            #expect(!verdict.isValid)
            #expect(verdict.problems.allSatisfy { $0.scheme == scheme.name && $0.description.hasPrefix(scheme.name) })
        }
    }

    /// Random header values (including near-miss prefixes) and bodies never verify, never
    /// crash, and the secret never appears in what is reported.
    @Test func garbageNeverVerifiesNorLeaksTheSecret() {
        var generator = SeededGenerator(seed: 2104)
        let secret = "whsec_c2VjcmV0Cg=="
        let fragments = ["v1,", "sha256=", " ", ",", "=", "0", "a", "1767225600", "\u{0}", "é", "whsec_"]
        for _ in 0..<500 {
            var headers = HTTPHeaders()
            for name in Self.headerNames where Bool.random(using: &generator) {
                let count = Int.random(in: 0...12, using: &generator)
                let value = (0..<count).map { _ in fragments.randomElement(using: &generator)! }.joined()
                    + String(decoding: generator.bytes(count: Int.random(in: 0...8, using: &generator)), as: UTF8.self)
                headers.add(name: name, value: value)
            }
            let body = generator.bytes(count: Int.random(in: 0...64, using: &generator))
            for scheme in Self.schemes {
                let verdict = scheme.verify(body: body, headers: headers, secret: secret, now: 1_767_225_600,
                                            tolerance: 300)
                #expect(!verdict.isValid)
                #expect(!verdict.problems.isEmpty)
                #expect(verdict.problems.allSatisfy { !$0.description.contains("c2VjcmV0") })
            }
        }
    }
}
