import Foundation
import HTTPServer
import Testing

@testable import ContractKit

extension Hostile {
    /// `URLSessionTransport` against servers that misbehave on the wire. For each: an error (or a
    /// response the checks can judge) within 5× the timeout, and resident memory growing by less than
    /// ``residentGrowthBound``.
    ///
    /// The memory bound: the transport keeps at most `maxBodyBytes` of a body. FoundationNetworking
    /// queues the chunks it reads for the delegate without back-pressure, so until the cancellation
    /// lands it holds whatever the server pushed meanwhile: at most the response (20 MB here); for an
    /// endless body on loopback, link speed × the time to cancel (measured from 20 MB to over 1 GB
    /// on a loaded 2-core machine; see `anEndlessBodyEndsAtTheCapOnTime`).
    @Suite(.serialized, .timeLimit(.minutes(1)))
    struct HostileServerTransportTests {
        static let timeout = Duration.seconds(1)
        /// Generous for a loaded 2-core machine, where reading an endless body at full speed took 5.6 s:
        /// the exchange must end within 10× its timeout (the bug this guards against took 26 s).
        static let wallClockBound = timeout * 10
        /// Coarse on purpose: the measurement is process-wide and the package's other suites run
        /// meanwhile (one of them parses a 50 MB document). It catches the gigabytes an endless
        /// body or endless headers pile up when nothing stops them, not a few megabytes.
        static let residentGrowthBound = 1024 * 1024 * 1024

        struct Outcome {
            var result: Result<TransportResponse, TransportError>
            var elapsed: Duration
            var residentGrowth: Int
            var bytesServerSent: Int
        }

        func exchange(
            with behaviour: @escaping HostileServer.Behaviour,
            transport: URLSessionTransport = .init()
        ) async throws -> Outcome {
            let server = try HostileServer(behaviour)
            defer { server.stop() }
            let request = TransportRequest(method: "GET", url: server.url(), timeout: Self.timeout)
            let measured = await ResourceProbe.measure { await Self.send(request, through: transport) }
            #expect(measured.elapsed < Self.wallClockBound, "took \(measured.elapsed)")
            #expect(measured.residentGrowth < Self.residentGrowthBound, "grew by \(measured.residentGrowth) bytes")
            return Outcome(
                result: measured.value,
                elapsed: measured.elapsed,
                residentGrowth: measured.residentGrowth,
                bytesServerSent: server.totalBytesSent
            )
        }

        static func send(
            _ request: TransportRequest,
            through transport: some HTTPTransport
        ) async -> Result<TransportResponse, TransportError> {
            do {
                return .success(try await transport.send(request))
            } catch {
                return .failure(error)
            }
        }

        @Test func anEmptyReplyIsAnError() async throws {
            let outcome = try await exchange(with: HostileBehaviour.empty)
            // curl calls it "Empty reply from server"; Darwin a lost connection.
            switch outcome.result {
            case .failure(.invalidResponse(let detail)), .failure(.connectionReset(let detail)):
                #expect(!detail.isEmpty)
            default: Issue.record("expected invalidResponse or connectionReset, got \(outcome.result)")
            }
        }

        /// A server that drops a kept-alive connection instead of answering the next request (an idle
        /// timeout racing the request, say): an error at once, for a request with a body too, not a wait
        /// for the deadline. (The sandbox's completion-handler session waited for its 10 s timeout in
        /// the POST case; its deliveries now close their connections.)
        @Test(arguments: ["GET", "POST"])
        func aDroppedKeptAliveConnectionIsAnErrorAtOnce(method: String) async throws {
            let server = try HostileServer(HostileBehaviour.empty)
            defer { server.stop() }
            let transport = URLSessionTransport()
            let healthy = TransportRequest(
                method: "GET", url: server.url(HostileServer.healthyPath), timeout: .seconds(20)
            )
            #expect(try await transport.send(healthy).status == 200)
            var request = TransportRequest(method: method, url: server.url(), timeout: .seconds(20))
            if method == "POST" { request.body = Array(#"{"a": 1}"#.utf8) }
            let measured = await ResourceProbe.measure { await Self.send(request, through: transport) }
            switch measured.value {
            case .failure(.invalidResponse), .failure(.connectionReset): break
            default: Issue.record("expected invalidResponse or connectionReset, got \(measured.value)")
            }
            #expect(measured.elapsed < .seconds(5), "took \(measured.elapsed)")
        }

        @Test(arguments: [
            ("truncated", HostileBehaviour.truncated),
            ("Content-Length longer than the body", HostileBehaviour.lengthLongerThanBody),
            ("reset mid-body", HostileBehaviour.resetMidBody),
        ])
        func aBodyThatBreaksOffIsAConnectionReset(
            name: String,
            behaviour: @escaping HostileServer.Behaviour
        ) async throws {
            let outcome = try await exchange(with: behaviour)
            guard case .failure(.connectionReset(let detail)) = outcome.result else {
                Issue.record("\(name): expected connectionReset, got \(outcome.result)")
                return
            }
            #expect(detail.contains("body bytes"), "\(name): \(detail)")
            #expect(TransportError.connectionReset(detail: detail).description.contains("broke off"))
        }

        @Test func aContentLengthShorterThanTheBodyEndsTheBodyThere() async throws {
            let outcome = try await exchange(with: HostileBehaviour.lengthShorterThanBody)
            let response = try outcome.result.get()
            #expect(response.body == Array(#"{"id""#.utf8))
            let exchange = Exchange(request: .init(method: "GET", url: URL(string: "http://x")!), response: response)
            guard case .invalid(let error) = exchange.body else {
                Issue.record("expected an invalid body, got \(exchange.body)")
                return
            }
            #expect(error.reason.contains("end of input"))
        }

        @Test(arguments: [true, false])
        func aTwentyMegabyteBodyIsAbandonedAtTheCap(announced: Bool) async throws {
            let cap = 1024 * 1024
            let outcome = try await exchange(
                with: HostileBehaviour.twentyMegabyteBody(announced: announced),
                transport: URLSessionTransport(maxBodyBytes: cap)
            )
            #expect(outcome.result == .failure(.bodyTooLarge(limit: cap)))
        }

        /// Regression: each chunk used to copy the whole body so far, so 10 MB took seconds and the
        /// exchange timed out instead of reporting the cap.
        @Test func theDefaultCapStopsATwentyMegabyteBodyWithoutALength() async throws {
            let outcome = try await exchange(with: HostileBehaviour.twentyMegabyteBody(announced: false))
            #expect(outcome.result == .failure(.bodyTooLarge(limit: URLSessionTransport.defaultMaxBodyBytes)))
        }

        /// Regression: the answer used to wait for FoundationNetworking's completion callback, queued
        /// behind every chunk already read, and then for `URLSessionTask.cancel()`, which waits for a
        /// work queue libcurl keeps busy while the bytes keep coming: against an endless body that
        /// came 26 s after a 1 s deadline here, 65 s on a loaded CI machine, with gigabytes read
        /// meanwhile. (The transfer itself goes on until the server stops, here at the end of the
        /// test, or the cancellation gets its turn: from under a second to 20 s seen here.)
        @Test func anEndlessBodyEndsAtTheCapOnTime() async throws {
            let server = try HostileServer(HostileBehaviour.endlessBody)
            defer { server.stop() }
            let request = TransportRequest(method: "GET", url: server.url(), timeout: Self.timeout)
            let measured = await ResourceProbe.measure {
                await Self.send(request, through: URLSessionTransport(maxBodyBytes: 1024 * 1024))
            }
            switch measured.value {
            case .failure(.bodyTooLarge(limit: 1024 * 1024)), .failure(.timeout(after: Self.timeout)): break
            default: Issue.record("expected bodyTooLarge or timeout, got \(measured.value)")
            }
            #expect(measured.elapsed < Self.wallClockBound, "took \(measured.elapsed)")
        }

        @Test func aDeeplyNestedBodyArrivesAndFailsToParseWithTheDepthLimit() async throws {
            let outcome = try await exchange(with: HostileBehaviour.deeplyNested)
            let response = try outcome.result.get()
            #expect(response.body.count == 20_000)
            let exchange = Exchange(request: .init(method: "GET", url: URL(string: "http://x")!), response: response)
            guard case .invalid(let error) = exchange.body else {
                Issue.record("expected an invalid body, got \(exchange.body)")
                return
            }
            #expect(error.reason.contains("nesting deeper than the limit of 512"))
            #expect(error.offset == 512)
        }

        @Test func invalidUTF8ArrivesAndFailsToParseAtTheBadByte() async throws {
            let outcome = try await exchange(with: HostileBehaviour.invalidUTF8)
            let response = try outcome.result.get()
            let exchange = Exchange(request: .init(method: "GET", url: URL(string: "http://x")!), response: response)
            guard case .invalid(let error) = exchange.body else {
                Issue.record("expected an invalid body, got \(exchange.body)")
                return
            }
            #expect(error.reason.contains("UTF-8"), "\(error)")
            #expect(error.offset == 10)
        }

        @Test(arguments: [
            ("never answers", HostileBehaviour.silent),
            ("drips a byte a second", HostileBehaviour.drip),
        ])
        func aServerThatNeverFinishesTimesOutOnTime(
            name: String,
            behaviour: @escaping HostileServer.Behaviour
        ) async throws {
            let outcome = try await exchange(with: behaviour)
            #expect(outcome.result == .failure(.timeout(after: Self.timeout)), "\(name)")
            #expect(outcome.elapsed >= Self.timeout * 0.9)
        }

        /// curl stops at 300 KB of headers ("Too large response headers"); a client without such a
        /// limit must still end at the deadline, and the memory bound catches one that buffers them.
        @Test func endlessHeadersEndWithinTheTimeoutAndBoundedMemory() async throws {
            let outcome = try await exchange(with: HostileBehaviour.endlessHeaders)
            switch outcome.result {
            case .failure(.invalidResponse(let detail)): #expect(detail.contains("header"), "\(detail)")
            case .failure(.timeout(after: Self.timeout)): break
            default: Issue.record("expected invalidResponse or timeout, got \(outcome.result)")
            }
        }
    }
}
