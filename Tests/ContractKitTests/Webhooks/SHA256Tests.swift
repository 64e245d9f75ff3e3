import Foundation
import Testing

@testable import ContractKit

/// Every test runs on every compression engine this CPU offers (the x86 SHA extensions where
/// present, portable Swift always), so both are held to the published vectors.
struct SHA256Tests {
    static let engines = SHA256.Engine.available

    static func digest(_ message: [UInt8], _ engine: SHA256.Engine) -> [UInt8] {
        var hasher = SHA256(engine: engine)
        hasher.update(message)
        return hasher.finalize()
    }

    /// FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values") and the empty message.
    static let nistVectors = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: engines, nistVectors)
    func nistExamples(engine: SHA256.Engine, example: (message: String, digest: String)) {
        #expect(Hex.encode(Self.digest(Array(example.message.utf8), engine)) == example.digest)
    }

    @Test(arguments: engines)
    func oneMillionLetterA(engine: SHA256.Engine) {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(Hex.encode(Self.digest([UInt8](repeating: 0x61, count: 1_000_000), engine)) == digest)

        var hasher = SHA256(engine: engine)
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(Hex.encode(hasher.finalize()) == digest)
    }

    /// Every message length around the padding boundaries (55, 56, 63, 64, 119, 120 bytes) fed
    /// in uneven pieces gives the same digest as one-shot hashing, and as the byte-wise
    /// non-contiguous path.
    @Test(arguments: engines)
    func streamingMatchesOneShotAcrossBlockBoundaries(engine: SHA256.Engine) {
        var generator = SeededGenerator(seed: 180_4)
        for length in 0...200 {
            let message = generator.bytes(count: length)
            let expected = Self.digest(message, engine)
            var hasher = SHA256(engine: engine)
            var start = 0
            while start < message.count {
                let end = min(message.count, start + Int.random(in: 0...70, using: &generator))
                hasher.update(message[start..<end])
                start = end
            }
            #expect(hasher.finalize() == expected, "length \(length)")
            var lazyHasher = SHA256(engine: engine)
            lazyHasher.update(message.lazy.map { $0 })
            #expect(lazyHasher.finalize() == expected, "length \(length), non-contiguous")
        }
    }

    /// The engines agree on random messages up to 20 blocks long and on one of 1 MiB, read from
    /// an address that is not 16-byte aligned (the extensions' loads must not assume it is).
    @Test func everyEngineGivesTheSameDigests() {
        var generator = SeededGenerator(seed: 256)
        var messages = (0..<300).map { _ in generator.bytes(count: Int.random(in: 0...1280, using: &generator)) }
        messages.append(generator.bytes(count: 1 << 20))
        for message in messages {
            let digests = Self.engines.map { engine in
                var hasher = SHA256(engine: engine)
                hasher.update(message.dropFirst())
                return hasher.finalize()
            }
            #expect(Set(digests).count == 1, "\(message.count - 1) bytes: \(digests.map(Hex.encode))")
        }
    }

    #if os(Linux) && arch(x86_64)
    /// The C target's CPUID check agrees with the kernel's view of the CPU.
    @Test func theExtensionsAreOfferedExactlyWhenTheCPUHasThem() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let hasSHA = flags.split(separator: " ").contains("sha_ni")
        #expect(SHA256.Engine.available.contains(.shaExtensions) == hasSHA)
        #expect(SHA256.Engine.fastest == (hasSHA ? .shaExtensions : .portable))
    }
    #endif

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let prefixDigest = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(prefixDigest == SHA256.hash(Array("ab".utf8)))
        #expect(Hex.encode(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
