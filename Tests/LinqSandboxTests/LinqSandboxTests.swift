import ContractKit
import Foundation
import Testing

@testable import LinqSandbox

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sandbox over real sockets, as clients see it.
@Suite struct LinqSandboxTests {
    typealias F = SandboxFixture

    static func send(
        _ base: URL,
        _ method: String,
        _ path: String,
        json: JSONValue? = nil
    ) async throws -> (Int, JSONValue?) {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(F.v3Key)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.serialized())
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, data.isEmpty ? nil : try JSONParser.parse(Array(data)))
    }

    @Test func startServesTheSDKBaseURLAndStopCloses() async throws {
        let sandbox = LinqSandbox(configuration: F.configuration())
        let base = try sandbox.start()
        #expect(base.absoluteString.hasPrefix("http://127.0.0.1:"))
        #expect(try sandbox.start() == base)
        let (status, body) = try await Self.send(base, "GET", "/api/partner/v3/webhook-events")
        #expect(status == 200 && body?["events"]?.arrayValue?.isEmpty == false)
        sandbox.stop()
        #expect(sandbox.baseURL == nil)
        await #expect(throws: (any Error).self) { try await Self.send(base, "GET", "/v3/webhook-events") }
    }

    @Test func eightConcurrentClientsLoseAndDuplicateNothing() async throws {
        let sandbox = LinqSandbox(configuration: F.configuration())
        let base = try sandbox.start()
        defer { sandbox.stop() }
        let perClient = 12
        let kept = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for index in 0..<perClient {
                        let body = F.createBody("https://example.com/c\(client)/\(index)")
                        let (status, created) = try await Self.send(
                            base,
                            "POST",
                            "/v3/webhook-subscriptions",
                            json: body
                        )
                        #expect(status == 201)
                        ids.append(created?["id"]?.stringValue ?? "")
                    }
                    for id in ids.prefix(perClient / 2) {
                        #expect(try await Self.send(base, "DELETE", "/v3/webhook-subscriptions/\(id)").0 == 204)
                    }
                    return Array(ids.dropFirst(perClient / 2))
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let (_, list) = try await Self.send(base, "GET", "/v3/webhook-subscriptions")
        let listed = list?["subscriptions"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(listed.count == 8 * perClient / 2)
        #expect(Set(listed) == Set(kept) && Set(listed).count == listed.count)
    }
}
