import Foundation

/// Everything a run needs from the command line and the environment, validated.
///
/// Credentials come only from the environment (`LINQ_API_V3_API_KEY`, `LINQ_INTEGRATION_TOKEN`),
/// never from flags, and never appear in ``description``.
public struct RunConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// What the run talks to.
    public enum Target: Sendable, Hashable {
        /// The embedded sandbox, started on a free port for the run.
        case sandbox
        /// A real deployment; a version without a base URL is not run.
        case deployment(v3: URL?, v2: URL?)
    }

    public var target: Target = .sandbox
    public var v3Token: String?
    public var v2Token: String?
    public var parallel = 4
    public var shard: ScenarioSelection.Shard?
    public var tags: [String] = []
    public var scenarioNames: [String] = []
    public var only: APIVersion?
    public var isReadOnly = false
    public var maxRequests: Int?
    /// Requests per second, or `nil` for no limit.
    public var rate: Double?
    public var runID: String
    public var requestTimeout: Duration = .seconds(30)
    /// The local port of the webhook receiver (`--receiver-port`); 0 lets the system pick one.
    public var receiverPort: UInt16 = 0
    /// The public HTTPS URL of a tunnel to the receiver (`--receiver-public-url`), for a real API.
    public var receiverPublicURL: URL?

    public init(runID: String = Self.newRunID()) {
        self.runID = runID
    }

    /// A short unique id: `cr-` and 12 hex digits, safe in URLs and resource names.
    public static func newRunID() -> String {
        "cr-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// The flags `run` accepts, for the CLI's usage text.
    public static let flags = [
        "--target sandbox", "--v3-base-url URL", "--v2-base-url URL", "--only v2|v3", "--tag TAG",
        "--scenario NAME", "--parallel N", "--shard K/N", "--read-only", "--max-requests N", "--rate N/s",
        "--run-id ID", "--timeout SECONDS", "--receiver-port PORT", "--receiver-public-url URL",
    ]

    /// The versions the run covers.
    public var versions: Set<APIVersion> {
        var versions = Set(only.map { [$0] } ?? APIVersion.allCases)
        if case .deployment(let v3, let v2) = target {
            if v3 == nil { versions.remove(.v3) }
            if v2 == nil { versions.remove(.v2) }
        }
        return versions
    }

    /// The selection these flags make; the receiver is known only once it is started.
    public func selection(hasReceiver: Bool) -> ScenarioSelection {
        ScenarioSelection(
            versions: versions,
            tags: tags,
            names: scenarioNames,
            shard: shard,
            isReadOnly: isReadOnly,
            isSandboxTarget: target == .sandbox,
            hasReceiver: hasReceiver
        )
    }

    /// Every secret value of the run, for the report redactor.
    public var secrets: [String] { [v3Token, v2Token].compactMap { $0 }.filter { !$0.isEmpty } }

    public var description: String {
        let destination =
            switch target {
            case .sandbox: "sandbox"
            case .deployment(let v3, let v2):
                [v3.map { "v3 \($0.absoluteString)" }, v2.map { "v2 \($0.absoluteString)" }].compactMap { $0 }
                    .joined(separator: ", ")
            }
        return "run \(runID) against \(destination), parallel \(parallel)" + (isReadOnly ? ", read-only" : "")
    }
}
