import Testing

@testable import ContractKit

struct SHA256Tests {
    /// FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values") and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func nistExamples(message: String, digest: String) {
        #expect(Hex.encode(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func oneMillionLetterA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == digest)

        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(Hex.encode(hasher.finalize()) == digest)
    }

    /// Every message length around the padding boundaries (55, 56, 63, 64, 119, 120 bytes) fed
    /// in uneven pieces gives the same digest as one-shot hashing, and as the byte-wise
    /// non-contiguous path.
    @Test func streamingMatchesOneShotAcrossBlockBoundaries() {
        var generator = SeededGenerator(seed: 180_4)
        for length in 0...200 {
            let message = generator.bytes(count: length)
            let expected = SHA256.hash(message)
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                let end = min(message.count, start + Int.random(in: 0...70, using: &generator))
                hasher.update(message[start..<end])
                start = end
            }
            #expect(hasher.finalize() == expected, "length \(length)")
            #expect(SHA256.hash(message.lazy.map { $0 }) == expected, "length \(length), non-contiguous")
        }
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let prefixDigest = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(prefixDigest == SHA256.hash(Array("ab".utf8)))
        #expect(Hex.encode(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
