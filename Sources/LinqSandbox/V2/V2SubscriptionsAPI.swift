import ContractKit
import HTTPServer

/// The v2 endpoints `/api/partner/v2/webhook_subscriptions[/{webhook_subscription_id}]`.
///
/// Each handler throws a ``V2Error`` for anything the client got wrong; the caller renders it.
struct V2SubscriptionsAPI: Sendable {
    let store: SandboxStore
    let catalog: EventCatalog
    let configuration: SandboxConfiguration

    func authenticate(_ request: HTTPRequest) throws(V2Error) {
        guard request.headers["X-LINQ-INTEGRATION-TOKEN"] == configuration.v2IntegrationToken else {
            throw .unauthorized
        }
    }

    func list(_ context: RequestContext) -> HTTPResponse {
        let subscriptions = store.withState { $0.v2Subscriptions }
        return V2Reply.json(200, ["webhook_subscriptions": .array(subscriptions.map { $0.json(context) })])
    }

    func create(_ request: HTTPRequest, _ context: RequestContext) throws(V2Error) -> HTTPResponse {
        let input = try V2SubscriptionInput(try Self.bodyObject(request), knownEvents: catalog.eventTypeSet)
        let subscription = store.withState { state in
            state.insertV2 { id in
                var secret: String?
                if case .set(let text) = input.secret { secret = text }
                return V2Subscription(
                    id: id,
                    webhookURL: input.webhookURL,
                    version: input.version,
                    events: input.events,
                    active: input.active ?? true,
                    secret: secret,
                    lastDeliveredAt: nil,
                    deliveryAttempts: 0,
                    createdAt: context.now,
                    updatedAt: context.now
                )
            }
        }
        return V2Reply.json(201, ["webhook_subscription": subscription.json(context)])
    }

    func update(id: String, _ request: HTTPRequest, _ context: RequestContext) throws(V2Error) -> HTTPResponse {
        let number = try Self.existingID(id, store)
        let input = try V2SubscriptionInput(try Self.bodyObject(request), knownEvents: catalog.eventTypeSet)
        let updated = store.withState { state in
            state.updateV2(id: number) { subscription in
                subscription.webhookURL = input.webhookURL
                subscription.events = input.events
                if let active = input.active { subscription.active = active }
                switch input.secret {
                case .absent: break
                case .cleared: subscription.secret = nil
                case .set(let text): subscription.secret = text
                }
                subscription.updatedAt = context.now
            }
        }
        guard let updated else { throw .notFound("Webhook subscription \(id)") }
        return V2Reply.json(200, ["webhook_subscription": updated.json(context)])
    }

    func delete(id: String, _ context: RequestContext) throws(V2Error) -> HTTPResponse {
        let number = try Self.existingID(id, store)
        guard store.withState({ $0.removeV2(id: number) }) else { throw .notFound("Webhook subscription \(id)") }
        return HTTPResponse(status: 204)
    }

    /// The integer id of an existing subscription; 404 for a non-integer or unknown id.
    private static func existingID(_ id: String, _ store: SandboxStore) throws(V2Error) -> Int {
        guard let number = Int(id), store.withState({ state in state.v2Subscriptions.contains { $0.id == number } })
        else { throw .notFound("Webhook subscription \(id)") }
        return number
    }

    private static func bodyObject(_ request: HTTPRequest) throws(V2Error) -> JSONObject {
        guard !request.body.isEmpty else { throw .invalidJSON("the body is empty; send a JSON object") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw .invalidJSON("\(error)")
        }
        guard let object = value.objectValue else {
            throw .invalidJSON("expected a JSON object, got \(value.typeName)")
        }
        return object
    }
}
