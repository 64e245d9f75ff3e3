import CSHA256Extensions

extension SHA256 {
    /// How blocks are compressed. Both give the same digests; the tests hold every available engine
    /// to the published vectors and to each other.
    public enum Engine: CaseIterable, Sendable, CustomStringConvertible {
        /// The FIPS 180-4 rounds in Swift: any CPU.
        case portable
        /// The x86 SHA extensions (SHA-NI), through the small C target `CSHA256Extensions`, because
        /// Swift cannot emit those instructions: about 6× the portable speed where the CPU has them.
        case shaExtensions

        /// The engines this CPU can run, `portable` first.
        public static let available: [Engine] =
            csha256_extensions_available() == 1 ? [.portable, .shaExtensions] : [.portable]

        /// The fastest engine this CPU can run.
        public static let fastest: Engine = available.last!

        public var description: String {
            switch self {
            case .portable: "portable Swift"
            case .shaExtensions: "x86 SHA extensions"
            }
        }
    }
}
