/// The v2 → v3 mapping (`specs/mapping/v2-to-v3.json`): which v3 operation, field, event, error and
/// auth scheme stands for each v2 one, and why where none does.
///
/// Built by ``MappingLoader``, which checks every name in it against the two specs, so code reading
/// a `Mapping` can rely on each referenced operation, field and event existing.
public struct Mapping: Sendable {
    /// The mapping file, named in every message about it.
    public var source: String
    public var auth: AuthMapping
    public var secret: SecretMapping
    public var signatures: SignatureMapping
    public var errors: ErrorMapping
    /// Reusable field lists by name, referenced from operation bodies and event payloads.
    public var fieldSets: [String: FieldSet]
    /// One entry per v2 operation, in file order.
    public var operations: [OperationMapping]
    public var events: EventMappings

    /// The entry of the v2 operation with `operationId`, if any.
    public func operation(v2 operationId: String) -> OperationMapping? {
        operations.first { $0.v2.operationId == operationId }
    }

    /// The entry of the v2 event `name`, if any.
    public func event(v2 name: String) -> EventMapping? {
        events.entries.first { $0.v2 == name }
    }
}

/// One operation of one spec, named three ways so the mapping reads on its own and can be checked.
public struct OperationReference: Sendable, Hashable, CustomStringConvertible {
    public var operationId: String
    /// Upper-case HTTP method.
    public var method: String
    /// The path template as the spec writes it (`/v3/webhook-subscriptions/{subscriptionId}`).
    public var path: String

    public init(operationId: String, method: String, path: String) {
        self.operationId = operationId
        self.method = method
        self.path = path
    }

    /// `createWebhookSubscription (POST /v3/webhook-subscriptions)`.
    public var description: String {
        "\(operationId) (\(method) \(path))"
    }
}

/// How one v2 field corresponds to a v3 field: renamed, retyped, removed (`v3 == nil`) or added (`v2 == nil`).
public struct FieldMapping: Sendable, Hashable {
    /// A type change both sides agree on, e.g. integer ids becoming UUID strings.
    public struct TypeChange: Sendable, Hashable {
        public var v2: String
        public var v3: String
        public var v3Format: String?

        public init(v2: String, v3: String, v3Format: String? = nil) {
            self.v2 = v2
            self.v3 = v3
            self.v3Format = v3Format
        }
    }

    public var v2: FieldPath?
    public var v3: FieldPath?
    public var retype: TypeChange?
    /// Name of a value table (only `events`, the event table) that translates the field's enum values.
    public var values: String?
    public var reason: String?
    /// Where the entry sits in the mapping file.
    public var pointer: JSONPointer

    public init(
        v2: FieldPath?, v3: FieldPath?, retype: TypeChange? = nil, values: String? = nil, reason: String? = nil,
        pointer: JSONPointer = .root
    ) {
        self.v2 = v2
        self.v3 = v3
        self.retype = retype
        self.values = values
        self.reason = reason
        self.pointer = pointer
    }
}

/// A named list of field mappings, written relative to one object and placed by ``BodyMapping``.
public struct FieldSet: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var fields: [FieldMapping]
}

/// The field correspondences of one body (request, response or event payload), relative to its root.
public struct BodyMapping: Sendable, Hashable {
    /// Every field mapping, field sets already placed at their object paths.
    public var fields: [FieldMapping]

    public init(fields: [FieldMapping] = []) {
        self.fields = fields
    }
}

/// One v2 operation and its v3 counterpart, or the reason there is none.
public struct OperationMapping: Sendable, Hashable {
    public var v2: OperationReference
    public var v3: OperationReference?
    public var reason: String?
    /// Path parameters (renamed and retyped ids).
    public var parameters: [FieldMapping]
    public var request: BodyMapping
    public var response: BodyMapping
    /// The v3 error codes this operation returns per v2 status, overriding ``ErrorMapping/statuses``.
    public var errorCodes: [Int: [Int]]
    public var pointer: JSONPointer
}

/// One v2 event type and its v3 counterpart, or the reason there is none.
public struct EventMapping: Sendable, Hashable {
    /// Which v3 deliveries of a shared event type correspond, e.g. `/data/is_from_me == true`.
    public struct Condition: Sendable, Hashable {
        public var pointer: JSONPointer
        public var equals: JSONValue
    }

    public var v2: String
    public var v3: String?
    /// The v3 event is only the nearest match (`call.completed` → `call.ended`).
    public var isApproximate: Bool
    public var condition: Condition?
    public var reason: String?
    /// Payload field mappings: the shared envelope's plus this event's own.
    public var payload: BodyMapping
    public var pointer: JSONPointer
}

/// The event table and where the two specs keep their event enums and payload schemas.
public struct EventMappings: Sendable, Hashable {
    /// `#/components/schemas/WebhookEventType` style references into each spec.
    public var v2Enum: String
    public var v3Enum: String
    /// Names of the v3 `webhooks` entry describing an event, tried in order; `{event}` is the event type.
    public var v3WebhookNames: [String]
    public var entries: [EventMapping]

    /// The v3 event a v2 enum value translates to, or `nil` when it has none or is unknown.
    public func v3Value(for v2: String) -> String? {
        entries.first { $0.v2 == v2 }?.v3
    }
}
