import HTTPServer
import Testing

@testable import ContractKit

struct StandardWebhooksSchemeTests {
    typealias Vector = WebhookTestVectors.Standard
    let scheme = StandardWebhooksScheme()
    let timestamp = WebhookTestVectors.timestamp

    var vectorHeaders: HTTPHeaders {
        [
            "webhook-id": Vector.id,
            "webhook-timestamp": String(WebhookTestVectors.timestamp),
            "webhook-signature": Vector.signature,
        ]
    }

    func verify(body: [UInt8] = Vector.body, _ headers: HTTPHeaders, secret: String = Vector.secret,
                now: Int = WebhookTestVectors.timestamp) -> SignatureVerdict {
        scheme.verify(body: body, headers: headers, secret: secret, now: now, tolerance: 300)
    }

    func problem(_ kind: SignatureProblem.Kind) -> SignatureVerdict {
        .invalid([SignatureProblem(scheme: "standard-webhooks", kind: kind)])
    }

    @Test func vectorBodiesAreByteExact() {
        #expect(Vector.body.count == 260)
        #expect(Hex.encode(SHA256.hash(Vector.body))
            == "38b6729a407813c838567ffb943f8e60585791970486d97b49a26125ff99305e")
        #expect(WebhookTestVectors.V2.body.count == 149)
        #expect(Hex.encode(SHA256.hash(WebhookTestVectors.V2.body))
            == "9068dc8d67706200127d22ed69fb4d6152c7a99f6b89e239a4cd4fe6bf07a253")
    }

    @Test func vectorKeyAndSignature() throws {
        #expect(Hex.encode(try StandardWebhooksScheme.key(fromSecret: Vector.secret)) == Vector.keyHex)
        #expect(verify(vectorHeaders) == .valid)
        let signed = try scheme.sign(body: Vector.body, secret: Vector.secret, id: Vector.id, timestamp: timestamp)
        #expect(signed == vectorHeaders)
    }

    @Test func secretWithoutPrefixGivesTheSameKey() {
        #expect(verify(vectorHeaders, secret: "c2VjcmV0Cg==") == .valid)
    }

    @Test(arguments: ["whsec_not base64!", "whsec_c2VjcmV0Cg", "whsec_"])
    func unusableSecretIsReportedNotThrown(secret: String) throws {
        let verdict = verify(vectorHeaders, secret: secret)
        let error = secret == "whsec_" ? WebhookSecretError.empty(scheme: "standard-webhooks")
            : .notBase64(scheme: "standard-webhooks")
        #expect(verdict == problem(.unusableSecret(error)))
        #expect(!verdict.problems[0].description.contains(secret))
        #expect(throws: error) { try scheme.sign(body: [], secret: secret, id: "x", timestamp: 0) }
    }

    @Test func tamperedBodyIdTimestampOrSecretIsAMismatch() {
        var body = Vector.body
        body[body.count - 3] = UInt8(ascii: "x")
        #expect(verify(body: body, vectorHeaders) == problem(.signatureMismatch("webhook-signature")))
        #expect(verify(body: Vector.body + [0x0a], vectorHeaders) == problem(.signatureMismatch("webhook-signature")))

        var headers = vectorHeaders
        headers["webhook-id"] = "msg_other"
        #expect(verify(headers) == problem(.signatureMismatch("webhook-signature")))
        headers = vectorHeaders
        headers["webhook-timestamp"] = String(timestamp + 1)
        #expect(verify(headers) == problem(.signatureMismatch("webhook-signature")))
        #expect(verify(vectorHeaders, secret: "whsec_c2VjcmV0") == problem(.signatureMismatch("webhook-signature")))
    }

    @Test func timestampToleranceIsInclusiveBothWays() {
        #expect(verify(vectorHeaders, now: timestamp + 300) == .valid)
        #expect(verify(vectorHeaders, now: timestamp - 300) == .valid)
        #expect(verify(vectorHeaders, now: timestamp + 301)
            == problem(.timestampTooOld("webhook-timestamp", skewSeconds: 301)))
        #expect(verify(vectorHeaders, now: timestamp - 3600)
            == problem(.timestampInFuture("webhook-timestamp", skewSeconds: 3600)))
    }

    @Test func millisecondTimestampIsFlaggedAsFuture() throws {
        let signed = try scheme.sign(body: [], secret: Vector.secret, id: "m", timestamp: timestamp * 1000)
        let verdict = verify(body: [], signed)
        #expect(verdict == problem(.timestampInFuture("webhook-timestamp", skewSeconds: timestamp * 999)))
        #expect(verdict.problems.first?.description.contains("milliseconds") == true)
    }

    @Test(arguments: ["webhook-id", "webhook-timestamp", "webhook-signature"])
    func missingHeader(name: String) {
        var headers = vectorHeaders
        headers[name] = nil
        #expect(verify(headers) == problem(.missingHeader(name)))
    }

    @Test func allHeadersMissingAreAllReported() {
        #expect(verify(HTTPHeaders()).problems.map(\.kind)
            == [.missingHeader("webhook-id"), .missingHeader("webhook-timestamp"), .missingHeader("webhook-signature")])
    }

    @Test(arguments: [
        "v1,AAAA \(Vector.signature)",
        "v1a,c2lnbmF0dXJl \(Vector.signature) v1,bm90IGl0",
        "garbage  \(Vector.signature)",
    ])
    func oneMatchingEntryAmongSeveralIsValid(value: String) {
        var headers = vectorHeaders
        headers["webhook-signature"] = value
        #expect(verify(headers) == .valid)
    }

    @Test func signatureSpreadOverRepeatedHeaderLinesIsValid() {
        var headers = vectorHeaders
        headers["webhook-signature"] = "v1,AAAA"
        headers.add(name: "Webhook-Signature", value: Vector.signature)
        #expect(verify(headers) == .valid)
    }

    @Test(arguments: ["", " ", "v1,", "v1,!!!", "nonsense", "v2,CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk=",
                      "CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk=", "v1,CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk"])
    func garbageSignatureIsMalformed(value: String) {
        var headers = vectorHeaders
        headers["webhook-signature"] = value
        #expect(verify(headers)
            == problem(.malformedHeader("webhook-signature", reason: "no entry of the form v1,<base64>")))
    }

    @Test(arguments: ["v1,AAAA", "v1,DbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk="])
    func wellFormedWrongSignatureIsAMismatch(value: String) {
        var headers = vectorHeaders
        headers["webhook-signature"] = value
        #expect(verify(headers) == problem(.signatureMismatch("webhook-signature")))
    }

    @Test(arguments: ["abc", "-5", "1.5", "", "99999999999999999999999"])
    func malformedTimestamp(value: String) {
        var headers = vectorHeaders
        headers["webhook-timestamp"] = value
        #expect(verify(headers).problems.map(\.kind) == [
            .malformedHeader("webhook-timestamp", reason: "expected Unix seconds as decimal digits"),
            .signatureMismatch("webhook-signature"),
        ])
    }

    @Test func conflictingDuplicateIdIsMalformed() {
        var headers = vectorHeaders
        headers.add(name: "webhook-id", value: "msg_other")
        #expect(verify(headers)
            == problem(.malformedHeader("webhook-id", reason: "sent 2 times with different values")))
    }

    @Test(arguments: [[UInt8](), [0xff, 0xfe, 0xc3, 0x28, 0x00], Array("{\"a\":1}\r\n".utf8)])
    func arbitraryBodiesRoundTripByteExact(body: [UInt8]) throws {
        let headers = try scheme.sign(body: body, secret: Vector.secret, id: "msg_1", timestamp: timestamp)
        #expect(verify(body: body, headers) == .valid)
        #expect(verify(body: body + [0], headers) == problem(.signatureMismatch("webhook-signature")))
    }
}
