import HTTPServer

/// The endpoints the sandbox serves, each with its path template and methods.
enum SandboxEndpoint: CaseIterable, Sendable {
    case v3Subscriptions
    case v3Subscription
    case v3WebhookEvents
    case v2Subscriptions
    case v2Subscription
    case controlEvents
    case controlDeliveries

    var template: PathTemplate {
        switch self {
        case .v3Subscriptions: PathTemplate("/v3/webhook-subscriptions")
        case .v3Subscription: PathTemplate("/v3/webhook-subscriptions/{subscriptionId}")
        case .v3WebhookEvents: PathTemplate("/v3/webhook-events")
        case .v2Subscriptions: PathTemplate("/api/partner/v2/webhook_subscriptions")
        case .v2Subscription: PathTemplate("/api/partner/v2/webhook_subscriptions/{webhook_subscription_id}")
        case .controlEvents: PathTemplate("/_sandbox/events")
        case .controlDeliveries: PathTemplate("/_sandbox/deliveries")
        }
    }

    var methods: [String] {
        switch self {
        case .v3Subscriptions: ["GET", "POST"]
        case .v3Subscription: ["GET", "PUT", "DELETE"]
        case .v3WebhookEvents, .controlDeliveries: ["GET"]
        case .v2Subscriptions: ["GET", "POST"]
        case .v2Subscription: ["PUT", "DELETE"]
        case .controlEvents: ["POST"]
        }
    }
}

/// Which API's conventions (error shape, auth) a path belongs to.
enum SandboxFamily: Sendable {
    case v3
    case v2
    case control

    /// The family of a normalised path; paths outside every API answer in the v3 shape.
    init(path: String) {
        if path.hasPrefix("/api/partner/v2/") || path == "/api/partner/v2" {
            self = .v2
        } else if path.hasPrefix("/_sandbox/") {
            self = .control
        } else {
            self = .v3
        }
    }
}

/// A request's path resolved against ``SandboxEndpoint``.
struct SandboxRoute: Sendable {
    var family: SandboxFamily
    /// `nil` when no endpoint has this path.
    var endpoint: SandboxEndpoint?
    var parameters: [String: String]

    /// Resolves `path`; `/api/partner/v3/…` is served as `/v3/…`, since the SDKs' base URL is
    /// `https://api.linqapp.com/api/partner`.
    init(path: String) {
        var normalised = path
        if path.hasPrefix("/api/partner/v3/") || path == "/api/partner/v3" {
            normalised = String(path.dropFirst("/api/partner".count))
        }
        family = SandboxFamily(path: normalised)
        endpoint = nil
        parameters = [:]
        for candidate in SandboxEndpoint.allCases {
            if let values = candidate.template.match(normalised) {
                endpoint = candidate
                parameters = values
                return
            }
        }
    }
}
