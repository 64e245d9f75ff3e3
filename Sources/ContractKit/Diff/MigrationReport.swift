/// Per v2 operation and event: its v3 counterpart, the static differences and the live parity result.
///
/// ``SpecDiff/migration(v2:v3:mapping:)`` fills the static part and leaves every parity
/// ``ParityResult/notRun(reason:)``;
/// the live paired diff records its results with ``recordParity(_:operation:)`` and ``recordParity(_:event:)``.
/// Renderers: ``MigrationMarkdownRenderer``, ``MigrationJSONRenderer``; ``testCases`` for JUnit.
public struct MigrationReport: Sendable, Hashable {
    /// One v2 operation.
    public struct OperationEntry: Sendable, Hashable {
        public var v2: OperationReference
        public var v3: OperationReference?
        /// Why there is no v3 counterpart, when there is none.
        public var reason: String?
        public var changes: [SpecChange]
        public var parity: ParityResult
    }

    /// One v2 event type.
    public struct EventEntry: Sendable, Hashable {
        public var v2: String
        public var v3: String?
        public var isApproximate: Bool
        public var condition: EventMapping.Condition?
        public var reason: String?
        public var changes: [SpecChange]
        public var parity: ParityResult
    }

    /// A v2 error schema compared with the v3 envelope.
    public struct ErrorShapeEntry: Sendable, Hashable {
        public var v2Schema: String
        public var usedBy: String?
        public var changes: [SpecChange]
    }

    public var v2Source: String
    public var v3Source: String
    public var mappingSource: String
    public var operations: [OperationEntry]
    public var events: [EventEntry]
    /// v3 operations no v2 operation maps to.
    public var v3OnlyOperations: [OperationReference]
    /// v3 event types no v2 event maps to.
    public var v3OnlyEvents: [String]
    public var errorShapes: [ErrorShapeEntry]
    public var errorStatuses: [ErrorMapping.Status]
    public var auth: AuthMapping
    public var secret: SecretMapping
    public var signatures: SignatureMapping

    /// Records the live result for the v2 operation `operationId`; `false` when the report has no such operation.
    @discardableResult
    public mutating func recordParity(_ result: ParityResult, operation operationId: String) -> Bool {
        guard let index = operations.firstIndex(where: { $0.v2.operationId == operationId }) else { return false }
        operations[index].parity = result
        return true
    }

    /// Records the live result for the v2 event `event`; `false` when the report has no such event.
    @discardableResult
    public mutating func recordParity(_ result: ParityResult, event: String) -> Bool {
        guard let index = events.firstIndex(where: { $0.v2 == event }) else { return false }
        events[index].parity = result
        return true
    }

    public var parity: ParitySummary {
        let results = operations.filter { $0.v3 != nil }.map(\.parity) + events.filter { $0.v3 != nil }.map(\.parity)
        return ParitySummary(
            mapped: results.count, run: results.count(where: \.wasRun), matched: results.count { $0 == .matched })
    }

    /// Every static change of operations and events.
    public var allChanges: [SpecChange] {
        operations.flatMap(\.changes) + events.flatMap(\.changes) + errorShapes.flatMap(\.changes)
    }
}

/// Parity counts over the mapped operations and events (those with a v3 counterpart).
public struct ParitySummary: Sendable, Hashable {
    public var mapped: Int
    public var run: Int
    public var matched: Int

    /// Matched over run, in percent; `nil` when nothing ran.
    public var percentageOfRun: Double? {
        run == 0 ? nil : Double(matched) * 100 / Double(run)
    }

    /// Matched over all mapped, in percent: the figure `--fail-below` gates on, so entries not run count against it.
    public var percentageOfMapped: Double? {
        mapped == 0 ? nil : Double(matched) * 100 / Double(mapped)
    }
}
