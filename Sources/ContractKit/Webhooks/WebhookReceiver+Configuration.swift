import Foundation

extension WebhookReceiver {
    /// Where the receiver listens, the URL subscriptions point at, and what it answers by default.
    public struct Configuration: Sendable, Hashable {
        /// The address to bind; loopback by default, which is also right behind a local tunnel.
        public var host: String
        /// The local port; 0 lets the system pick a free one.
        public var port: UInt16
        /// The public HTTPS base URL of a tunnel to this receiver (`--receiver-public-url`), used for
        /// subscription URLs instead of `http://host:port` when testing a real API.
        public var publicBaseURL: URL?
        /// Bodies above this are still recorded (up to four times this size) but answered 413.
        public var maxBodyBytes: Int
        /// The answers on paths without a script of their own.
        public var defaultScript: Script

        public init(
            host: String = "127.0.0.1",
            port: UInt16 = 0,
            publicBaseURL: URL? = nil,
            maxBodyBytes: Int = 1024 * 1024,
            defaultScript: Script = .acknowledge
        ) {
            self.host = host
            self.port = port
            self.publicBaseURL = publicBaseURL
            self.maxBodyBytes = maxBodyBytes
            self.defaultScript = defaultScript
        }
    }
}
