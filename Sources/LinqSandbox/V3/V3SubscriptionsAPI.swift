import ContractKit
import HTTPServer

/// The v3 webhook endpoints: `/v3/webhook-subscriptions[/{subscriptionId}]` and `/v3/webhook-events`.
///
/// Each handler throws a ``V3Error`` for anything the client got wrong; the caller renders it.
struct V3SubscriptionsAPI: Sendable {
    let store: SandboxStore
    let catalog: EventCatalog
    let configuration: SandboxConfiguration

    /// The constant `doc_url` of `GET /v3/webhook-events` (the current value, per the Go SDK).
    static let eventsDocURL = "https://docs.linqapp.com/guides/webhooks/events"
    /// The partner id owning subscriptions made with ``SandboxConfiguration/v3OtherPartnerAPIKey``.
    static let otherPartnerID = "sandbox-other-partner"

    /// The partner the bearer token belongs to; 401 (2004) for a missing or unknown token.
    func partner(of request: HTTPRequest) throws(V3Error) -> String {
        guard let header = request.headers["Authorization"] else { throw .unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .unauthorized }
        switch String(parts[1]) {
        case configuration.v3APIKey: return configuration.partnerID
        case configuration.v3OtherPartnerAPIKey: return Self.otherPartnerID
        default: throw .unauthorized
        }
    }

    func create(_ request: HTTPRequest, partner: String, _ context: RequestContext) throws(V3Error) -> HTTPResponse {
        let input = try V3SubscriptionInput(
            try Self.bodyObject(request),
            isCreate: true,
            knownEvents: catalog.eventTypeSet,
            acceptsInsecureHTTP: context.has(.httpTargetURLAccepted)
        )
        var phoneNumbers: [String]?
        if case .only(let numbers) = input.phoneNumbers { phoneNumbers = numbers }
        let subscription = V3Subscription(
            id: SandboxIdentifiers.uuid(),
            partnerID: partner,
            targetURL: input.targetURL ?? "",
            subscribedEvents: input.subscribedEvents ?? [],
            phoneNumbers: phoneNumbers,
            isActive: true,
            signingSecret: SandboxIdentifiers.signingSecret(),
            createdAt: context.now,
            updatedAt: context.now
        )
        do {
            try store.withState { (state) throws(SandboxState.V3Conflict) in
                try state.insertV3(subscription, enforcingUniqueURL: !context.has(.targetURLNotUnique))
            }
        } catch {
            throw Self.targetURLInUse(subscription.targetURL)
        }
        return V3Reply.json(201, subscription.json(includingSecret: true, context), context)
    }

    func list(partner: String, _ context: RequestContext) -> HTTPResponse {
        let subscriptions = store.withState { $0.v3Subscriptions(of: partner) }
        let items = subscriptions.map { $0.json(includingSecret: context.has(.secretOnGet), context) }
        return V3Reply.json(200, ["subscriptions": .array(items)], context)
    }

    func get(id: String, partner: String, _ context: RequestContext) throws(V3Error) -> HTTPResponse {
        let subscription = try lookup(id: id, partner: partner, context)
        return V3Reply.json(200, subscription.json(includingSecret: context.has(.secretOnGet), context), context)
    }

    func update(
        id: String,
        _ request: HTTPRequest,
        partner: String,
        _ context: RequestContext
    ) throws(V3Error) -> HTTPResponse {
        _ = try lookup(id: id, partner: partner, context)
        let input = try V3SubscriptionInput(
            try Self.bodyObject(request),
            isCreate: false,
            knownEvents: catalog.eventTypeSet,
            acceptsInsecureHTTP: context.has(.httpTargetURLAccepted)
        )
        let updated: V3Subscription?
        do {
            updated = try store.withState { (state) throws(SandboxState.V3Conflict) in
                try state.updateV3(id: id, enforcingUniqueURL: !context.has(.targetURLNotUnique)) { subscription in
                    Self.apply(input, to: &subscription, context)
                }
            }
        } catch {
            throw Self.targetURLInUse(input.targetURL ?? "")
        }
        guard let updated else { throw Self.notFound(id, context) }
        return V3Reply.json(200, updated.json(includingSecret: false, context), context)
    }

    func delete(id: String, partner: String, _ context: RequestContext) throws(V3Error) -> HTTPResponse {
        _ = try lookup(id: id, partner: partner, context)
        guard store.withState({ $0.removeV3(id: id) }) else { throw Self.notFound(id, context) }
        return V3Reply.noContent(context)
    }

    func events(_ context: RequestContext) -> HTTPResponse {
        let events = catalog.eventTypes.map(JSONValue.string)
        return V3Reply.json(200, ["events": .array(events), "doc_url": .string(Self.eventsDocURL)], context)
    }

    private static func apply(
        _ input: V3SubscriptionInput,
        to subscription: inout V3Subscription,
        _ context: RequestContext
    ) {
        if let targetURL = input.targetURL { subscription.targetURL = targetURL }
        if let events = input.subscribedEvents { subscription.subscribedEvents = events }
        switch input.phoneNumbers {
        case .absent: break
        case .cleared: subscription.phoneNumbers = nil
        case .only(let numbers): subscription.phoneNumbers = numbers
        }
        if let isActive = input.isActive, !context.has(.putIgnoresIsActive) { subscription.isActive = isActive }
        subscription.updatedAt = context.now
    }

    private func lookup(id: String, partner: String, _ context: RequestContext) throws(V3Error) -> V3Subscription {
        guard let subscription = store.withState({ $0.v3Subscription(id: id) }) else {
            throw Self.notFound(id, context)
        }
        guard subscription.partnerID == partner else { throw .accessDenied }
        return subscription
    }

    private static func notFound(_ id: String, _ context: RequestContext) -> V3Error {
        guard context.has(.wrongNotFoundCode) else { return .subscriptionNotFound(id) }
        return V3Error(status: 404, code: 2001, message: "Chat not found: \(id)")
    }

    /// A reused `target_url`: the captured spec declares no 409 for create, so it is a 400 invalid parameter.
    private static func targetURLInUse(_ url: String) -> V3Error {
        .invalidParameter("target_url is already used by another webhook subscription: \(url)")
    }

    /// The body as a JSON object; 1003 when it is empty, not JSON, or not an object.
    static func bodyObject(_ request: HTTPRequest) throws(V3Error) -> JSONObject {
        guard !request.body.isEmpty else { throw .invalidBody("the body is empty; send a JSON object") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw .invalidBody("not valid JSON (\(error))")
        }
        guard let object = value.objectValue else {
            throw .invalidBody("expected a JSON object, got \(value.typeName)")
        }
        return object
    }
}
