import ContractKit
import Foundation
import HTTPServer

/// The in-process server the `sandbox` section loads.
///
/// Until LinqSandbox is in the package this is an `HTTPServer` answering every request with a fixed
/// `ListWebhookSubscriptionsResult` body, so the figure measures the server layer alone.
struct ThroughputTarget {
    let host = "127.0.0.1"
    let port: UInt16
    let headers: [(String, String)]
    let label = "HTTPServer, fixed body"
    let description =
        "HTTPServer answering a fixed JSON body (3 subscriptions) in-process; "
        + "the LinqSandbox is not in this package yet"
    private let server: HTTPServer

    static func start(_ environment: BenchEnvironment) throws(BenchError) -> ThroughputTarget {
        let body = WebhookSubscriptionFixture(count: 3, eventTypes: ["message.received", "message.sent"])
            .document().serialized()
        let server = HTTPServer { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
        }
        do {
            return ThroughputTarget(port: try server.start(), headers: [], server: server)
        } catch {
            throw .measurementFailed(what: "starting the HTTP server", reason: "\(error)")
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

    func stop() { server.stop() }
}
