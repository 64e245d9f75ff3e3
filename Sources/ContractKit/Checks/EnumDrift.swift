/// Values of one enum-typed field that the captured spec does not list, as seen during a run.
public struct EnumDrift: Sendable, Hashable {
    struct Key: Hashable {
        var version: String
        var field: String
    }

    /// The API version, from the findings' location (empty when they carry none).
    public var version: String
    /// The field with array positions as `*` (`/subscriptions/*/subscribed_events/*`).
    public var field: String
    /// The unseen values, as JSON text, sorted.
    public var values: [String]

    public init(version: String, field: String, values: [String]) {
        self.version = version
        self.field = field
        self.values = values
    }
}
