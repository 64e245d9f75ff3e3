/// Compares one operation (or webhook) of an old spec with its counterpart in a new spec: parameters,
/// request body, statuses and responses, translating through a mapping entry when there is one.
struct OperationComparison {
    let oldDocument: OpenAPIDocument
    let newDocument: OpenAPIDocument
    let old: OpenAPIOperation
    let new: OpenAPIOperation
    /// The mapping entry (v2 → v3 mode); `nil` compares two captures of one API.
    let entry: OperationMapping?
    let errors: ErrorMapping?
    let valueTable: [String: (value: String?, reason: String?)]

    func changes() -> [SpecChange] {
        parameterChanges() + requestChanges() + (entry == nil ? sameAPIResponses() : mappedResponses())
    }

    private func shape(_ document: OpenAPIDocument, _ pointer: JSONPointer?) -> SchemaShape {
        pointer.map { SchemaShape(document: document, schema: $0) } ?? SchemaShape(fields: [:])
    }

    private func requestChanges() -> [SpecChange] {
        guard old.requestBodySchema != nil || new.requestBodySchema != nil else { return [] }
        return BodyComparison(
            old: shape(oldDocument, old.requestBodySchema), new: shape(newDocument, new.requestBodySchema),
            fields: entry?.request.fields ?? [], part: .request, valueTable: valueTable
        ).changes()
    }

    // MARK: Parameters

    private func parameterChanges() -> [SpecChange] {
        var changes: [SpecChange] = []
        var matched: Set<String> = []
        for parameter in old.parameters {
            let rule = entry?.parameters.first { $0.v2?.text == parameter.name }
            if let rule, rule.v3 == nil {
                changes.append(
                    .init(
                        kind: .parameterRemoved, part: .parameters, field: FieldPath(parameter.name),
                        detail: "\(parameter.location) parameter \(parameter.name) removed",
                        isBreaking: false, declaration: rule.reason))
                continue
            }
            let name = rule?.v3?.text ?? parameter.name
            guard
                let counterpart = new.parameters.first(where: { $0.name == name && $0.location == parameter.location })
            else {
                changes.append(
                    .init(
                        kind: .parameterRemoved, part: .parameters, field: FieldPath(parameter.name),
                        detail: "\(parameter.location) parameter \(parameter.name) removed",
                        isBreaking: parameter.location == "path"))
                continue
            }
            matched.insert(name)
            if name != parameter.name {
                changes.append(
                    .init(
                        kind: .parameterRenamed, part: .parameters, field: FieldPath(name),
                        detail: "\(parameter.location) parameter \(parameter.name) → \(name)",
                        isBreaking: parameter.location != "path", declaration: rule?.reason ?? "renamed"))
            }
            let before = shape(oldDocument, parameter.schema)
            let after = shape(newDocument, counterpart.schema)
            if let from = before[.body], let to = after[.body] {
                changes += FieldAttributeComparison(
                    path: FieldPath(parameter.name), target: FieldPath(name), old: from, new: to, part: .parameters,
                    rule: rule, valueTable: [:]
                ).changes()
            }
            if !parameter.isRequired, counterpart.isRequired {
                changes.append(
                    .init(
                        kind: .madeRequired, part: .parameters, field: FieldPath(name),
                        detail: "parameter \(name) is now required", isBreaking: true))
            }
        }
        for parameter in new.parameters where !matched.contains(parameter.name) {
            changes.append(
                .init(
                    kind: .parameterAdded, part: .parameters, field: FieldPath(parameter.name),
                    detail: "\(parameter.location) parameter \(parameter.name) added"
                        + (parameter.isRequired ? " (required)" : ""),
                    isBreaking: parameter.isRequired && parameter.location != "path"))
        }
        return changes
    }

    // MARK: Responses

    private func sameAPIResponses() -> [SpecChange] {
        var changes: [SpecChange] = []
        for response in old.responses {
            guard let counterpart = new.responses.first(where: { $0.status == response.status }) else {
                changes.append(
                    .init(
                        kind: .statusRemoved, part: .operation, detail: "status \(response.status) removed",
                        isBreaking: true))
                continue
            }
            changes += BodyComparison(
                old: shape(oldDocument, response.jsonSchema), new: shape(newDocument, counterpart.jsonSchema),
                part: .response(status: response.status)
            ).changes()
        }
        for status in new.documentedStatuses where !old.documentedStatuses.contains(status) {
            changes.append(
                .init(
                    kind: .statusAdded, part: .operation, detail: "status \(status) added",
                    isBreaking: false))
        }
        return changes
    }

    private func mappedResponses() -> [SpecChange] {
        var changes: [SpecChange] = []
        let oldSuccess = oldDocument.successResponse(of: old)
        let newSuccess = newDocument.successResponse(of: new)
        if let oldSuccess, let newSuccess, oldSuccess.status != newSuccess.status {
            changes.append(
                .init(
                    kind: .successStatusChanged, part: .operation,
                    detail: "success status \(oldSuccess.status) → \(newSuccess.status)", isBreaking: true))
        }
        if oldSuccess?.jsonSchema != nil || newSuccess?.jsonSchema != nil {
            changes += BodyComparison(
                old: shape(oldDocument, oldSuccess?.jsonSchema), new: shape(newDocument, newSuccess?.jsonSchema),
                fields: entry?.response.fields ?? [], part: .response(status: newSuccess?.status ?? "2XX"),
                valueTable: valueTable
            ).changes()
        }
        return changes + errorStatusChanges()
    }

    private func errorStatusChanges() -> [SpecChange] {
        var changes: [SpecChange] = []
        var accountedFor: Set<String> = []
        for response in old.responses where !response.status.hasPrefix("2") {
            let translation = Int(response.status).flatMap { errors?.status(v2: $0) }
            let expected = translation.map { String($0.v3) } ?? response.status
            guard let counterpart = new.responses.first(where: { $0.status == expected }) else {
                changes.append(
                    .init(
                        kind: .statusRemoved, part: .operation,
                        detail: "status \(response.status) not documented in v3", isBreaking: true))
                continue
            }
            accountedFor.insert(expected)
            let codes = Int(response.status).flatMap { entry?.errorCodes[$0] } ?? translation?.v3Codes ?? []
            let codeText = codes.isEmpty ? "" : ", codes \(codes.map(String.init).joined(separator: "/"))"
            if expected != response.status {
                changes.append(
                    .init(
                        kind: .errorStatusTranslated, part: .operation,
                        detail: "status \(response.status) → \(expected)\(codeText)", isBreaking: true,
                        declaration: translation?.reason))
            }
            changes.append(errorShapeChange(response, counterpart, codeText: codeText))
        }
        for response in new.responses where !response.status.hasPrefix("2") && !accountedFor.contains(response.status) {
            changes.append(
                .init(
                    kind: .statusAdded, part: .operation, detail: "status \(response.status) added in v3",
                    isBreaking: false))
        }
        return changes
    }

    private func errorShapeChange(_ response: OpenAPIResponse, _ counterpart: OpenAPIResponse, codeText: String)
        -> SpecChange
    {
        let name = { (document: OpenAPIDocument, response: OpenAPIResponse) -> String in
            guard let pointer = response.jsonSchema else { return "no body" }
            let target =
                document.root.value(at: pointer)?["$ref"]?.stringValue
                .flatMap { document.resolveReference($0, from: pointer) } ?? pointer
            return target.tokens.last ?? "body"
        }
        let oldName = name(oldDocument, response)
        let shape = errors?.shapes.first { $0.v2.hasSuffix("/" + oldName) }
        return SpecChange(
            kind: .errorShapeChanged, part: .response(status: counterpart.status),
            detail:
                "\(response.status) \(oldName) → \(counterpart.status) \(name(newDocument, counterpart))\(codeText)",
            isBreaking: true, declaration: shape.map { "error shape mapped: \($0.usedBy ?? $0.v2)" })
    }
}
