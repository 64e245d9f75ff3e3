/// Validation of the mapping's events, errors and auth against the specs.
extension MappingValidator {
    mutating func validateEvents() {
        let events = mapping.events
        let v2Values = enumValues(events.v2Enum, in: v2, version: "v2", at: "/events/v2Enum")
        let v3Values = enumValues(events.v3Enum, in: v3, version: "v3", at: "/events/v3Enum")
        var seen: Set<String> = []
        for entry in events.entries {
            if !seen.insert(entry.v2).inserted {
                problems.append(.duplicate(file: file, pointer: entry.pointer.appending("v2"), name: entry.v2))
            }
            if let v2Values, !v2Values.contains(entry.v2) {
                problems.append(
                    .unknownEvent(
                        file: file, pointer: entry.pointer.appending("v2"), version: "v2",
                        event: entry.v2))
                continue
            }
            if let v3Event = entry.v3, let v3Values, !v3Values.contains(v3Event) {
                problems.append(
                    .unknownEvent(
                        file: file, pointer: entry.pointer.appending("v3"), version: "v3",
                        event: v3Event))
                continue
            }
            let v2Hook = v2.webhook(for: entry.v2, names: ["{event}"])
            let v3Hook = entry.v3.flatMap { v3.webhook(for: $0, names: events.v3WebhookNames) }
            check(
                entry.payload.fields.filter { entry.v3 != nil || $0.v3 == nil },
                v2: v2Hook?.requestBodySchema.map {
                    (SchemaShape(document: v2, schema: $0), "the v2 \(entry.v2) payload")
                },
                v3: v3Hook?.requestBodySchema.map {
                    (SchemaShape(document: v3, schema: $0), "the v3 \(v3Hook?.name ?? "") payload")
                })
        }
        if let v2Values {
            let missing = v2Values.filter { !seen.contains($0) }
            if !missing.isEmpty {
                problems.append(.unmappedEvents(file: file, pointer: "/events/entries", events: missing))
            }
        }
    }

    private mutating func enumValues(
        _ reference: String, in document: OpenAPIDocument, version: String, at pointer: JSONPointer
    ) -> [String]? {
        guard let values = document.enumStrings(atReference: reference) else {
            problems.append(.unknownReference(file: file, pointer: pointer, version: version, reference: reference))
            return nil
        }
        return values
    }

    mutating func validateErrors() {
        let errors = mapping.errors
        guard let envelope = v3.value(atReference: errors.v3Envelope) else {
            problems.append(
                .unknownReference(
                    file: file, pointer: "/errors/v3Envelope", version: "v3",
                    reference: errors.v3Envelope))
            return
        }
        let envelopeShape = SchemaShape(document: v3, schema: envelope.pointer)
        for (index, shape) in errors.shapes.enumerated() {
            let pointer = JSONPointer(tokens: ["errors", "shapes", String(index)])
            guard let schema = v2.value(atReference: shape.v2) else {
                problems.append(
                    .unknownReference(
                        file: file, pointer: pointer.appending("v2"), version: "v2",
                        reference: shape.v2))
                continue
            }
            check(
                shape.body.fields, v2: (SchemaShape(document: v2, schema: schema.pointer), shape.v2),
                v3: (envelopeShape, errors.v3Envelope))
        }
        for (index, status) in errors.statuses.enumerated() {
            validateCodes(status.v3Codes, at: JSONPointer(tokens: ["errors", "statuses", String(index), "v3Codes"]))
        }
    }

    mutating func validateCodes(_ codes: [Int], at pointer: JSONPointer) {
        guard let known = v3.value(atReference: mapping.errors.v3Codes)?.value.arrayValue else {
            problems.append(
                .unknownReference(
                    file: file, pointer: "/errors/v3Codes", version: "v3",
                    reference: mapping.errors.v3Codes))
            return
        }
        let knownCodes = Set(known.compactMap { $0.numberValue?.int64Value.map(Int.init) })
        for code in codes where !knownCodes.contains(code) {
            problems.append(.unknownErrorCode(file: file, pointer: pointer, code: code))
        }
    }

    mutating func validateAuth() {
        for (version, scheme, document) in [("v2", mapping.auth.v2, v2), ("v3", mapping.auth.v3, v3)]
        where document.root["components"]?["securitySchemes"]?[scheme.securityScheme] == nil {
            problems.append(
                .unknownReference(
                    file: file, pointer: JSONPointer(tokens: ["auth", version, "securityScheme"]), version: version,
                    reference: "#/components/securitySchemes/\(scheme.securityScheme)"))
        }
    }
}
