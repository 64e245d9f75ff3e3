/// The result of comparing two captures of one API (`conformance diff-specs --old FILE --new FILE`).
public struct SpecComparison: Sendable, Hashable {
    /// One operation or webhook and what changed in it.
    public struct Entry: Sendable, Hashable {
        /// `GET /v3/chats` for operations, the `webhooks` key for webhooks.
        public var name: String
        public var operationId: String?
        public var changes: [SpecChange]
    }

    public var old: String
    public var new: String
    public var operations: [Entry]
    public var webhooks: [Entry]

    public var allChanges: [SpecChange] {
        (operations + webhooks).flatMap(\.changes)
    }

    public var breakingChanges: [SpecChange] {
        allChanges.filter(\.isBreaking)
    }
}
