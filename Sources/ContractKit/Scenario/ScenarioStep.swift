/// One step of a scenario: a request to the API, an event trigger, or a wait for webhook deliveries.
public struct ScenarioStep: Sendable, Hashable {
    /// What the step does.
    public enum Action: Sendable, Hashable {
        /// Sends a request and checks its response.
        case request(RequestTemplate)
        /// Makes an event happen: through the sandbox's control endpoint, or the trigger's own request.
        case trigger(EventTrigger)
        /// Waits for deliveries on one receiver path and checks them.
        case expectDeliveries(DeliveryExpectation)
    }

    /// Unique within its scenario; names the step in errors and reports.
    public var name: String
    public var action: Action
    /// What the response of ``request`` must look like (unused by delivery expectations).
    public var expect: Expectation
    /// Set when the step creates a resource: the delete that removes it again.
    public var createsResource: ResourceCleanup?

    public init(
        name: String,
        request: RequestTemplate,
        expect: Expectation = .init(),
        createsResource: ResourceCleanup? = nil
    ) {
        self.init(name: name, action: .request(request), expect: expect, createsResource: createsResource)
    }

    public init(
        name: String,
        action: Action,
        expect: Expectation = .init(),
        createsResource: ResourceCleanup? = nil
    ) {
        self.name = name
        self.action = action
        self.expect = expect
        self.createsResource = createsResource
    }

    /// The API request the step sends against a real deployment, if any: a request step's, or a
    /// trigger's own request.
    public var request: RequestTemplate? {
        switch action {
        case .request(let request): request
        case .trigger(let trigger): trigger.request
        case .expectDeliveries: nil
        }
    }
}

/// How to remove what a step created; registered in the ``CleanupLedger`` the moment the step succeeds.
public struct ResourceCleanup: Sendable, Hashable {
    /// A path template (`/v3/webhook-subscriptions/{{subId}}`) resolved with the variables known
    /// right after the creating step, its captures included.
    public var deletePath: String

    public init(deletePath: String) {
        self.deletePath = deletePath
    }
}
