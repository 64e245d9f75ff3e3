/// One request of a scenario and what its response must look like.
public struct ScenarioStep: Sendable, Hashable {
    /// Unique within its scenario; names the step in errors and reports.
    public var name: String
    public var request: RequestTemplate
    public var expect: Expectation
    /// Set when the step creates a resource: the delete that removes it again.
    public var createsResource: ResourceCleanup?

    public init(
        name: String,
        request: RequestTemplate,
        expect: Expectation = .init(),
        createsResource: ResourceCleanup? = nil
    ) {
        self.name = name
        self.request = request
        self.expect = expect
        self.createsResource = createsResource
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
