import HTTPServer
import Testing

@testable import ContractKit

struct LegacyHexSchemeTests {
    let secret = WebhookTestVectors.Standard.secret
    let body = WebhookTestVectors.Standard.body
    let timestamp = WebhookTestVectors.timestamp

    var vectorHeaders: HTTPHeaders {
        ["X-Webhook-Timestamp": String(timestamp), "X-Webhook-Signature": WebhookTestVectors.Legacy.signature]
    }

    func verify(using scheme: LegacyHexScheme = LegacyHexScheme(), body: [UInt8]? = nil, _ headers: HTTPHeaders,
                secret: String? = nil, now: Int? = nil) -> SignatureVerdict {
        scheme.verify(body: body ?? self.body, headers: headers, secret: secret ?? self.secret,
                      now: now ?? timestamp, tolerance: 300)
    }

    func problem(_ kind: SignatureProblem.Kind) -> SignatureVerdict {
        .invalid([SignatureProblem(scheme: "legacy-hex", kind: kind)])
    }

    @Test func vectorVerifiesWithTheDocumentedStringKey() throws {
        #expect(LegacyHexScheme().keyDerivation == .secretStringBytes)
        #expect(verify(vectorHeaders) == .valid)
        #expect(try LegacyHexScheme().sign(body: body, secret: secret, id: "ignored", timestamp: timestamp)
            == vectorHeaders)
    }

    @Test func otherDerivationIsNamedWhenItIsTheOneThatMatches() throws {
        let decoded = LegacyHexScheme(keyDerivation: .decodedSecretBytes)
        #expect(verify(using: decoded, vectorHeaders)
            == problem(.keyDerivationMismatch(configured: .decodedSecretBytes, matched: .secretStringBytes)))

        let signedDecoded = try decoded.sign(body: body, secret: secret, id: "", timestamp: timestamp)
        #expect(signedDecoded != vectorHeaders)
        #expect(verify(using: decoded, signedDecoded) == .valid)
        #expect(verify(signedDecoded)
            == problem(.keyDerivationMismatch(configured: .secretStringBytes, matched: .decodedSecretBytes)))
    }

    @Test func detectKeyDerivation() throws {
        let scheme = LegacyHexScheme()
        #expect(scheme.detectKeyDerivation(body: body, headers: vectorHeaders, secret: secret) == .secretStringBytes)
        let signedDecoded = try LegacyHexScheme(keyDerivation: .decodedSecretBytes)
            .sign(body: body, secret: secret, id: "", timestamp: timestamp)
        #expect(scheme.detectKeyDerivation(body: body, headers: signedDecoded, secret: secret) == .decodedSecretBytes)
        #expect(scheme.detectKeyDerivation(body: body + [1], headers: vectorHeaders, secret: secret) == nil)
        #expect(scheme.detectKeyDerivation(body: body, headers: [:], secret: secret) == nil)
        // Detection ignores the timestamp's age: a capture can be examined long after.
        #expect(scheme.detectKeyDerivation(body: body, headers: vectorHeaders, secret: secret) != nil)
    }

    @Test func tamperedBodyTimestampOrSecretIsAMismatch() {
        var tampered = body
        tampered[0] = UInt8(ascii: "[")
        #expect(verify(body: tampered, vectorHeaders) == problem(.signatureMismatch("X-Webhook-Signature")))
        var headers = vectorHeaders
        headers["x-webhook-timestamp"] = String(timestamp - 1)
        #expect(verify(headers) == problem(.signatureMismatch("X-Webhook-Signature")))
        #expect(verify(vectorHeaders, secret: "whsec_c2VjcmV0Cg")
            == problem(.signatureMismatch("X-Webhook-Signature")))
    }

    @Test func staleAndFutureTimestamps() {
        #expect(verify(vectorHeaders, now: timestamp + 300) == .valid)
        #expect(verify(vectorHeaders, now: timestamp + 86_400)
            == problem(.timestampTooOld("X-Webhook-Timestamp", skewSeconds: 86_400)))
        #expect(verify(vectorHeaders, now: timestamp - 301)
            == problem(.timestampInFuture("X-Webhook-Timestamp", skewSeconds: 301)))
    }

    @Test(arguments: ["X-Webhook-Timestamp", "X-Webhook-Signature"])
    func missingHeader(name: String) {
        var headers = vectorHeaders
        headers[name] = nil
        #expect(verify(headers) == problem(.missingHeader(name)))
    }

    @Test(arguments: [
        ("sha256=" + WebhookTestVectors.Legacy.signature,
         "has a sha256= prefix; the legacy v3 scheme sends bare hex (the prefix is v2's)"),
        (WebhookTestVectors.Legacy.signature.uppercased(), "expected 64 lowercase hex digits"),
        (String(WebhookTestVectors.Legacy.signature.dropLast()), "expected 64 lowercase hex digits"),
        ("", "expected 64 lowercase hex digits"),
        ("v1,CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk=", "expected 64 lowercase hex digits"),
    ])
    func malformedSignature(value: String, reason: String) {
        var headers = vectorHeaders
        headers["X-Webhook-Signature"] = value
        #expect(verify(headers) == problem(.malformedHeader("X-Webhook-Signature", reason: reason)))
    }

    @Test func unusableSecrets() {
        #expect(verify(vectorHeaders, secret: "")
            == problem(.unusableSecret(.empty(scheme: "legacy-hex"))))
        #expect(verify(using: LegacyHexScheme(keyDerivation: .decodedSecretBytes), vectorHeaders, secret: "whsec_***")
            == problem(.unusableSecret(.notBase64(scheme: "legacy-hex"))))
    }

    @Test(arguments: [[UInt8](), [0xc0, 0x80, 0xff], [UInt8](repeating: 0x7b, count: 70_000)])
    func arbitraryBodiesRoundTripByteExact(body: [UInt8]) throws {
        let headers = try LegacyHexScheme().sign(body: body, secret: secret, id: "", timestamp: timestamp)
        #expect(verify(body: body, headers) == .valid)
        #expect(verify(body: body.dropLast() + [0x20], headers).problems.map(\.kind)
            == [.signatureMismatch("X-Webhook-Signature")])
    }
}
