import Testing

@testable import ContractKit

struct HMACSHA256Tests {
    struct RFC4231Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: [UInt8]
        let data: [UInt8]
        /// Expected MAC; test case 5 gives only the first 128 bits.
        let mac: String

        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let rfc4231: [RFC4231Case] = [
        .init(number: 1, key: .init(repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
              mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        .init(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
              mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        .init(number: 3, key: .init(repeating: 0xaa, count: 20), data: .init(repeating: 0xdd, count: 50),
              mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        .init(number: 4, key: Array(1...25), data: .init(repeating: 0xcd, count: 50),
              mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        .init(number: 5, key: .init(repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
              mac: "a3b6167473100ee06e0c796c2955552b"),
        .init(number: 6, key: .init(repeating: 0xaa, count: 131),
              data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
              mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        .init(number: 7, key: .init(repeating: 0xaa, count: 131),
              data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                  + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
              mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: SHA256.Engine.available, rfc4231)
    func rfc4231TestCase(engine: SHA256.Engine, _ testCase: RFC4231Case) {
        var hmac = HMACSHA256(key: testCase.key, engine: engine)
        hmac.update(testCase.data)
        let mac = hmac.finalize()
        #expect(mac.count == 32)
        #expect(mac == HMACSHA256.authenticationCode(for: testCase.data, key: testCase.key))
        #expect(Hex.encode(mac.prefix(testCase.mac.count / 2)) == testCase.mac)
    }

    @Test func keyLongerThanBlockEqualsItsDigestAsKey() {
        let longKey = [UInt8](repeating: 0x42, count: 65)
        let message = Array("message".utf8)
        #expect(HMACSHA256.authenticationCode(for: message, key: longKey)
            == HMACSHA256.authenticationCode(for: message, key: SHA256.hash(longKey)))
        #expect(HMACSHA256.authenticationCode(for: message, key: longKey.dropLast())
            != HMACSHA256.authenticationCode(for: message, key: SHA256.hash(longKey.dropLast())))
    }

    @Test func streamingMatchesOneShotAndInstancesCanBeReused() {
        let key = Array("Jefe".utf8)
        let prepared = HMACSHA256(key: key)
        var first = prepared
        first.update(Array("what do ya ".utf8))
        first.update(Array("want for nothing?".utf8))
        #expect(Hex.encode(first.finalize())
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        var second = prepared
        second.update(Array("Hi There".utf8))
        #expect(second.finalize() == HMACSHA256.authenticationCode(for: Array("Hi There".utf8), key: key))
    }
}
