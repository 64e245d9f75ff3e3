/// A step that makes a webhook event happen.
///
/// Against the sandbox the runner posts `{event_type, phone_number?, api}` to `/_sandbox/events`.
/// A real API has no such endpoint: there the step's ``request`` (an ordinary API call, such as
/// sending a message from a test line) is sent instead, and a scenario whose trigger has none, or
/// whose request needs `LINQ_TEST_*` variables that are not set, is skipped with the reason.
public struct EventTrigger: Sendable, Hashable {
    /// The event the trigger causes (`message.sent`).
    public var eventType: String
    /// The line the event happens on, a template; `nil` for none.
    public var phoneNumber: String?
    /// The request that causes the event on a real API.
    public var request: RequestTemplate?

    public init(eventType: String, phoneNumber: String? = nil, request: RequestTemplate? = nil) {
        self.eventType = eventType
        self.phoneNumber = phoneNumber
        self.request = request
    }
}
