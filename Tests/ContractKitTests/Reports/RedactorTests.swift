import Foundation
import HTTPServer
import Testing

@testable import ContractKit

struct RedactorTests {
    static let apiKey = "sk_live_9f8e7d6c5b4a3210"
    static let signingSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Jxx2Oll+OE="

    @Test func redactsEnvironmentTokensWithLabelledMarkers() {
        let redactor = Redactor(environment: [
            "LINQ_API_V3_API_KEY": Self.apiKey, "LINQ_INTEGRATION_TOKEN": "v2-token-abcdef123",
            "LINQ_WEBHOOK_SECRET": "whsec_c2VjcmV0Cg==", "PATH": "/usr/bin",
        ])
        #expect(redactor.redact("key=\(Self.apiKey)!") == "key=[REDACTED: v3 API key]!")
        #expect(redactor.redact("token v2-token-abcdef123 sent") == "token [REDACTED: v2 integration token] sent")
        #expect(redactor.redact("secret whsec_c2VjcmV0Cg==") == "secret [REDACTED: webhook secret]")
        #expect(redactor.redact("/usr/bin") == "/usr/bin")
    }

    @Test func learnsSigningSecretFromABodyAndFindsItEncodedElsewhere() {
        let redactor = Redactor()
        redactor.learn(from: #"{"id":"sub_1","signing_secret":"\#(Self.signingSecret)","events":[]}"#)
        let plain = redactor.redact("later: \(Self.signingSecret).")
        #expect(plain == "later: [REDACTED: signing_secret].")
        let urlEncoded = "https://x.test/hook?s=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Jxx2Oll%2BOE%3D&a=1"
        #expect(!redactor.redact(urlEncoded).contains("MfKQ9r8GKYqr"))
        #expect(!redactor.redact(urlEncoded.lowercasedPercentEscapes).contains("MfKQ9r8GKYqr"))
        let bare = "key bytes from MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Jxx2Oll+OE= decoded"
        #expect(redactor.redact(bare) == "key bytes from [REDACTED: signing_secret] decoded")
    }

    @Test func findsJSONEscapedSlashes() {
        let redactor = Redactor()
        redactor.learn("abc/def+ghi/jkl=", as: "secret")
        #expect(redactor.redact(#"{"s":"abc\/def+ghi\/jkl="}"#) == #"{"s":"[REDACTED: secret]"}"#)
        #expect(redactor.redact("abc%2Fdef%2Bghi%2Fjkl%3D") == "[REDACTED: secret]")
        #expect(redactor.redact("abc%2fdef%2bghi%2fjkl%3d") == "[REDACTED: secret]")
    }

    @Test func redactsSecretNamedMembersEvenInTruncatedBodies() {
        let redactor = Redactor()
        let truncated = #"{"secret": "client-chosen-secret-value", "token":"abc", "signing_secret":"whsec_trunc"#
        let redacted = redactor.redact(truncated)
        #expect(
            redacted == #"{"secret": "[REDACTED: secret]", "token":"[REDACTED: token]", "#
                + #""signing_secret":"[REDACTED: signing_secret]"#
        )
        #expect(
            redactor.redact(#"{"secret_configured": true, "name": "token"}"#)
                == #"{"secret_configured": true, "name": "token"}"#
        )
    }

    @Test func learnsFromQueryParametersAndRedactsThem() {
        let redactor = Redactor()
        redactor.learn(from: "/hooks?api_key=abc%2Bdefghij123&page=2")
        #expect(
            redactor.redact("/hooks?api_key=abc%2Bdefghij123&page=2") == "/hooks?api_key=[REDACTED: api_key]&page=2"
        )
        #expect(redactor.redact("echo abc+defghij123") == "echo [REDACTED: api_key]")
    }

    @Test func shortSecretsDoNotBlankOrdinaryText() {
        let redactor = Redactor(environment: ["LINQ_API_V3_API_KEY": "the"])
        #expect(redactor.redact("the quick fox") == "the quick fox")
        #expect(
            redactor.redactHeader(name: "Authorization", value: "Bearer the")
                == "Bearer [REDACTED: Authorization header]"
        )
    }

    @Test(arguments: [
        ("Authorization", "Bearer sk_live_9f8e7d6c5b4a3210", "Bearer [REDACTED: v3 API key]"),
        ("authorization", "Bearer other-unknown-token", "Bearer [REDACTED: authorization header]"),
        ("X-LINQ-INTEGRATION-TOKEN", "abc", "[REDACTED: X-LINQ-INTEGRATION-TOKEN header]"),
        (
            "webhook-signature", "v1,CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk=",
            "[REDACTED: webhook-signature header]"
        ),
        ("X-Webhook-Signature", "sha256=00ff", "[REDACTED: X-Webhook-Signature header]"),
        ("X-Api-Key", "whatever", "[REDACTED: X-Api-Key header]"),
        ("Content-Type", "application/json", "application/json"),
        ("Location", "/v3/x?token=abcdefgh12", "/v3/x?token=[REDACTED: token]"),
    ])
    func redactsHeaderValues(name: String, value: String, expected: String) {
        let redactor = Redactor(environment: ["LINQ_API_V3_API_KEY": Self.apiKey])
        #expect(redactor.redactHeader(name: name, value: value) == expected)
    }

    @Test func redactingTwiceChangesNothing() {
        let redactor = Redactor(environment: ["LINQ_API_V3_API_KEY": Self.apiKey])
        let once = redactor.redact(#"{"secret":"x-\#(Self.apiKey)"} Bearer \#(Self.apiKey)"#)
        #expect(redactor.redact(once) == once)
        #expect(!once.contains(Self.apiKey))
    }

    @Test func learnsConcurrently() async {
        let redactor = Redactor()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { redactor.learn("concurrent-secret-\(index)", as: "secret \(index)") }
            }
        }
        let text = (0..<50).map { "concurrent-secret-\($0);" }.joined()
        #expect(!redactor.redact(text).contains("concurrent-secret"))
    }
}

extension String {
    fileprivate var lowercasedPercentEscapes: String {
        replacingOccurrences(of: "%2B", with: "%2b").replacingOccurrences(of: "%3D", with: "%3d")
    }
}
