/// Turns the mapping file's JSON into a ``Mapping``, checking its shape (not yet its names against the specs).
struct MappingDecoder {
    var reader: MappingReader
    private var fieldSets: [String: FieldSet] = [:]

    init(file: String) {
        reader = MappingReader(file: file)
    }

    /// The decoded mapping, or every shape problem found.
    mutating func decode(_ root: JSONValue) -> Result<Mapping, MappingLoadError> {
        guard let top = reader.object(root, at: .root, what: "the mapping document") else {
            return .failure(MappingLoadError(reader.problems))
        }
        reader.rejectUnknownKeys(
            top,
            allowed: [
                "$schema", "description", "specs", "auth", "secret", "signatures", "errors", "fieldSets",
                "operations", "events",
            ],
            at: .root)
        fieldSets = decodeFieldSets(top["fieldSets"], at: "/fieldSets")
        let auth = decodeAuth(top["auth"], at: "/auth")
        let secret = decodeSecret(top["secret"], at: "/secret")
        let signatures = decodeSignatures(top["signatures"], at: "/signatures")
        let errors = decodeErrors(top["errors"], at: "/errors")
        let operations = reader.array(top["operations"], at: "/operations", what: "'operations'", required: true)
            .enumerated().compactMap { index, value in
                decodeOperation(value, at: JSONPointer(tokens: ["operations", String(index)]))
            }
        let events = decodeEvents(top["events"], at: "/events")
        guard reader.problems.isEmpty, let auth, let secret, let signatures, let errors, let events else {
            return .failure(MappingLoadError(reader.problems))
        }
        return .success(
            Mapping(
                source: reader.file, auth: auth, secret: secret, signatures: signatures, errors: errors,
                fieldSets: fieldSets, operations: operations, events: events))
    }

    // MARK: Fields

    private mutating func decodeFieldSets(_ value: JSONValue?, at pointer: JSONPointer) -> [String: FieldSet] {
        guard let value else { return [:] }
        guard let object = reader.object(value, at: pointer, what: "'fieldSets'") else { return [:] }
        var sets: [String: FieldSet] = [:]
        for (name, entry) in object.members {
            let entryPointer = pointer.appending(name)
            guard let set = reader.object(entry, at: entryPointer, what: "field set '\(name)'") else { continue }
            reader.rejectUnknownKeys(set, allowed: ["description", "fields"], at: entryPointer)
            sets[name] = FieldSet(
                name: name,
                description: reader.optionalString(set, "description", at: entryPointer),
                fields: decodeFields(set["fields"], at: entryPointer.appending("fields"), required: true))
        }
        return sets
    }

    mutating func decodeFields(_ value: JSONValue?, at pointer: JSONPointer, required: Bool = false)
        -> [FieldMapping]
    {
        reader.array(value, at: pointer, what: "'fields'", required: required).enumerated().compactMap { index, item in
            decodeField(item, at: pointer.appending(index: index))
        }
    }

    private mutating func decodeField(_ value: JSONValue, at pointer: JSONPointer) -> FieldMapping? {
        guard let object = reader.object(value, at: pointer, what: "a field mapping") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["v2", "v3", "retype", "values", "reason"], at: pointer)
        guard let v2 = reader.nullableString(object, "v2", at: pointer),
            let v3 = reader.nullableString(object, "v3", at: pointer)
        else { return nil }
        let reason = reader.optionalString(object, "reason", at: pointer)
        if v2 == nil, v3 == nil {
            reader.fail(pointer, "both sides are null", hint: "name the field on at least one side")
            return nil
        }
        if v2 == nil || v3 == nil, reason == nil {
            reader.fail(pointer, "a field missing on one side needs a reason", hint: "add \"reason\": \"…\"")
        }
        var retype: FieldMapping.TypeChange?
        if let change = object["retype"] {
            let changePointer = pointer.appending("retype")
            if let changeObject = reader.object(change, at: changePointer, what: "'retype'"),
                let from = reader.string(changeObject, "v2", at: changePointer),
                let to = reader.string(changeObject, "v3", at: changePointer)
            {
                reader.rejectUnknownKeys(changeObject, allowed: ["v2", "v3", "v3Format"], at: changePointer)
                retype = .init(
                    v2: from, v3: to, v3Format: reader.optionalString(changeObject, "v3Format", at: changePointer))
            }
        }
        let values = reader.optionalString(object, "values", at: pointer)
        if let values, values != "events" {
            reader.fail(
                pointer.appending("values"), "unknown value table '\(values)'", hint: "the only table is \"events\"")
        }
        return FieldMapping(
            v2: v2.map { FieldPath($0) }, v3: v3.map { FieldPath($0) }, retype: retype, values: values, reason: reason,
            pointer: pointer)
    }

    /// A body: its own `fields` plus each `fieldSets` use, the set's paths placed under the use's `v2`/`v3` paths.
    mutating func decodeBody(_ value: JSONValue?, at pointer: JSONPointer) -> BodyMapping {
        guard let value else { return BodyMapping() }
        guard let object = reader.object(value, at: pointer, what: "a body mapping") else { return BodyMapping() }
        reader.rejectUnknownKeys(object, allowed: ["fields", "fieldSets"], at: pointer)
        var fields = decodeFields(object["fields"], at: pointer.appending("fields"))
        let usesPointer = pointer.appending("fieldSets")
        for (index, use) in reader.array(object["fieldSets"], at: usesPointer, what: "'fieldSets'").enumerated() {
            let usePointer = usesPointer.appending(index: index)
            guard let useObject = reader.object(use, at: usePointer, what: "a field set use"),
                let name = reader.string(useObject, "set", at: usePointer),
                let v2Base = reader.string(useObject, "v2", at: usePointer),
                let v3Base = reader.string(useObject, "v3", at: usePointer)
            else { continue }
            reader.rejectUnknownKeys(useObject, allowed: ["set", "v2", "v3"], at: usePointer)
            fields += placed(set: name, v2Base: FieldPath(v2Base), v3Base: FieldPath(v3Base), at: usePointer)
        }
        return BodyMapping(fields: fields)
    }

    private mutating func placed(set name: String, v2Base: FieldPath, v3Base: FieldPath, at pointer: JSONPointer)
        -> [FieldMapping]
    {
        guard let set = fieldSets[name] else {
            reader.fail(
                pointer.appending("set"), "no field set named '\(name)'",
                hint: "define it under /fieldSets or use one of: \(fieldSets.keys.sorted().joined(separator: ", "))")
            return []
        }
        return set.fields.map { field in
            var field = field
            field.v2 = field.v2.map(v2Base.appending)
            field.v3 = field.v3.map(v3Base.appending)
            return field
        }
    }

    private mutating func decodeFieldSetNames(_ value: JSONValue?, at pointer: JSONPointer) -> [FieldMapping] {
        reader.array(value, at: pointer, what: "'payload'").enumerated().flatMap { index, item -> [FieldMapping] in
            guard let name = item.stringValue else {
                reader.fail(pointer.appending(index: index), "must be a field set name", hint: "quote the name")
                return []
            }
            return placed(set: name, v2Base: .body, v3Base: .body, at: pointer.appending(index: index))
        }
    }

    // MARK: Operations and events

    private mutating func decodeReference(_ value: JSONValue?, at pointer: JSONPointer) -> OperationReference? {
        guard let object = reader.object(value, at: pointer, what: "an operation reference") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["operationId", "method", "path"], at: pointer)
        guard let id = reader.string(object, "operationId", at: pointer),
            let method = reader.string(object, "method", at: pointer),
            let path = reader.string(object, "path", at: pointer)
        else { return nil }
        return OperationReference(operationId: id, method: method.uppercased(), path: path)
    }

    private mutating func decodeOperation(_ value: JSONValue, at pointer: JSONPointer) -> OperationMapping? {
        guard let object = reader.object(value, at: pointer, what: "an operation entry") else { return nil }
        reader.rejectUnknownKeys(
            object, allowed: ["v2", "v3", "reason", "parameters", "request", "response", "errorCodes"], at: pointer)
        guard let v2 = decodeReference(object["v2"], at: pointer.appending("v2")) else { return nil }
        var v3: OperationReference?
        let reason = reader.optionalString(object, "reason", at: pointer)
        switch object["v3"] {
        case nil:
            reader.fail(
                pointer.appending("v3"), "missing 'v3'", hint: "give the v3 operation, or null with a \"reason\"")
        case .null?:
            if reason == nil {
                reader.fail(
                    pointer, "\(v2.operationId) has no v3 counterpart and no reason", hint: "add \"reason\": \"…\"")
            }
        case let value?:
            v3 = decodeReference(value, at: pointer.appending("v3"))
        }
        var errorCodes: [Int: [Int]] = [:]
        if let codes = object["errorCodes"] {
            let codesPointer = pointer.appending("errorCodes")
            for (status, list) in reader.object(codes, at: codesPointer, what: "'errorCodes'")?.members ?? [] {
                guard let statusCode = Int(status) else {
                    reader.fail(
                        codesPointer.appending(status), "'\(status)' is not an HTTP status", hint: "use e.g. \"404\"")
                    continue
                }
                errorCodes[statusCode] = reader.array(list, at: codesPointer.appending(status), what: "a code list")
                    .enumerated().compactMap {
                        reader.integer($1, at: codesPointer.appending(status).appending(index: $0))
                    }
            }
        }
        return OperationMapping(
            v2: v2, v3: v3, reason: reason,
            parameters: decodeFields(object["parameters"], at: pointer.appending("parameters")),
            request: decodeBody(object["request"], at: pointer.appending("request")),
            response: decodeBody(object["response"], at: pointer.appending("response")),
            errorCodes: errorCodes, pointer: pointer)
    }

    private mutating func decodeEvents(_ value: JSONValue?, at pointer: JSONPointer) -> EventMappings? {
        guard let object = reader.object(value, at: pointer, what: "'events'") else { return nil }
        reader.rejectUnknownKeys(
            object, allowed: ["v2Enum", "v3Enum", "v3Webhooks", "payload", "entries"], at: pointer)
        let v2Enum = reader.string(object, "v2Enum", at: pointer)
        let v3Enum = reader.string(object, "v3Enum", at: pointer)
        let names = reader.array(object["v3Webhooks"], at: pointer.appending("v3Webhooks"), what: "'v3Webhooks'")
            .compactMap(\.stringValue)
        let shared = decodeFieldSetNames(object["payload"], at: pointer.appending("payload"))
        let entriesPointer = pointer.appending("entries")
        let entries = reader.array(object["entries"], at: entriesPointer, what: "'entries'", required: true)
            .enumerated().compactMap { index, item in
                decodeEvent(item, shared: shared, at: entriesPointer.appending(index: index))
            }
        guard let v2Enum, let v3Enum else { return nil }
        return EventMappings(v2Enum: v2Enum, v3Enum: v3Enum, v3WebhookNames: names, entries: entries)
    }

    private mutating func decodeEvent(_ value: JSONValue, shared: [FieldMapping], at pointer: JSONPointer)
        -> EventMapping?
    {
        guard let object = reader.object(value, at: pointer, what: "an event entry") else { return nil }
        reader.rejectUnknownKeys(
            object, allowed: ["v2", "v3", "approximate", "where", "payload", "reason"], at: pointer)
        guard let v2 = reader.string(object, "v2", at: pointer),
            let v3 = reader.nullableString(object, "v3", at: pointer)
        else { return nil }
        let reason = reader.optionalString(object, "reason", at: pointer)
        let approximate = reader.bool(object, "approximate", at: pointer) ?? false
        if v3 == nil || approximate, reason == nil {
            reader.fail(
                pointer, "\(v2) needs a reason (no or only an approximate v3 counterpart)",
                hint: "add \"reason\": \"…\"")
        }
        var condition: EventMapping.Condition?
        if let whereValue = object["where"] {
            let wherePointer = pointer.appending("where")
            if let whereObject = reader.object(whereValue, at: wherePointer, what: "'where'"),
                let text = reader.string(whereObject, "pointer", at: wherePointer)
            {
                if let target = try? JSONPointer(parsing: text), let equals = whereObject["equals"] {
                    condition = .init(pointer: target, equals: equals)
                } else {
                    reader.fail(
                        wherePointer, "'where' needs a JSON pointer and an 'equals' value",
                        hint: "write {\"pointer\": \"/data/is_from_me\", \"equals\": true}")
                }
            }
        }
        let own = decodeFieldSetNames(object["payload"], at: pointer.appending("payload"))
        return EventMapping(
            v2: v2, v3: v3, isApproximate: approximate, condition: condition, reason: reason,
            payload: BodyMapping(fields: shared + own), pointer: pointer)
    }
}
