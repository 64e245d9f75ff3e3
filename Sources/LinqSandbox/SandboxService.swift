import ContractKit
import Foundation
import HTTPServer

/// The sandbox without sockets: one request in, one response out.
///
/// ``LinqSandbox`` puts it behind an ``HTTPServer``; tests call ``handle(_:)`` directly.
///
/// Besides the APIs, two request headers drive it:
/// - `X-Sandbox-Fault: name[,name]` adds faults (see ``SandboxFault``) to this request.
/// - `X-Sandbox-Simulate: rate-limit` answers 429 (v3 code 1007, `Retry-After: 1`, `error.retry_after: 1`;
///   v2 `rate_limited`), `X-Sandbox-Simulate: server-error` answers 500 (v3 code 3006; v2
///   `internal_server_error`). Both act after authentication, on the v2 and v3 endpoints.
public final class SandboxService: Sendable {
    /// The largest body the sandbox reads; larger ones answer 400 in the version's error shape (v3 code 5005:
    /// the error-code table documents no 413, see ``V3Error/bodyTooLarge(limit:)``).
    public static let maxBodyBytes = 1024 * 1024
    static let simulatedRetryAfter = 1

    private let configuration: SandboxConfiguration
    private let v3: V3SubscriptionsAPI
    private let v2: V2SubscriptionsAPI
    private let control: ControlAPI
    private let dispatcher: WebhookDispatcher

    /// Loads the event types and payload schemas from ``SandboxConfiguration/specsDirectory``.
    public convenience init(configuration: SandboxConfiguration) throws(SandboxError) {
        let specs = try SandboxSpecs.load(from: configuration.specsDirectory)
        self.init(configuration: configuration, specs: specs, poster: URLSessionWebhookPoster())
    }

    init(configuration: SandboxConfiguration, specs: SandboxSpecs, poster: any WebhookPoster) {
        self.configuration = configuration
        let store = SandboxStore()
        dispatcher = WebhookDispatcher(
            store: store,
            composer: DeliveryComposer(specs: specs, partnerID: configuration.partnerID),
            poster: poster,
            policy: .documented,
            timeScale: configuration.timeScale,
            clock: configuration.clock
        )
        v3 = V3SubscriptionsAPI(store: store, catalog: specs.v3, configuration: configuration)
        v2 = V2SubscriptionsAPI(store: store, catalog: specs.v2, configuration: configuration)
        control = ControlAPI(store: store, specs: specs, dispatcher: dispatcher)
    }

    /// Cancels every pending webhook delivery and refuses new ones.
    public func cancelDeliveries() {
        dispatcher.cancelAll()
    }

    /// Answers one request; never throws and never traps on client input.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let route = SandboxRoute(path: request.path)
        var context = RequestContext(
            faults: configuration.faults,
            traceID: SandboxIdentifiers.traceID(),
            now: configuration.clock()
        )
        do {
            context.faults.formUnion(try SandboxFault.parseList(request.headers["X-Sandbox-Fault"] ?? ""))
        } catch {
            let message = "X-Sandbox-Fault: \(error)"
            return fail(route.family, .invalidParameter(message), .validationFailed(message), request, context)
        }
        guard let endpoint = route.endpoint else {
            return fail(route.family, .unknownPath(request.path), .notFound("Route \(request.path)"), request, context)
        }
        guard endpoint.methods.contains(request.method) else {
            var response = fail(
                route.family,
                .unsupportedMethod(request.method, path: request.path, allowed: endpoint.methods),
                .unsupportedMethod(request.method, path: request.path, allowed: endpoint.methods),
                request,
                context
            )
            response.headers["Allow"] = endpoint.methods.joined(separator: ", ")
            return response
        }
        guard request.body.count <= Self.maxBodyBytes else {
            return fail(
                route.family,
                .bodyTooLarge(limit: Self.maxBodyBytes),
                .bodyTooLarge(limit: Self.maxBodyBytes),
                request,
                context
            )
        }
        switch route.family {
        case .v3:
            do {
                return try v3Answer(endpoint, request, route.parameters, context)
            } catch {
                return V3Reply.error(error, context)
            }
        case .v2:
            do {
                return try v2Answer(endpoint, request, route.parameters, context)
            } catch {
                return V2Reply.error(error, context)
            }
        case .control:
            do {
                return endpoint == .controlEvents
                    ? try control.trigger(request, context) : control.deliveries(request, context)
            } catch {
                return V3Reply.error(error, context)
            }
        }
    }

    private func v3Answer(
        _ endpoint: SandboxEndpoint,
        _ request: HTTPRequest,
        _ parameters: [String: String],
        _ context: RequestContext
    ) throws(V3Error) -> HTTPResponse {
        let partner = try v3.partner(of: request)
        switch Simulation(request) {
        case nil: break
        case .rateLimit?: throw .rateLimited(retryAfter: Self.simulatedRetryAfter)
        case .serverError?: throw .internalError
        case .unknown(let message)?: throw .invalidParameter(message)
        }
        let id = parameters["subscriptionId"] ?? ""
        switch (endpoint, request.method) {
        case (.v3Subscriptions, "POST"): return try v3.create(request, partner: partner, context)
        case (.v3Subscriptions, _): return v3.list(partner: partner, context)
        case (.v3Subscription, "GET"): return try v3.get(id: id, partner: partner, context)
        case (.v3Subscription, "PUT"): return try v3.update(id: id, request, partner: partner, context)
        case (.v3Subscription, _): return try v3.delete(id: id, partner: partner, context)
        default: return v3.events(context)
        }
    }

    private func v2Answer(
        _ endpoint: SandboxEndpoint,
        _ request: HTTPRequest,
        _ parameters: [String: String],
        _ context: RequestContext
    ) throws(V2Error) -> HTTPResponse {
        try v2.authenticate(request)
        switch Simulation(request) {
        case nil: break
        case .rateLimit?: throw .rateLimited(retryAfter: Self.simulatedRetryAfter)
        case .serverError?: throw .internalError
        case .unknown(let message)?: throw .validationFailed(message)
        }
        let id = parameters["webhook_subscription_id"] ?? ""
        switch (endpoint, request.method) {
        case (.v2Subscriptions, "POST"): return try v2.create(request, context)
        case (.v2Subscriptions, _): return v2.list(context)
        case (.v2Subscription, "PUT"): return try v2.update(id: id, request, context)
        default: return try v2.delete(id: id, context)
        }
    }

    /// The answer in the family's error shape; a v2 path gets the shape its resource uses.
    private func fail(
        _ family: SandboxFamily,
        _ v3Error: V3Error,
        _ v2Error: V2Error,
        _ request: HTTPRequest,
        _ context: RequestContext
    ) -> HTTPResponse {
        guard family == .v2 else { return V3Reply.error(v3Error, context) }
        return V2Reply.error(v2Error, context, shape: V2ErrorShape(path: request.path))
    }
}

/// What `X-Sandbox-Simulate` asks for.
private enum Simulation {
    case rateLimit
    case serverError
    case unknown(String)

    init?(_ request: HTTPRequest) {
        switch request.headers["X-Sandbox-Simulate"]?.lowercased() {
        case nil: return nil
        case "rate-limit": self = .rateLimit
        case "server-error": self = .serverError
        case let other?: self = .unknown("X-Sandbox-Simulate: unknown value '\(other)'; use rate-limit or server-error")
        }
    }
}
