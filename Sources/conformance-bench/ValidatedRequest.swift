import ContractKit
import Foundation
import HTTPServer

/// One request the way the runner makes it: through its transport, the body parsed into an `Exchange`,
/// then every standard response check (shape, enums, error envelope, headers) against the v3 spec.
struct ValidatedRequest: Sendable {
    static let checksDescription =
        "URLSessionTransport + Exchange (JSON parse) + ContractChecks.standard (shape, enums, error envelope, "
        + "headers) against the v3 spec"

    let request: TransportRequest
    let transport: URLSessionTransport
    let checks: [any ResponseCheck]
    let context: CheckContext

    init(url: URL, headers: [(String, String)], spec: OpenAPIDocument, path: String, codes: ErrorCodeTable)
        throws(BenchError)
    {
        guard let operation = spec.operation(method: "GET", path: path) else {
            throw .invalidDocument(path: spec.source, reason: "no GET \(path) operation")
        }
        request = TransportRequest(method: "GET", url: url, headers: HTTPHeaders(headers), timeout: .seconds(10))
        transport = URLSessionTransport()
        checks = ContractChecks.standard(specs: [.v3: spec], codes: codes)
        context = CheckContext(
            version: .v3, spec: spec, operation: operation, expectedStatuses: [200], scenario: "bench",
            step: "list subscriptions")
    }

    /// Sends the request and returns how many findings the checks produced (a transport error or a
    /// non-200 status counts as one).
    func send() async -> Int {
        do {
            let response = try await transport.send(request)
            guard response.status == 200 else { return 1 }
            let exchange = Exchange(request: request, response: response)
            return checks.reduce(0) { $0 + $1.check(exchange, context: context).count }
        } catch {
            return 1
        }
    }
}
