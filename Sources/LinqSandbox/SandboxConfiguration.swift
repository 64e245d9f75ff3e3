import Foundation

/// How a ``LinqSandbox`` behaves: the credentials it accepts, the faults it acts out,
/// how fast time runs for webhook retries, and where the captured specs are.
public struct SandboxConfiguration: Sendable {
    /// The v3 API key accepted by default (`Authorization: Bearer sandbox-v3-key`).
    public static let defaultV3APIKey = "sandbox-v3-key"
    /// A second v3 key belonging to another partner; its subscriptions answer 403 (2005) to the first key.
    public static let defaultV3OtherPartnerAPIKey = "sandbox-v3-other-partner-key"
    /// The v2 token accepted by default (`X-LINQ-INTEGRATION-TOKEN: sandbox-v2-token`).
    public static let defaultV2IntegrationToken = "sandbox-v2-token"

    /// The bearer token the v3 API accepts for the sandbox's own partner.
    public var v3APIKey: String
    /// The bearer token of a second partner, so that 403 (2005) can be provoked.
    public var v3OtherPartnerAPIKey: String
    /// The `X-LINQ-INTEGRATION-TOKEN` the v2 API accepts.
    public var v2IntegrationToken: String
    /// Faults active on every request and delivery (requests may add more with `X-Sandbox-Fault`).
    public var faults: Set<SandboxFault>
    /// Multiplies every webhook retry delay: 1 is real time, 0.001 runs the ~25-minute schedule in ~1.5 s.
    public var timeScale: Double
    /// The folder holding `v3/openapi.json` and `v2/openapi.json`: event types and payload schemas come from there.
    public var specsDirectory: URL
    /// The address to bind; port 0 picks a free port.
    public var host: String
    public var port: UInt16
    /// The `partner_id` put into v3 webhook envelopes.
    public var partnerID: String
    /// The source of "now" for timestamps; injected so tests can pin it.
    public var clock: @Sendable () -> Date

    public init(
        v3APIKey: String = SandboxConfiguration.defaultV3APIKey,
        v3OtherPartnerAPIKey: String = SandboxConfiguration.defaultV3OtherPartnerAPIKey,
        v2IntegrationToken: String = SandboxConfiguration.defaultV2IntegrationToken,
        faults: Set<SandboxFault> = [],
        timeScale: Double = 1,
        specsDirectory: URL = URL(fileURLWithPath: "specs"),
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        partnerID: String = "sandbox-partner",
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.v3APIKey = v3APIKey
        self.v3OtherPartnerAPIKey = v3OtherPartnerAPIKey
        self.v2IntegrationToken = v2IntegrationToken
        self.faults = faults
        self.timeScale = timeScale
        self.specsDirectory = specsDirectory
        self.host = host
        self.port = port
        self.partnerID = partnerID
        self.clock = clock
    }
}
