import ContractKit
import Foundation
import LinqSandbox

/// Where a run sends its requests: the embedded sandbox (started here, stopped by ``stop()``) or a
/// real deployment from the configuration; and the webhook receiver deliveries go to.
struct RunTarget: Sendable {
    var targets: [APIVersion: APITarget]
    /// The target in words, for the console and the reports.
    var description: String
    /// The sandbox this target started, if any.
    let sandbox: LinqSandbox?
    /// The webhook receiver, listening on loopback (behind `--receiver-public-url` for a real API).
    let receiver: WebhookReceiver
    /// Real time per observed time of deliveries: the sandbox's time scale, 1 for a real API.
    let timeScale: Double

    /// The sandbox runs the documented retry schedule (1.5 s × 2ⁿ) twenty times faster: the first
    /// retries come after 75 ms and 150 ms, slow enough that a loaded machine's latency stays an
    /// outlier the backoff fit ignores, fast enough that a five-retry scenario takes about 2 s.
    static let sandboxTimeScale = 0.05

    /// Starts the sandbox when the configuration asks for it (with `faults` active on every request),
    /// otherwise points at the configured base URLs with the environment's tokens.
    static func start(
        _ configuration: RunConfiguration,
        specsDirectory: String,
        faults: Set<SandboxFault> = []
    ) throws(RunSetupError) -> RunTarget {
        let receiver = WebhookReceiver(
            configuration: .init(port: configuration.receiverPort, publicBaseURL: configuration.receiverPublicURL)
        )
        do {
            try receiver.start()
        } catch {
            throw .receiver(error)
        }
        switch configuration.target {
        case .deployment(let v3, let v2):
            var targets: [APIVersion: APITarget] = [:]
            if let v3 { targets[.v3] = APITarget(version: .v3, baseURL: v3, token: configuration.v3Token) }
            if let v2 { targets[.v2] = APITarget(version: .v2, baseURL: v2, token: configuration.v2Token) }
            return RunTarget(
                targets: targets,
                description: configuration.description,
                sandbox: nil,
                receiver: receiver,
                timeScale: 1
            )
        case .sandbox:
            let sandbox = LinqSandbox(
                configuration: SandboxConfiguration(
                    faults: faults,
                    timeScale: sandboxTimeScale,
                    specsDirectory: URL(fileURLWithPath: specsDirectory)
                )
            )
            let url: URL
            do {
                url = try sandbox.start()
            } catch {
                receiver.stop()
                throw .sandbox(error)
            }
            let targets: [APIVersion: APITarget] = [
                .v3: APITarget(version: .v3, baseURL: url, token: SandboxConfiguration.defaultV3APIKey),
                .v2: APITarget(version: .v2, baseURL: url, token: SandboxConfiguration.defaultV2IntegrationToken),
            ]
            let faultNote = faults.isEmpty ? "" : " with faults \(faults.sorted().map(\.name).joined(separator: ", "))"
            return RunTarget(
                targets: targets,
                description: "sandbox at \(url.absoluteString)\(faultNote)",
                sandbox: sandbox,
                receiver: receiver,
                timeScale: sandboxTimeScale
            )
        }
    }

    /// Stops the sandbox (cancelling its pending deliveries) and then the receiver.
    func stop() {
        sandbox?.stop()
        receiver.stop()
    }

    /// The receiver and delivery checks for scenarios run against this target.
    func webhooks(specs: [APIVersion: OpenAPIDocument]) -> WebhookHarness {
        var harness = WebhookHarness(
            receiver: receiver, specs: specs, timeScale: timeScale, triggersThroughSandbox: sandbox != nil)
        if sandbox != nil { harness.scheduledArrival = LinqSandbox.scheduledArrival(ofAttempt:) }
        return harness
    }
}
