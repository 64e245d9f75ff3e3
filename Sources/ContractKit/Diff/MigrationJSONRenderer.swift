/// Renders `reports/migration.json` (format `linq-migration-report`, version 1).
///
/// Shape: `{format, formatVersion, sources: {v2, v3, mapping}, parity: {denominator: "mapped", mapped, run,
/// matched, withKnownDifferences, percentageOfRun, percentageOfMapped}, pairs: [{scenario, name,
/// operation | null, event | null, v2Step, v3Step, parity, differences: [{message, pointer, knownDifference}]}],
/// operations: [{v2: {operationId, method, path}, v3: {…} | null, reason, parity, changes}],
/// events: [{v2, v3, approximate, where: {pointer, equals} | null, reason, parity, changes}],
/// v3Only: {operations, events}, errors: {statuses: [{v2, v3, v3Codes, reason}], shapes:
/// [{v2Schema, usedBy, changes}]}}` where `parity` is `{result: "matched" | "matched (known differences)" |
/// "differs" | "not run", details: [String], reason}` and each change is
/// `{kind, part, field, detail, breaking, declared, declaration}`.
/// Percentages are `null` when nothing was run or mapped.
public struct MigrationJSONRenderer: Sendable {
    public static let formatVersion = 1

    public init() {}

    public func render(_ report: MigrationReport) -> String {
        document(report).jsonString([.prettyPrinted]) + "\n"
    }

    public func document(_ report: MigrationReport) -> JSONValue {
        let parity = report.parity
        return [
            "format": "linq-migration-report",
            "formatVersion": .number(.integer(Int64(Self.formatVersion))),
            "sources": [
                "v2": .string(report.v2Source), "v3": .string(report.v3Source),
                "mapping": .string(report.mappingSource),
            ],
            "parity": [
                "denominator": "mapped",
                "mapped": integer(parity.mapped), "run": integer(parity.run), "matched": integer(parity.matched),
                "withKnownDifferences": integer(parity.withKnownDifferences),
                "percentageOfRun": parity.percentageOfRun.map { .number(.double($0)) } ?? .null,
                "percentageOfMapped": parity.percentageOfMapped.map { .number(.double($0)) } ?? .null,
            ],
            "operations": .array(
                report.operations.map { entry in
                    [
                        "v2": reference(entry.v2), "v3": entry.v3.map(reference) ?? .null,
                        "reason": entry.reason.map(JSONValue.string) ?? .null,
                        "parity": parityValue(entry.parity), "changes": .array(entry.changes.map(change)),
                    ]
                }),
            "events": .array(
                report.events.map { entry in
                    [
                        "v2": .string(entry.v2), "v3": entry.v3.map(JSONValue.string) ?? .null,
                        "approximate": .bool(entry.isApproximate),
                        "where": entry.condition.map {
                            ["pointer": .string($0.pointer.description), "equals": $0.equals]
                        }
                            ?? .null,
                        "reason": entry.reason.map(JSONValue.string) ?? .null,
                        "parity": parityValue(entry.parity), "changes": .array(entry.changes.map(change)),
                    ]
                }),
            "pairs": .array(
                report.pairs.map { pair in
                    [
                        "scenario": .string(pair.scenario), "name": .string(pair.name),
                        "operation": subject(pair.subject).operation, "event": subject(pair.subject).event,
                        "v2Step": .string(pair.v2Step),
                        "v3Step": .string(pair.v3Step), "parity": parityValue(pair.parity),
                        "differences": .array(
                            pair.differences.map { difference in
                                [
                                    "message": .string(difference.finding.message),
                                    "pointer": .string(difference.finding.pointer),
                                    "knownDifference": difference.allowedBy.map(JSONValue.string) ?? .null,
                                ]
                            }),
                    ]
                }),
            "v3Only": [
                "operations": .array(report.v3OnlyOperations.map(reference)),
                "events": .array(report.v3OnlyEvents.map(JSONValue.string)),
            ],
            "errors": [
                "statuses": .array(
                    report.errorStatuses.map { status in
                        [
                            "v2": integer(status.v2), "v3": integer(status.v3),
                            "v3Codes": .array(status.v3Codes.map(integer)),
                            "reason": status.reason.map(JSONValue.string) ?? .null,
                        ]
                    }),
                "shapes": .array(
                    report.errorShapes.map { shape in
                        [
                            "v2Schema": .string(shape.v2Schema), "usedBy": shape.usedBy.map(JSONValue.string) ?? .null,
                            "changes": .array(shape.changes.map(change)),
                        ]
                    }),
            ],
        ]
    }

    private func integer(_ value: Int) -> JSONValue {
        .number(.integer(Int64(value)))
    }

    private func reference(_ reference: OperationReference) -> JSONValue {
        [
            "operationId": .string(reference.operationId), "method": .string(reference.method),
            "path": .string(reference.path),
        ]
    }

    /// The pair's subject in its own member, `null` in the other.
    private func subject(_ subject: PairOutcome.Subject) -> (operation: JSONValue, event: JSONValue) {
        switch subject {
        case .operation(let operationId): (.string(operationId), .null)
        case .event(let eventType): (.null, .string(eventType))
        }
    }

    private func parityValue(_ result: ParityResult) -> JSONValue {
        var reason: JSONValue = .null
        if case .notRun(let why) = result { reason = .string(why) }
        return [
            "result": .string(result.label), "details": .array(result.details.map(JSONValue.string)), "reason": reason,
        ]
    }

    private func change(_ change: SpecChange) -> JSONValue {
        [
            "kind": .string(change.kind.rawValue), "part": .string(change.part.description),
            "field": change.field.map { .string($0.text) } ?? .null, "detail": .string(change.detail),
            "breaking": .bool(change.isBreaking), "declared": .bool(change.isDeclared),
            "declaration": change.declaration.map(JSONValue.string) ?? .null,
        ]
    }
}
