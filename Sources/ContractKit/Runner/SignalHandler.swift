import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an async clean-up when the process gets SIGINT or SIGTERM, then ends it with 128 + signal
/// (130 for Ctrl-C, 143 for SIGTERM). A second signal during the clean-up ends the process at once.
///
/// Installing sets the signals to `SIG_IGN` so the default action does not kill the process before
/// the dispatch source sees the signal; ``cancel()`` restores the defaults.
public final class SignalHandler: Sendable {
    /// What happens on a signal; shared with the dispatch sources' event handlers.
    final class Reaction: Sendable {
        private let seen = Mutex(false)
        private let terminate: @Sendable (Int32) -> Void
        private let cleanUp: @Sendable (Int32) async -> Void

        init(terminate: @escaping @Sendable (Int32) -> Void, cleanUp: @escaping @Sendable (Int32) async -> Void) {
            self.terminate = terminate
            self.cleanUp = cleanUp
        }

        /// Cleans up and terminates on the first signal; terminates at once on any later one.
        func handle(_ number: Int32) async {
            let isFirst = seen.withLock { seen in
                defer { seen = true }
                return !seen
            }
            if isFirst { await cleanUp(number) }
            terminate(128 + number)
        }
    }

    /// Dispatch sources are not `Sendable`; the mutex makes touching them from any thread safe.
    private let sources: Mutex<[any DispatchSourceSignal]>
    private let signals: [Int32]
    let reaction: Reaction

    /// - Parameters:
    ///   - signals: the signals to handle.
    ///   - terminate: ends the process; injected so tests can observe it instead of exiting.
    ///   - cleanUp: what to do before terminating (drain the cleanup ledger, write reports).
    public init(
        signals: [Int32] = [SIGINT, SIGTERM],
        terminate: @escaping @Sendable (Int32) -> Void = { code in exit(code) },
        cleanUp: @escaping @Sendable (Int32) async -> Void
    ) {
        self.signals = signals
        let reaction = Reaction(terminate: terminate, cleanUp: cleanUp)
        self.reaction = reaction
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await reaction.handle(number) } }
            source.resume()
            return source
        }
        self.sources = Mutex(sources)
    }

    /// Stops handling and restores the signals' default actions.
    public func cancel() {
        sources.withLock { sources in for source in sources { source.cancel() } }
        for number in signals { signal(number, SIG_DFL) }
    }
}
