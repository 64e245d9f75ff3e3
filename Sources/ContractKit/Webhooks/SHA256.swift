/// SHA-256 (FIPS 180-4), streaming or one-shot.
///
/// Written here because the package may use the toolchain only. Full blocks
/// are compressed straight from the caller's buffer; only a partial trailing
/// block is copied, into fixed inline storage, so hashing allocates nothing but
/// the 32-byte digest. Blocks are compressed by the ``Engine`` the CPU allows:
/// the x86 SHA extensions where present, portable Swift everywhere else.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(header)
/// hasher.update(body)
/// let digest = hasher.finalize()
/// ```
public struct SHA256: Sendable {
    /// Bytes per compression block.
    public static let blockByteCount = 64
    /// Bytes in a digest.
    public static let digestByteCount = 32

    private var state = State()
    private let engine: Engine
    /// A trailing partial block (8 × 8 = 64 bytes), valid up to `pendingCount`.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0

    public init() {
        self.init(engine: .fastest)
    }

    /// A hasher that compresses with `engine`, which must be one of ``Engine/available``.
    public init(engine: Engine) {
        precondition(Engine.available.contains(engine), "\(engine) is not available on this CPU")
        self.engine = engine
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Appends the bytes in `input` to the message.
    public mutating func update(_ input: UnsafeRawBufferPointer) {
        guard !input.isEmpty else { return }
        totalByteCount &+= UInt64(input.count)
        var rest = input
        if pendingCount > 0 {
            let take = min(Self.blockByteCount - pendingCount, rest.count)
            withUnsafeMutableBytes(of: &pending) { storage in
                UnsafeMutableRawBufferPointer(rebasing: storage[pendingCount...])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.prefix(take)))
            }
            pendingCount += take
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(take))
            guard pendingCount == Self.blockByteCount else { return }
            let block = pending
            withUnsafeBytes(of: block) { state.compress(blocks: $0, with: engine) }
            pendingCount = 0
        }
        let fullByteCount = rest.count & ~(Self.blockByteCount - 1)
        if fullByteCount > 0 {
            state.compress(blocks: UnsafeRawBufferPointer(rebasing: rest.prefix(fullByteCount)), with: engine)
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(fullByteCount))
        }
        if !rest.isEmpty {
            withUnsafeMutableBytes(of: &pending) { $0.copyMemory(from: rest) }
            pendingCount = rest.count
        }
    }

    /// The digest of everything added so far. The hasher itself is unchanged, so a
    /// prefix can be hashed once and finalized with different continuations.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = totalByteCount &* 8
        // 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        let paddingCount = (pendingCount < 56 ? 56 : 120) - pendingCount
        var trailer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
            = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &trailer) { storage in
            storage[0] = 0x80
            storage.storeBytes(of: bitLength.bigEndian, toByteOffset: paddingCount, as: UInt64.self)
            copy.update(UnsafeRawBufferPointer(rebasing: storage.prefix(paddingCount + 8)))
        }
        let s = copy.state
        return [UInt8](unsafeUninitializedCapacity: Self.digestByteCount) { buffer, count in
            let digest = UnsafeMutableRawBufferPointer(buffer)
            for (index, word) in [s.h0, s.h1, s.h2, s.h3, s.h4, s.h5, s.h6, s.h7].enumerated() {
                digest.storeBytes(of: word.bigEndian, toByteOffset: 4 * index, as: UInt32.self)
            }
            count = Self.digestByteCount
        }
    }
}
