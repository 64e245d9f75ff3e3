/// Compares what two specs say about one field: type, nullability, format, required, enum values.
struct FieldAttributeComparison {
    let path: FieldPath
    let target: FieldPath
    let old: SchemaShape.Field
    let new: SchemaShape.Field
    let part: SpecChange.Part
    let rule: FieldMapping?
    let valueTable: [String: (value: String?, reason: String?)]

    private static let containers: Set<String> = ["object", "array"]

    /// Whether the field turned from a container into a scalar or the reverse, so its children are not comparable.
    var changesStructure: Bool {
        !old.types.isEmpty && !new.types.isEmpty
            && old.types.intersection(Self.containers) != new.types.intersection(Self.containers)
    }

    private var readByClient: Bool { part.isReadByClient }
    /// The mapping entry written for exactly this field: its reason explains required and enum differences.
    private var exactRule: FieldMapping? { rule?.v2 == path ? rule : nil }
    private var label: String { path == target ? target.description : "\(path) → \(target)" }

    func changes() -> [SpecChange] {
        typeChanges() + requiredChanges() + enumChanges()
    }

    private func make(_ kind: SpecChange.Kind, _ detail: String, breaking: Bool, _ declaration: String? = nil)
        -> SpecChange
    {
        SpecChange(
            kind: kind, part: part, field: target, detail: detail, isBreaking: breaking, declaration: declaration)
    }

    private func typeChanges() -> [SpecChange] {
        var changes: [SpecChange] = []
        let retype = exactRule?.retype
        if !old.types.isEmpty, !new.types.isEmpty {
            let before = old.types.subtracting(["null"])
            let after = new.types.subtracting(["null"])
            if before != after {
                // Widening breaks readers of the value, narrowing breaks writers; anything else breaks both.
                let breaking =
                    after.isSuperset(of: before) ? readByClient : before.isSuperset(of: after) ? !readByClient : true
                changes.append(
                    make(
                        .typeChanged, "\(label): \(sorted(before)) → \(sorted(after))", breaking: breaking,
                        retype.flatMap { after.contains($0.v3) ? rule?.reason ?? "retyped by the mapping" : nil }))
            }
            let wasNullable = old.types.contains("null")
            let isNullable = new.types.contains("null")
            if wasNullable != isNullable {
                changes.append(
                    make(
                        .typeChanged, "\(label): \(isNullable ? "now nullable" : "no longer nullable")",
                        breaking: isNullable == readByClient))
            }
        }
        if old.format != new.format {
            let declared = retype.flatMap { $0.v3Format == new.format ? rule?.reason ?? "retyped by the mapping" : nil }
            let breaking = new.format == nil ? readByClient : !readByClient || old.format != nil
            changes.append(
                make(
                    .formatChanged, "\(label): format \(old.format ?? "none") → \(new.format ?? "none")",
                    breaking: breaking, declared))
        }
        return changes
    }

    private func requiredChanges() -> [SpecChange] {
        guard path.name != FieldPath.arrayItems, !target.isBody, old.isRequired != new.isRequired else { return [] }
        return new.isRequired
            ? [make(.madeRequired, "\(label) is now required", breaking: !readByClient, exactRule?.reason)]
            : [make(.madeOptional, "\(label) is now optional", breaking: readByClient, exactRule?.reason)]
    }

    private func enumChanges() -> [SpecChange] {
        switch (old.enumValues, new.enumValues) {
        case (nil, nil):
            return []
        case (nil, let values?):
            return [make(.enumValueRemoved, "\(label): now limited to \(values.count) values", breaking: !readByClient)]
        case (_?, nil):
            return [
                make(.enumValueAdded, "\(label): no longer an enum", breaking: readByClient && !new.isExtensibleEnum)
            ]
        case (let before?, let after?):
            return valueChanges(before, after)
        }
    }

    private func valueChanges(_ before: [JSONValue], _ after: [JSONValue]) -> [SpecChange] {
        var changes: [SpecChange] = []
        var translated: [JSONValue] = []
        for value in before {
            guard let text = value.stringValue, let entry = valueTable[text] else {
                translated.append(value)
                continue
            }
            guard let mapped = entry.value else {
                changes.append(
                    make(
                        .enumValueRemoved, "\(label): '\(text)' has no counterpart",
                        breaking: !readByClient, entry.reason))
                continue
            }
            if mapped != text {
                changes.append(
                    make(.enumValueMapped, "\(label): '\(text)' → '\(mapped)'", breaking: true, entry.reason))
            }
            translated.append(.string(mapped))
        }
        let removed = translated.filter { !after.contains($0) }
        if !removed.isEmpty {
            // Narrowing an enum breaks writers (requests); a response simply stops sending the values.
            changes.append(
                make(
                    .enumValueRemoved, "\(label): \(list(removed)) only in the old spec",
                    breaking: !readByClient, exactRule?.reason))
        }
        let added = after.filter { !translated.contains($0) }
        if !added.isEmpty {
            // Widening breaks readers unless the enum is declared open (x-extensible-enum, as oasdiff treats it).
            changes.append(
                make(
                    .enumValueAdded, "\(label): \(list(added)) only in the new spec",
                    breaking: readByClient && !new.isExtensibleEnum, exactRule?.reason))
        }
        return changes
    }

    private func sorted(_ types: Set<String>) -> String {
        types.isEmpty ? "null" : types.sorted().joined(separator: "|")
    }

    private func list(_ values: [JSONValue]) -> String {
        values.map { "'\($0.stringValue ?? $0.jsonString())'" }.joined(separator: ", ")
    }
}
