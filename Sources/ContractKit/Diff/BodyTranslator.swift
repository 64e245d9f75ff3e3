/// Translates a v2 JSON body into v3 terms through a body's field mappings: wrappers dropped, fields
/// renamed, enum values translated through the event table, v2-only fields removed.
///
/// The result is flat: one ``Leaf`` per scalar, per array of scalars and per empty container, keyed by
/// its v3 location, which is what the live comparison needs. A field no mapping mentions keeps its name.
struct BodyTranslator: Sendable {
    /// One translated value and where it sits in each version's terms.
    struct Leaf: Sendable, Hashable {
        /// Location in the v3 body (relative to the compared item when one was found).
        var v3: [String]
        /// The v2 field path, `*` for array items.
        var v2Field: FieldPath
        /// The mapping that placed it, if any (for retyped and volatile fields).
        var mapping: FieldMapping?
        var value: JSONValue
    }

    let fields: [FieldMapping]
    let events: EventMappings

    /// The leaves of `value`, which sits at `prefix` (concrete tokens, array indices as numbers) of a
    /// body whose generic field path is `field`; locations come back relative to the translated prefix.
    func leaves(of value: JSONValue, at prefix: [String] = [], field: FieldPath = .body) -> [Leaf] {
        let base = translate(field: field, concrete: prefix)
        var result: [Leaf] = []
        flatten(value, concrete: prefix, field: field) { concrete, path, leaf in
            guard let (location, mapping) = translateWithMapping(field: path, concrete: concrete),
                let base, location.count >= base.count, Array(location.prefix(base.count)) == base
            else { return }
            let translated = mapping?.values == nil ? leaf : translateValues(leaf)
            result.append(
                .init(v3: Array(location.dropFirst(base.count)), v2Field: path, mapping: mapping, value: translated))
        }
        return result
    }

    /// The concrete v3 location of a v2 location, or `nil` when the field has no v3 counterpart.
    func translate(field: FieldPath, concrete: [String]) -> [String]? {
        translateWithMapping(field: field, concrete: concrete)?.location
    }

    private func translateWithMapping(field: FieldPath, concrete: [String]) -> (
        location: [String], mapping: FieldMapping?
    )? {
        let mapping = fields.filter { $0.v2.map(field.hasPrefix) ?? false }.max { $0.v2!.depth < $1.v2!.depth }
        var generic = field
        if let mapping, let from = mapping.v2 {
            guard let to = mapping.v3, let rest = field.dropping(from) else { return nil }
            generic = to.appending(rest)
        }
        var indices = zip(field.tokens, concrete).filter { $0.0 == FieldPath.arrayItems }.map(\.1)[...]
        var location: [String] = []
        for token in generic.tokens {
            guard token == FieldPath.arrayItems else {
                location.append(token)
                continue
            }
            guard let index = indices.popFirst() else { return nil }
            location.append(index)
        }
        // v3 keeps one item where v2 had a list (errors/* → error): only the first item survives.
        guard indices.allSatisfy({ $0 == "0" }) else { return nil }
        return (location, mapping)
    }

    private func translateValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let name):
            return events.entries.first { $0.v2 == name }.map { $0.v3.map(JSONValue.string) ?? .null } ?? value
        case .array(let items):
            var seen: [JSONValue] = []
            for item in items {
                let translated = translateValues(item)
                if translated != .null, !seen.contains(translated) { seen.append(translated) }
            }
            return .array(seen)
        default:
            return value
        }
    }

    private func flatten(
        _ value: JSONValue, concrete: [String], field: FieldPath, _ emit: ([String], FieldPath, JSONValue) -> Void
    ) {
        switch value {
        case .object(let object) where !object.keys.isEmpty:
            for (key, member) in object.members {
                flatten(member, concrete: concrete + [key], field: field.appending(key), emit)
            }
        case .array(let items) where items.contains(where: { $0.objectValue != nil || $0.arrayValue != nil }):
            for (index, item) in items.enumerated() {
                flatten(item, concrete: concrete + [String(index)], field: field.appending(FieldPath.arrayItems), emit)
            }
        default:
            emit(concrete, field, value)
        }
    }
}
