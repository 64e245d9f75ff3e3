import ContractKit
import Foundation
import HTTPServer
import Testing

@Suite("WebhookReceiver")
struct WebhookReceiverTests {
    private static let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)

    private func withReceiver<Result>(
        _ configuration: WebhookReceiver.Configuration = .init(),
        _ body: (WebhookReceiver) async throws -> Result
    ) async throws -> Result {
        let receiver = WebhookReceiver(configuration: configuration, clock: { Self.fixedDate })
        try receiver.start()
        defer { receiver.stop() }
        return try await body(receiver)
    }

    @Test("a 503, 503, 200 script answers in order, then repeats its last answer")
    func retryScript() async throws {
        try await withReceiver { receiver in
            receiver.setScript([503, 503, 200], for: "/hooks/retry/a")
            let url = try receiver.url(for: "/hooks/retry/a?version=2026-02-03")
            var statuses: [Int?] = []
            for index in 0..<4 {
                statuses.append(await DeliveryTestClient.post(url, body: Array("{\"n\":\(index)}".utf8)))
            }
            #expect(statuses == [503, 503, 200, 200])
            let recorded = receiver.deliveries(path: "/hooks/retry/a")
            #expect(recorded.map(\.answeredStatus) == [503, 503, 200, 200])
            #expect(recorded.map(\.target) == Array(repeating: "/hooks/retry/a?version=2026-02-03", count: 4))
            #expect(recorded.map(\.body) == (0..<4).map { Array("{\"n\":\($0)}".utf8) })
            #expect(recorded.allSatisfy { $0.method == "POST" && $0.arrivedAt == Self.fixedDate })
        }
    }

    @Test("scripts are per path: a 400 path and an unscripted path do not share a count")
    func scriptsPerPath() async throws {
        try await withReceiver { receiver in
            receiver.setScript([400], for: "/hooks/s/rejects")
            let rejects = try receiver.url(for: "/hooks/s/rejects")
            let plain = try receiver.url(for: "/hooks/s/plain")
            #expect(await DeliveryTestClient.post(rejects, body: []) == 400)
            #expect(await DeliveryTestClient.post(plain, body: []) == 200)
            #expect(await DeliveryTestClient.post(rejects, body: []) == 400)
            #expect(receiver.deliveries.map(\.path) == ["/hooks/s/rejects", "/hooks/s/plain", "/hooks/s/rejects"])
            #expect(receiver.deliveries.map(\.sequence) == [0, 1, 2])
        }
    }

    @Test("a drop answer closes the connection without a response and is recorded as such")
    func dropScript() async throws {
        try await withReceiver { receiver in
            receiver.setScript([.drop, 200], for: "/hooks/drop")
            let url = try receiver.url(for: "/hooks/drop")
            #expect(await DeliveryTestClient.post(url, body: Array("{}".utf8)) == nil)
            #expect(await DeliveryTestClient.post(url, body: Array("{}".utf8)) == 200)
            #expect(receiver.deliveries(path: "/hooks/drop").map(\.answer) == [.drop, 200])
            #expect(receiver.deliveries(path: "/hooks/drop").map(\.answeredStatus) == [nil, 200])
        }
    }

    @Test("a delayed answer waits, and stop() cuts a long delay short")
    func delayedAnswer() async throws {
        try await withReceiver { receiver in
            receiver.setScript([.delayed(.milliseconds(200), 202)], for: "/slow")
            let url = try receiver.url(for: "/slow")
            let start = ContinuousClock.now
            #expect(await DeliveryTestClient.post(url, body: []) == 202)
            #expect(ContinuousClock.now - start >= .milliseconds(200))
        }
        let receiver = WebhookReceiver()
        try receiver.start()
        receiver.setScript([.delayed(.seconds(30), 200)], for: "/stuck")
        let url = try receiver.url(for: "/stuck")
        let pending = Task { await DeliveryTestClient.post(url, body: []) }
        _ = await receiver.waitForDeliveries(path: "/stuck", count: 1, timeout: .seconds(5))
        let stopping = ContinuousClock.now
        receiver.stop()
        #expect(ContinuousClock.now - stopping < .seconds(5))
        #expect(await pending.value == nil)
    }

    @Test("duplicate headers, invalid UTF-8 and an empty body are recorded as sent")
    func hostileInput() async throws {
        try await withReceiver { receiver in
            let port = try #require(receiver.port)
            let invalid: [UInt8] = [0x7b, 0xff, 0xfe, 0x7d]
            let status = try DeliveryTestClient.postRaw(
                port: port,
                path: "/hooks/x?a=1",
                headerLines: ["X-Dup: one", "x-dup: two"],
                body: invalid
            )
            #expect(status == 200)
            #expect(try DeliveryTestClient.postRaw(port: port, path: "/hooks/x", headerLines: [], body: []) == 200)
            let recorded = receiver.deliveries(path: "/hooks/x")
            #expect(recorded.count == 2)
            #expect(recorded[0].headers.values(for: "X-Dup") == ["one", "two"])
            #expect(recorded[0].body == invalid)
            #expect(recorded[0].target == "/hooks/x?a=1")
            #expect(recorded[0].json == nil)
            #expect(recorded[1].body.isEmpty)
        }
    }

    @Test("a body over the receiver's limit is recorded whole, flagged, and answered 413")
    func oversizedBody() async throws {
        try await withReceiver(WebhookReceiver.Configuration(maxBodyBytes: 16 * 1024)) { receiver in
            let body = [UInt8](repeating: 0x61, count: 20 * 1024)
            let url = try receiver.url(for: "/big")
            #expect(await DeliveryTestClient.post(url, body: body) == 413)
            let recorded = try #require(receiver.deliveries(path: "/big").first)
            #expect(recorded.exceedsBodyLimit)
            #expect(recorded.body.count == body.count)
            #expect(recorded.answeredStatus == 413)
        }
    }

    @Test("a port already in use is a configuration error naming the port and the flag")
    func portInUse() async throws {
        try await withReceiver { first in
            let port = try #require(first.port)
            let second = WebhookReceiver(configuration: WebhookReceiver.Configuration(port: port))
            #expect(throws: WebhookReceiverError.portInUse(host: "127.0.0.1", port: port)) { try second.start() }
            let message = WebhookReceiverError.portInUse(host: "127.0.0.1", port: port).description
            #expect(message.contains("port \(port)") && message.contains("--receiver-port"))
        }
    }

    @Test("with a public base URL, subscription URLs use it and its path prefix is stripped on arrival")
    func publicBaseURL() async throws {
        let base = try #require(URL(string: "https://abc.tunnel.example/relay"))
        try await withReceiver(WebhookReceiver.Configuration(publicBaseURL: base)) { receiver in
            #expect(
                try receiver.url(for: "/hooks/a?version=2025-01-01").absoluteString
                    == "https://abc.tunnel.example/relay/hooks/a?version=2025-01-01"
            )
            receiver.setScript([418], for: "/hooks/a")
            let port = try #require(receiver.port)
            #expect(
                try DeliveryTestClient.postRaw(port: port, path: "/relay/hooks/a", headerLines: [], body: []) == 418
            )
            #expect(receiver.deliveries(path: "/hooks/a").count == 1)
        }
        let bad = WebhookReceiver(configuration: .init(publicBaseURL: URL(string: "ftp://x.example")))
        #expect(throws: WebhookReceiverError.invalidPublicURL("ftp://x.example")) { try bad.start() }
        #expect(throws: WebhookReceiverError.notRunning) { try WebhookReceiver().url(for: "/a") }
    }

    @Test("waiting returns as soon as the deliveries arrive, or what arrived at the timeout")
    func waiting() async throws {
        try await withReceiver { receiver in
            let url = try receiver.url(for: "/w")
            let none = await receiver.waitForDeliveries(path: "/w", count: 1, timeout: .milliseconds(50))
            #expect(none.isEmpty)
            Task { _ = await DeliveryTestClient.post(url, body: []) }
            let start = ContinuousClock.now
            let one = await receiver.waitForDeliveries(path: "/w", count: 1, timeout: .seconds(10))
            #expect(one.count == 1)
            #expect(ContinuousClock.now - start < .seconds(5))
            let quiet = await receiver.waitUntilQuiet(path: "/w", quiet: .milliseconds(50), timeout: .seconds(5))
            #expect(quiet.count == 1)
        }
    }
}
