import ContractKit
import Foundation
import LinqSandbox

/// Where a run sends its requests: the embedded sandbox (started here, stopped by ``stop()``) or a
/// real deployment from the configuration.
struct RunTarget: Sendable {
    var targets: [APIVersion: APITarget]
    /// The target in words, for the console and the reports.
    var description: String
    /// The sandbox this target started, if any.
    let sandbox: LinqSandbox?

    /// Starts the sandbox when the configuration asks for it (with `faults` active on every request),
    /// otherwise points at the configured base URLs with the environment's tokens.
    static func start(
        _ configuration: RunConfiguration,
        specsDirectory: String,
        faults: Set<SandboxFault> = []
    ) throws(RunSetupError) -> RunTarget {
        switch configuration.target {
        case .deployment(let v3, let v2):
            var targets: [APIVersion: APITarget] = [:]
            if let v3 { targets[.v3] = APITarget(version: .v3, baseURL: v3, token: configuration.v3Token) }
            if let v2 { targets[.v2] = APITarget(version: .v2, baseURL: v2, token: configuration.v2Token) }
            return RunTarget(targets: targets, description: configuration.description, sandbox: nil)
        case .sandbox:
            let sandbox = LinqSandbox(
                configuration: SandboxConfiguration(
                    faults: faults,
                    timeScale: 0.001,
                    specsDirectory: URL(fileURLWithPath: specsDirectory)
                )
            )
            let url: URL
            do {
                url = try sandbox.start()
            } catch {
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
                sandbox: sandbox
            )
        }
    }

    func stop() {
        sandbox?.stop()
    }
}
