/// Compares the fields of one body in two specs, translating the old side's paths and enum values
/// through field mappings first (none when comparing two captures of one API).
struct BodyComparison {
    let old: SchemaShape
    let new: SchemaShape
    let fields: [FieldMapping]
    let part: SpecChange.Part
    /// Old enum value → new value, or `nil` for "no counterpart", with the mapping's reason.
    let valueTable: [String: (value: String?, reason: String?)]

    init(
        old: SchemaShape, new: SchemaShape, fields: [FieldMapping] = [], part: SpecChange.Part,
        valueTable: [String: (value: String?, reason: String?)] = [:]
    ) {
        self.old = old
        self.new = new
        self.fields = fields
        self.part = part
        self.valueTable = valueTable
    }

    private var renames: [FieldMapping] {
        fields.filter { $0.v2 != nil && $0.v3 != nil }.sorted { ($0.v2?.depth ?? 0) > ($1.v2?.depth ?? 0) }
    }

    /// The old path in new terms, and the mapping that translated it (the longest matching old path).
    func translate(_ path: FieldPath, excluding excluded: FieldMapping? = nil) -> (path: FieldPath, rule: FieldMapping?)
    {
        for rule in renames where rule != excluded {
            if let from = rule.v2, let to = rule.v3, let rest = path.dropping(from) {
                return (to.appending(rest), rule)
            }
        }
        return (path, nil)
    }

    func changes() -> [SpecChange] {
        var changes: [SpecChange] = []
        var translated: [FieldPath: FieldPath] = [:]
        for path in old.paths {
            let target = translate(path).path
            if let other = translated[target], other.depth >= path.depth { continue }
            translated[target] = path
        }
        var matched: Set<FieldPath> = []
        var closed: [FieldPath] = []  // old paths whose subtree is already reported
        for path in old.paths where !closed.contains(where: { path.hasPrefix($0) }) {
            guard let field = old[path] else { continue }
            if let removal = fields.first(where: { $0.v2 == path && $0.v3 == nil }) {
                changes.append(removed(path, removal.reason))
                closed.append(path)
                continue
            }
            let (target, rule) = translate(path)
            if translated[target] != path {
                if let rule, rule.v2 == path {
                    changes.append(
                        .init(
                            kind: .fieldRenamed, part: part, field: target,
                            detail: "\(path) → \(target)", isBreaking: true, declaration: rule.reason))
                }
                continue
            }
            if let rule, rule.v2 == path, translate(path, excluding: rule).path != target {
                changes.append(
                    .init(
                        kind: .fieldRenamed, part: part, field: target, detail: "\(path) → \(target)",
                        isBreaking: true, declaration: rule.reason))
            }
            guard let newField = new[target] else {
                changes.append(removed(path, nil))
                closed.append(path)
                continue
            }
            matched.insert(target)
            let attributes = FieldAttributeComparison(
                path: path, target: target, old: field, new: newField, part: part, rule: rule,
                valueTable: rule?.values == "events" ? valueTable : [:])
            changes += attributes.changes()
            if attributes.changesStructure { closed.append(path) }
        }
        let closedTargets = closed.map { translate($0).path }
        var added: [FieldPath] = []
        for path in new.paths where !matched.contains(path) {
            guard !added.contains(where: { path.hasPrefix($0) }),
                !closedTargets.contains(where: { path.hasPrefix($0) }),
                let field = new[path]
            else { continue }
            let declaration = fields.first { $0.v3 == path && $0.v2 == nil }?.reason
            let breaking = !part.isReadByClient && field.isRequired
            changes.append(
                .init(
                    kind: .fieldAdded, part: part, field: path,
                    detail: "\(path) added\(field.isRequired ? " (required)" : "")",
                    isBreaking: breaking, declaration: declaration))
            added.append(path)
        }
        return changes
    }

    /// Removing a response field breaks readers; a removed request field is ignored by the server.
    private func removed(_ path: FieldPath, _ declaration: String?) -> SpecChange {
        .init(
            kind: .fieldRemoved, part: part, field: path, detail: "\(path) removed", isBreaking: part.isReadByClient,
            declaration: declaration)
    }
}
