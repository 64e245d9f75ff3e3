import HTTPServer
import Testing

@testable import ContractKit

struct V2SignatureSchemeTests {
    typealias Vector = WebhookTestVectors.V2
    let scheme = V2SignatureScheme()

    func verify(body: [UInt8] = Vector.body, _ headers: HTTPHeaders, secret: String = Vector.secret)
        -> SignatureVerdict {
        // The clock and tolerance must not matter: v2 signs no timestamp.
        scheme.verify(body: body, headers: headers, secret: secret, now: 0, tolerance: 0)
    }

    func problem(_ kind: SignatureProblem.Kind) -> SignatureVerdict {
        .invalid([SignatureProblem(scheme: "v2-sha256", kind: kind)])
    }

    @Test func vectorVerifiesAndSignsIdentically() {
        #expect(verify(["X-Webhook-Signature": Vector.signature]) == .valid)
        #expect(scheme.sign(body: Vector.body, secret: Vector.secret, id: "i", timestamp: 1)
            == ["X-Webhook-Signature": Vector.signature])
    }

    @Test func tamperedBodyOrWrongSecretIsAMismatch() {
        let headers: HTTPHeaders = ["x-webhook-signature": Vector.signature]
        let mismatch = problem(.signatureMismatch("X-Webhook-Signature"))
        #expect(verify(body: Array(Vector.body.dropLast()), headers) == mismatch)
        #expect(verify(headers, secret: "your-webhook-secret-kez") == mismatch)
    }

    @Test(arguments: [
        (String(Vector.signature.dropFirst(7)), "expected sha256=<hex>; the sha256= prefix is missing"),
        ("SHA256=" + Vector.signature.dropFirst(7), "expected sha256=<hex>; the sha256= prefix is missing"),
        ("sha256=" + Vector.signature.dropFirst(7).uppercased(), "expected 64 lowercase hex digits after sha256="),
        ("sha256=", "expected 64 lowercase hex digits after sha256="),
        ("sha256=zz", "expected 64 lowercase hex digits after sha256="),
    ])
    func malformedSignature(value: String, reason: String) {
        #expect(verify(["X-Webhook-Signature": value])
            == problem(.malformedHeader("X-Webhook-Signature", reason: reason)))
    }

    @Test func missingHeaderAndEmptySecret() {
        #expect(verify([:]) == problem(.missingHeader("X-Webhook-Signature")))
        #expect(verify(["X-Webhook-Signature": Vector.signature], secret: "")
            == problem(.unusableSecret(.empty(scheme: "v2-sha256"))))
    }

    @Test(arguments: [[UInt8](), [0xed, 0xa0, 0x80]])
    func arbitraryBodiesRoundTripByteExact(body: [UInt8]) {
        let headers = scheme.sign(body: body, secret: Vector.secret, id: "", timestamp: 0)
        #expect(verify(body: body, headers) == .valid)
        #expect(verify(body: body + [0], headers) == problem(.signatureMismatch("X-Webhook-Signature")))
    }
}
