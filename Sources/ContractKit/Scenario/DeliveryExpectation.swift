/// A step that waits for webhook deliveries on one receiver path and checks them: signatures,
/// envelope and schema, event filter, and the retry timeline.
///
/// Times are real-API milliseconds; against the sandbox they are multiplied by its time scale,
/// as its retry schedule is.
public struct DeliveryExpectation: Sendable, Hashable {
    /// A path of the scenario's ``Scenario/receiver`` (`/a`).
    public var path: String
    /// How many deliveries (first attempt and retries) a conforming sender makes; waited for first.
    public var count: Int
    /// `true`: nothing may arrive on the path within ``quietMilliseconds``.
    public var expectsNone: Bool
    /// How long without a new delivery means the sender has finished (or never started).
    public var quietMilliseconds: Int
    /// The longest the step waits in all.
    public var timeoutMilliseconds: Int
    /// Why nothing must arrive, for the finding when something does.
    public var reason: String?

    public init(
        path: String,
        count: Int = 1,
        expectsNone: Bool = false,
        quietMilliseconds: Int = DeliveryExpectation.defaultQuietMilliseconds,
        timeoutMilliseconds: Int = DeliveryExpectation.defaultTimeoutMilliseconds,
        reason: String? = nil
    ) {
        self.path = path
        self.count = count
        self.expectsNone = expectsNone
        self.quietMilliseconds = quietMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.reason = reason
    }

    /// 10 s of real time: longer than the documented first retry interval.
    public static let defaultQuietMilliseconds = 10_000
    /// 2 minutes of real time.
    public static let defaultTimeoutMilliseconds = 120_000
}
