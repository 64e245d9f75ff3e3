import Foundation
import HTTPServer
import Synchronization
import Testing
import TestSupport

@Suite(.blockingIO) struct TCPListenerTests {
    @Test func acceptReturnsNilOnceClosedFromAnotherThread() async throws {
        let listener = try TCPListener()
        #expect(listener.port != 0)
        let accepted = Mutex<Bool?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let connection = try? listener.accept()
            accepted.withLock { $0 = connection != nil }
            finished.signal()
        }
        try await Task.sleep(for: .milliseconds(50))
        listener.close()
        #expect(finished.wait(timeout: .now() + 1) == .success)
        #expect(accepted.withLock { $0 } == false)
        #expect(throws: SocketError.connectionRefused(host: "127.0.0.1", port: listener.port)) {
            try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
        }
    }

    @Test func closeWakesABlockedRead() async throws {
        let listener = try TCPListener()
        defer { listener.close() }
        let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
        let server = try #require(try listener.accept())
        defer { server.close() }
        let outcome = Mutex<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result: String
            do { result = "read \(try client.read().count) bytes" } catch { result = "\(error)" }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        try await Task.sleep(for: .milliseconds(50))
        client.close()
        #expect(finished.wait(timeout: .now() + 1) == .success)
        #expect(outcome.withLock { $0 } != nil)
        #expect(throws: SocketError.closed) { try client.write("late") }
    }

    @Test func readTimesOutAndWritesDoNotRaiseSIGPIPE() throws {
        let listener = try TCPListener()
        defer { listener.close() }
        let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
        defer { client.close() }
        let server = try #require(try listener.accept())
        try client.setReadTimeout(.milliseconds(50))
        #expect(throws: SocketError.timedOut) { try client.read() }
        server.close()
        #expect(try client.read().isEmpty)
        #expect(throws: SocketError.connectionReset) {
            for _ in 0..<100 { try client.write([UInt8](repeating: 0, count: 65_536)) }
        }
    }

    @Test func bindingABusyPortFails() throws {
        let listener = try TCPListener()
        defer { listener.close() }
        #expect(throws: SocketError.addressInUse(host: "127.0.0.1", port: listener.port)) {
            try TCPListener(port: listener.port)
        }
    }
}
