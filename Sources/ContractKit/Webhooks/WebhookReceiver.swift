import Dispatch
import Foundation
import HTTPServer
import Synchronization

/// The endpoint webhook subscriptions point at: it records every delivery and answers from a
/// per-path ``Script``, so a scenario can provoke retries (`[503, 503, 200]`) or forbid them (`[400]`).
///
/// Several subscriptions share one receiver by using different paths (`/hooks/{scenario}/{name}`).
///
/// ```swift
/// let receiver = WebhookReceiver()
/// try receiver.start()
/// defer { receiver.stop() }
/// receiver.setScript([503, 503, 200], for: "/hooks/retry/a")
/// let targetURL = try receiver.url(for: "/hooks/retry/a?version=2026-02-03")
/// // … create the subscription, trigger an event …
/// let attempts = await receiver.waitForDeliveries(path: "/hooks/retry/a", count: 3, timeout: .seconds(5))
/// ```
public final class WebhookReceiver: Sendable {
    public let configuration: Configuration
    private let store: Store
    private let running = Mutex<Run?>(nil)

    /// A receiver that stamps arrivals with `clock` (injected so tests can pin time).
    public init(configuration: Configuration = .init(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        store = Store(configuration: configuration, clock: clock)
    }

    /// Binds the configured host and port and returns the base URL deliveries should use
    /// (the public base URL when one is configured). Calling it while running returns that URL.
    @discardableResult
    public func start() throws(WebhookReceiverError) -> URL {
        if let publicBaseURL = configuration.publicBaseURL {
            guard let scheme = publicBaseURL.scheme?.lowercased(), ["http", "https"].contains(scheme),
                publicBaseURL.host != nil
            else {
                throw .invalidPublicURL(publicBaseURL.absoluteString)
            }
        }
        try running.withLock { running throws(WebhookReceiverError) in
            guard running == nil else { return }
            let store = self.store
            let stopSignal = DispatchSemaphore(value: 0)
            let server = HTTPServer(
                configuration: HTTPServer.Configuration(
                    host: configuration.host,
                    port: configuration.port,
                    maxBodyBytes: 4 * max(configuration.maxBodyBytes, 16 * 1024)
                ),
                handler: { store.answer($0, stopSignal: stopSignal) }
            )
            do throws(HTTPServerError) {
                try server.start()
            } catch .addressInUse(let host, let port) {
                throw .portInUse(host: host, port: port)
            } catch {
                throw .cannotListen(host: configuration.host, port: configuration.port, reason: error.description)
            }
            running = Run(server: server, stopSignal: stopSignal)
        }
        return try baseURL()
    }

    /// Stops listening; delayed answers still waiting are cut short and their connections dropped.
    /// Recorded deliveries stay readable.
    public func stop() {
        guard
            let run = running.withLock({ running in
                defer { running = nil }
                return running
            })
        else { return }
        run.stopSignal.signal()
        run.server.stop()
    }

    deinit {
        stop()
    }

    /// The bound local port while running.
    public var port: UInt16? {
        running.withLock { $0?.server.port }
    }

    /// The URL to give a subscription as `target_url` for `path` (which may carry a query such as
    /// `?version=2026-02-03`): under the public base URL when configured, else `http://host:port`.
    public func url(for path: String) throws(WebhookReceiverError) -> URL {
        let base = try baseURL().absoluteString
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let joined = trimmed + (path.hasPrefix("/") ? path : "/" + path)
        guard let url = URL(string: joined) else { throw .invalidPublicURL(joined) }
        return url
    }

    /// Sets the answers for deliveries on `path` (no query) and restarts its count.
    public func setScript(_ script: Script, for path: String) {
        store.setScript(script, for: path)
    }

    /// Every delivery so far, in arrival order.
    public var deliveries: [ReceivedDelivery] {
        store.deliveries(path: nil)
    }

    /// The deliveries so far on `path`, in arrival order.
    public func deliveries(path: String) -> [ReceivedDelivery] {
        store.deliveries(path: path)
    }

    /// Waits until `path` has at least `count` deliveries or `timeout` passes, and returns what arrived;
    /// fewer than `count` means the sender did not deliver (or retry) in time, which is for checks to judge.
    public func waitForDeliveries(path: String, count: Int, timeout: Duration) async -> [ReceivedDelivery] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = store.deliveries(path: path)
            if received.count >= count || ContinuousClock.now >= deadline { return received }
            guard (try? await Task.sleep(for: Self.pollInterval)) != nil else { return received }
        }
    }

    /// Waits until `path` has had no new delivery for `quiet` (or `timeout` passes) and returns its
    /// deliveries: the way to observe that a sender stopped, or never started, retrying.
    public func waitUntilQuiet(path: String, quiet: Duration, timeout: Duration) async -> [ReceivedDelivery] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var count = store.deliveries(path: path).count
        var lastChange = clock.now
        while true {
            let received = store.deliveries(path: path)
            if received.count != count {
                count = received.count
                lastChange = clock.now
            }
            if clock.now - lastChange >= quiet || clock.now >= deadline { return received }
            guard (try? await Task.sleep(for: Self.pollInterval)) != nil else { return received }
        }
    }

    /// Short enough to add no visible latency under a 0.001 time scale, long enough to keep the CPU idle.
    private static let pollInterval = Duration.milliseconds(5)

    private func baseURL() throws(WebhookReceiverError) -> URL {
        if let publicBaseURL = configuration.publicBaseURL { return publicBaseURL }
        guard let port else { throw .notRunning }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        guard let url = URL(string: "http://\(host):\(port)") else { throw .notRunning }
        return url
    }

    private struct Run: Sendable {
        let server: HTTPServer
        /// Signalled on stop, so delayed answers end instead of holding `HTTPServer.stop()`.
        let stopSignal: DispatchSemaphore
    }
}
