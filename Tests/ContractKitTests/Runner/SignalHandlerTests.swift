import Foundation
import Synchronization
import Testing

@testable import ContractKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import TestSupport
#endif

@Suite(.blockingIO)
struct SignalHandlerTests {
    final class Recorder: Sendable {
        let events = Mutex<[String]>([])
        func append(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }
    }

    @Test func cleansUpOnceThenTerminatesWithOneHundredTwentyEightPlusTheSignal() async {
        let recorder = Recorder()
        let reaction = SignalHandler.Reaction(
            terminate: { recorder.append("exit \($0)") },
            cleanUp: { recorder.append("cleanup \($0)") }
        )
        await reaction.handle(SIGINT)
        await reaction.handle(SIGTERM)
        #expect(recorder.all == ["cleanup \(SIGINT)", "exit 130", "exit 143"])
    }

    /// A signal sent by another process, as Ctrl-C or `kill` would send it.
    @Test(.timeLimit(.minutes(1)))
    func reactsToASignalFromOutsideTheProcess() async throws {
        let recorder = Recorder()
        let (exits, continuation) = AsyncStream.makeStream(of: Int32.self)
        let handler = SignalHandler(
            signals: [SIGUSR2],
            terminate: { continuation.yield($0) },
            cleanUp: { recorder.append("cleanup \($0)") }
        )
        defer { handler.cancel() }
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/bin/kill")
        kill.arguments = ["-USR2", String(getpid())]
        try kill.run()
        kill.waitUntilExit()
        var iterator = exits.makeAsyncIterator()
        #expect(await iterator.next() == 128 + SIGUSR2)
        #expect(recorder.all == ["cleanup \(SIGUSR2)"])
    }
}
