import ContractKit
import Foundation
import HTTPServer

/// One request the way the runner makes it: through its transport, the body parsed into an `Exchange`,
/// then validated against the operation's documented response schema.
///
/// Until the suite's response checks are in the package, the check is the schema validator alone.
struct ValidatedRequest: Sendable {
    static let checksDescription =
        "URLSessionTransport + Exchange (JSON parse) + SchemaValidator against the "
        + "operation's 200 schema (the full response checks are not in this package yet)"

    let request: TransportRequest
    let transport: URLSessionTransport
    let validator: SchemaValidator
    let schema: JSONPointer

    init(url: URL, headers: [(String, String)], spec: OpenAPIDocument, path: String) throws(BenchError) {
        guard let operation = spec.operation(method: "GET", path: path),
            let schema = spec.responseSchema(for: operation, status: 200)
        else {
            throw .invalidDocument(path: spec.source, reason: "no GET \(path) with a 200 JSON schema")
        }
        request = TransportRequest(method: "GET", url: url, headers: HTTPHeaders(headers), timeout: .seconds(10))
        self.schema = schema
        transport = URLSessionTransport()
        validator = SchemaValidator(document: spec.root, dialect: .openAPI31, assertFormats: true)
    }

    /// Sends the request and returns how many problems the checks found (a transport error or a
    /// non-200 status counts as one).
    func send() async -> Int {
        do {
            let response = try await transport.send(request)
            let exchange = Exchange(request: request, response: response)
            guard response.status == 200, let body = exchange.json else { return 1 }
            return validator.validate(body, schemaAt: schema).count
        } catch {
            return 1
        }
    }
}
