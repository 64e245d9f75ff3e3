/// HMAC-SHA-256 (RFC 2104), one-shot or streaming.
///
/// The key's inner and outer pads are absorbed once at `init`; each finalize
/// then costs two hash finalizations, so one instance can sign many messages
/// by copying it before `update`.
public struct HMACSHA256: Sendable {
    private var inner: SHA256
    private let outer: SHA256

    /// Prepares a MAC for `key`, hashed by `engine`. Keys longer than the 64-byte
    /// block are hashed first; shorter ones are zero-padded, as RFC 2104 specifies.
    public init(key: some Sequence<UInt8>, engine: SHA256.Engine = .fastest) {
        var keyBytes = Array(key)
        if keyBytes.count > SHA256.blockByteCount {
            var keyHasher = SHA256(engine: engine)
            keyHasher.update(keyBytes)
            keyBytes = keyHasher.finalize()
        }
        var pad = [UInt8](repeating: 0x36, count: SHA256.blockByteCount)
        for (index, byte) in keyBytes.enumerated() { pad[index] ^= byte }
        var inner = SHA256(engine: engine)
        inner.update(pad)
        for index in pad.indices { pad[index] ^= 0x36 ^ 0x5c }
        var outer = SHA256(engine: engine)
        outer.update(pad)
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte MAC of `message` under `key`.
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Appends the bytes in `input` to the message.
    public mutating func update(_ input: UnsafeRawBufferPointer) {
        inner.update(input)
    }

    /// The MAC of everything added so far; the instance itself is unchanged.
    public func finalize() -> [UInt8] {
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
