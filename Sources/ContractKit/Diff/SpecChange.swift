/// One difference between two specs (v2 and v3 through the mapping, or two captures of one API),
/// classified the way oasdiff classifies breaking changes.
public struct SpecChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case operationAdded, operationRemoved
        case fieldAdded, fieldRemoved, fieldRenamed
        case typeChanged, formatChanged, madeRequired, madeOptional
        case enumValueAdded, enumValueRemoved, enumValueMapped
        case parameterAdded, parameterRemoved, parameterRenamed
        case successStatusChanged, statusAdded, statusRemoved, errorStatusTranslated, errorShapeChanged
        case eventAdded, eventRemoved, eventRenamed, eventApproximated
    }

    /// Which part of an operation or event the change is in.
    public enum Part: Sendable, Hashable, CustomStringConvertible {
        case operation
        case parameters
        case request
        /// The response documented for `status` (`"200"`).
        case response(status: String)
        case event
        case payload

        /// Requests and webhook payloads flow to the server's consumer in opposite directions; oasdiff's rules
        /// follow the reader: a request is read by the server, a response or delivery by the client.
        public var isReadByClient: Bool {
            switch self {
            case .response, .payload, .event: true
            case .operation, .parameters, .request: false
            }
        }

        public var description: String {
            switch self {
            case .operation: "operation"
            case .parameters: "parameters"
            case .request: "request"
            case .response(let status): "response \(status)"
            case .event: "event"
            case .payload: "payload"
            }
        }
    }

    public var kind: Kind
    public var part: Part
    /// The field or parameter, in the newer (v3) spec's terms where it exists there.
    public var field: FieldPath?
    /// One line: what was and what is, e.g. `webhook_url → target_url`.
    public var detail: String
    /// Whether a client written against the old spec can break (oasdiff's notion).
    public var isBreaking: Bool
    /// The mapping's reason when the mapping declares this change; `nil` when nothing explains it.
    public var declaration: String?

    public init(
        kind: Kind, part: Part, field: FieldPath? = nil, detail: String, isBreaking: Bool, declaration: String? = nil
    ) {
        self.kind = kind
        self.part = part
        self.field = field
        self.detail = detail
        self.isBreaking = isBreaking
        self.declaration = declaration
    }

    /// Declared by the mapping: expected when migrating, not a surprise.
    public var isDeclared: Bool { declaration != nil }
}
