import Foundation
import HTTPServer
import Synchronization

/// The embedded reference server for the Linq v2 and v3 webhook APIs: run it, point a client at
/// ``start()``'s URL (or at that URL plus `/api/partner`, as the SDKs' base URL), stop it.
///
/// Endpoints, control headers and faults are described on ``SandboxService`` and ``SandboxFault``.
public final class LinqSandbox: Sendable {
    public let configuration: SandboxConfiguration
    private let running = Mutex<(server: HTTPServer, service: SandboxService)?>(nil)

    public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.configuration = configuration
    }

    /// Loads the specs, binds the configured host and port, and returns the base URL,
    /// e.g. `http://127.0.0.1:49152`. Calling it while running returns the running URL.
    public func start() throws(SandboxError) -> URL {
        if let url = baseURL { return url }
        let service = try SandboxService(configuration: configuration)
        // The server's own 413 is plain; above the service's limit (and below this one) the
        // service answers in the version's error shape.
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.host,
                port: configuration.port,
                maxBodyBytes: 4 * SandboxService.maxBodyBytes
            ),
            handler: { service.handle($0) }
        )
        do {
            _ = try server.start()
        } catch {
            throw .serverFailed(reason: "\(error)")
        }
        running.withLock { $0 = (server, service) }
        guard let url = baseURL else { throw .serverFailed(reason: "the server stopped while starting") }
        return url
    }

    /// The base URL while running, else `nil`.
    /// Real-time seconds from an event's first delivery attempt to attempt `attempt` (1-based) when every
    /// earlier attempt failed, under the sandbox's retry schedule (1.5 s × 2ⁿ); scale by the time scale.
    public static func scheduledArrival(ofAttempt attempt: Int) -> Double {
        RetryPolicy.documented.arrival(ofAttempt: attempt)
    }

    public var baseURL: URL? {
        running.withLock { running in
            guard let running, let port = running.server.port else { return nil }
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            return URL(string: "http://\(host):\(port)")
        }
    }

    /// Stops serving, closes every connection and cancels pending webhook deliveries.
    public func stop() {
        let stopped = running.withLock { running in
            defer { running = nil }
            return running
        }
        stopped?.service.cancelDeliveries()
        stopped?.server.stop()
    }
}
