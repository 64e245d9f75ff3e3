import ContractKit
import Foundation
import LinqSandbox

/// The in-process LinqSandbox the `sandbox` and `runner` sections load, with a few v3 subscriptions
/// created first so that `GET /v3/webhook-subscriptions` lists real records.
struct ThroughputTarget {
    static let subscriptionCount = 3

    let host = "127.0.0.1"
    let port: UInt16
    /// The v3 bearer token, as wrk, curl and the runner send it.
    let headers = [("Authorization", "Bearer \(SandboxConfiguration.defaultV3APIKey)")]
    let label = "LinqSandbox"
    let description =
        "in-process LinqSandbox (specs from the package), \(subscriptionCount) subscriptions created first"
    private let sandbox: LinqSandbox

    static func start(_ environment: BenchEnvironment) throws(BenchError) -> ThroughputTarget {
        let specs = environment.packageRoot.appendingPathComponent("specs")
        let sandbox = LinqSandbox(configuration: SandboxConfiguration(specsDirectory: specs))
        let url: URL
        do { url = try sandbox.start() } catch {
            throw .measurementFailed(what: "starting the LinqSandbox on \(specs.path)", reason: "\(error)")
        }
        guard let port = url.port.flatMap(UInt16.init(exactly:)) else {
            sandbox.stop()
            throw .measurementFailed(what: "starting the LinqSandbox", reason: "no port in \(url)")
        }
        let target = ThroughputTarget(port: port, sandbox: sandbox)
        do {
            try target.createSubscriptions()
        } catch {
            sandbox.stop()
            throw error
        }
        return target
    }

    private func createSubscriptions() throws(BenchError) {
        let client = KeepAliveClient(host: host, port: port, path: SandboxThroughputBench.path, headers: headers)
        for index in 0..<Self.subscriptionCount {
            let body: JSONValue = [
                "target_url": .string("https://hooks.example.com/linq/\(index)"),
                "subscribed_events": ["message.received", "message.delivered"],
            ]
            let response = try client.fetch(method: "POST", body: body.serialized())
            guard (200..<300).contains(response.status) else {
                throw .measurementFailed(
                    what: "POST \(SandboxThroughputBench.path)",
                    reason: "status \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))"
                )
            }
        }
    }

    func fetchBody() throws(BenchError) -> [UInt8] {
        let response = try KeepAliveClient(host: host, port: port, path: SandboxThroughputBench.path, headers: headers)
            .fetch()
        guard response.status == 200 else {
            throw .measurementFailed(what: "GET \(SandboxThroughputBench.path)", reason: "status \(response.status)")
        }
        return response.body
    }

    func stop() { sandbox.stop() }
}
