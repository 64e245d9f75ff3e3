/// Builds the static part of the ``MigrationReport``: every v2 operation and event against its v3
/// counterpart, through the mapping.
struct MigrationDiff {
    let v2: OpenAPIDocument
    let v3: OpenAPIDocument
    let mapping: Mapping

    static let notRunReason = "live paired diff not run"
    private static let enumKinds: Set<SpecChange.Kind> = [.enumValueAdded, .enumValueRemoved, .enumValueMapped]

    private var valueTable: [String: (value: String?, reason: String?)] {
        Dictionary(uniqueKeysWithValues: mapping.events.entries.map { ($0.v2, ($0.v3, $0.reason)) })
    }

    func report() -> MigrationReport {
        let referenced = Set(mapping.operations.compactMap { $0.v3?.operationId })
        let mappedEvents = Set(mapping.events.entries.compactMap(\.v3))
        return MigrationReport(
            v2Source: v2.source, v3Source: v3.source, mappingSource: mapping.source,
            operations: mapping.operations.map(operationEntry),
            events: mapping.events.entries.map(eventEntry),
            v3OnlyOperations: v3.operations.filter { !referenced.contains($0.operationId ?? "") }.map(reference),
            v3OnlyEvents: (v3.enumStrings(atReference: mapping.events.v3Enum) ?? []).filter {
                !mappedEvents.contains($0)
            },
            errorShapes: errorShapes(), errorStatuses: mapping.errors.statuses,
            auth: mapping.auth, secret: mapping.secret, signatures: mapping.signatures)
    }

    private func reference(_ operation: OpenAPIOperation) -> OperationReference {
        OperationReference(
            operationId: operation.operationId ?? "", method: operation.method,
            path: operation.path.description)
    }

    private func operationEntry(_ entry: OperationMapping) -> MigrationReport.OperationEntry {
        let notRun = ParityResult.notRun(reason: Self.notRunReason)
        guard let v3Reference = entry.v3, let new = v3.operation(id: v3Reference.operationId),
            let old = v2.operation(id: entry.v2.operationId)
        else {
            let removed = SpecChange(
                kind: .operationRemoved, part: .operation,
                detail: "\(entry.v2.method) \(entry.v2.path) has no v3 counterpart",
                isBreaking: true, declaration: entry.reason)
            return .init(
                v2: entry.v2, v3: nil, reason: entry.reason, changes: [removed],
                parity: .notRun(reason: "no v3 counterpart"))
        }
        let changes = OperationComparison(
            oldDocument: v2, newDocument: v3, old: old, new: new, entry: entry, errors: mapping.errors,
            valueTable: valueTable
        ).changes()
        return .init(v2: entry.v2, v3: v3Reference, reason: entry.reason, changes: changes, parity: notRun)
    }

    private func eventEntry(_ entry: EventMapping) -> MigrationReport.EventEntry {
        var changes: [SpecChange] = []
        guard let v3Event = entry.v3 else {
            changes.append(
                .init(
                    kind: .eventRemoved, part: .event, detail: "\(entry.v2) has no v3 counterpart",
                    isBreaking: true, declaration: entry.reason))
            return .init(
                v2: entry.v2, v3: nil, isApproximate: false, condition: nil, reason: entry.reason,
                changes: changes, parity: .notRun(reason: "no v3 counterpart"))
        }
        if v3Event != entry.v2 {
            let condition = entry.condition.map { " where \($0.pointer) == \($0.equals.jsonString())" } ?? ""
            changes.append(
                .init(
                    kind: .eventRenamed, part: .event, detail: "\(entry.v2) → \(v3Event)\(condition)",
                    isBreaking: true, declaration: entry.reason ?? "renamed"))
        }
        if entry.isApproximate {
            changes.append(
                .init(
                    kind: .eventApproximated, part: .event,
                    detail: "\(v3Event) is only the nearest counterpart of \(entry.v2)",
                    isBreaking: true, declaration: entry.reason))
        }
        if let old = v2.webhook(for: entry.v2, names: ["{event}"]),
            let new = v3.webhook(for: v3Event, names: mapping.events.v3WebhookNames)
        {
            // Each payload's event_type enum lists every event; the event-level change above already says it.
            changes += SpecDiff.payloadChanges(v2, old, v3, new, fields: entry.payload.fields, valueTable: valueTable)
                .filter { !($0.field == "event_type" && Self.enumKinds.contains($0.kind)) }
        }
        return .init(
            v2: entry.v2, v3: v3Event, isApproximate: entry.isApproximate, condition: entry.condition,
            reason: entry.reason, changes: changes, parity: .notRun(reason: Self.notRunReason))
    }

    private func errorShapes() -> [MigrationReport.ErrorShapeEntry] {
        guard let envelope = v3.value(atReference: mapping.errors.v3Envelope) else { return [] }
        let newShape = SchemaShape(document: v3, schema: envelope.pointer)
        return mapping.errors.shapes.compactMap { shape in
            guard let schema = v2.value(atReference: shape.v2) else { return nil }
            let changes = BodyComparison(
                old: SchemaShape(document: v2, schema: schema.pointer), new: newShape, fields: shape.body.fields,
                part: .response(status: "error")
            ).changes()
            return .init(v2Schema: shape.v2, usedBy: shape.usedBy, changes: changes)
        }
    }
}
