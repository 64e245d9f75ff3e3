/// The static diff: compares specs without calling any API.
///
/// Two modes: ``compare(old:new:)`` for two captures of one API, and ``migration(v2:v3:mapping:)``
/// for v2 against v3 through the mapping, which yields the ``MigrationReport`` the live paired diff
/// later completes.
public enum SpecDiff {
    /// Compares two captures of the same API: operations (matched by method and path template, parameter
    /// names ignored) and webhooks added or removed; per operation, parameters, request body, statuses and
    /// every response body; per webhook, its payload.
    public static func compare(old: OpenAPIDocument, new: OpenAPIDocument) -> SpecComparison {
        var operations: [SpecComparison.Entry] = []
        for operation in old.operations {
            let name = "\(operation.method) \(operation.path)"
            guard let counterpart = new.operations.first(where: { sameRoute($0, operation) }) else {
                operations.append(
                    .init(
                        name: name, operationId: operation.operationId,
                        changes: [
                            .init(
                                kind: .operationRemoved, part: .operation, detail: "\(name) removed", isBreaking: true)
                        ]))
                continue
            }
            let changes = OperationComparison(
                oldDocument: old, newDocument: new, old: operation, new: counterpart, entry: nil, errors: nil,
                valueTable: [:]
            ).changes()
            operations.append(.init(name: name, operationId: counterpart.operationId, changes: changes))
        }
        for operation in new.operations where !old.operations.contains(where: { sameRoute($0, operation) }) {
            let name = "\(operation.method) \(operation.path)"
            operations.append(
                .init(
                    name: name, operationId: operation.operationId,
                    changes: [
                        .init(kind: .operationAdded, part: .operation, detail: "\(name) added", isBreaking: false)
                    ]))
        }
        var webhooks: [SpecComparison.Entry] = []
        for webhook in old.webhooks {
            guard
                let counterpart = new.webhooks.first(where: { $0.name == webhook.name && $0.method == webhook.method })
            else {
                webhooks.append(
                    .init(
                        name: webhook.name, operationId: webhook.operationId,
                        changes: [
                            .init(
                                kind: .eventRemoved, part: .event, detail: "\(webhook.name) removed", isBreaking: true)
                        ]))
                continue
            }
            webhooks.append(
                .init(
                    name: webhook.name, operationId: webhook.operationId,
                    changes: payloadChanges(
                        old, webhook, new, counterpart, fields: [], valueTable: [:])))
        }
        for webhook in new.webhooks where !old.webhooks.contains(where: { $0.name == webhook.name }) {
            webhooks.append(
                .init(
                    name: webhook.name, operationId: webhook.operationId,
                    changes: [
                        .init(kind: .eventAdded, part: .event, detail: "\(webhook.name) added", isBreaking: false)
                    ]))
        }
        return SpecComparison(old: old.source, new: new.source, operations: operations, webhooks: webhooks)
    }

    /// Compares v2 with v3 through `mapping` (which ``MappingLoader`` has checked against these documents).
    public static func migration(v2: OpenAPIDocument, v3: OpenAPIDocument, mapping: Mapping) -> MigrationReport {
        MigrationDiff(v2: v2, v3: v3, mapping: mapping).report()
    }

    static func sameRoute(_ a: OpenAPIOperation, _ b: OpenAPIOperation) -> Bool {
        a.method == b.method && routeKey(a.path.description) == routeKey(b.path.description)
    }

    /// The template with parameter names blanked: `/v3/chats/{chatId}` and `/v3/chats/{id}` are one route.
    private static func routeKey(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : String($0) }
            .joined(separator: "/")
    }

    static func payloadChanges(
        _ oldDocument: OpenAPIDocument, _ old: OpenAPIWebhook, _ newDocument: OpenAPIDocument, _ new: OpenAPIWebhook,
        fields: [FieldMapping], valueTable: [String: (value: String?, reason: String?)]
    ) -> [SpecChange] {
        let shape = { (document: OpenAPIDocument, pointer: JSONPointer?) in
            pointer.map { SchemaShape(document: document, schema: $0) } ?? SchemaShape(fields: [:])
        }
        return BodyComparison(
            old: shape(oldDocument, old.requestBodySchema), new: shape(newDocument, new.requestBodySchema),
            fields: fields, part: .payload, valueTable: valueTable
        ).changes()
    }
}
