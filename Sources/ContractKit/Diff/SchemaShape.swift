/// The fields of one JSON body as a schema describes them, flattened to ``FieldPath``s.
///
/// `$ref`s are followed, `allOf` members merged (properties and `required` united), `oneOf`/`anyOf`
/// variants merged loosely (a field is required only when every variant requires it). A reference
/// back into a schema being expanded stops the walk there and is recorded as ``Field/recursiveReference``,
/// so self-referencing schemas (threads, replies) terminate.
public struct SchemaShape: Sendable, Hashable {
    /// What the schema says about one field.
    public struct Field: Sendable, Hashable {
        /// JSON types (`object`, `array`, `string`, `integer`, `number`, `boolean`, `null`); empty means any.
        public var types: Set<String>
        public var format: String?
        /// The allowed values when the schema has `enum` or `const`.
        public var enumValues: [JSONValue]?
        /// `x-extensible-enum`: new values are expected, so widening is not breaking.
        public var isExtensibleEnum: Bool
        /// Whether the parent object lists it in `required` (array items always count as required).
        public var isRequired: Bool
        /// The reference at which the walk stopped because it led back into itself.
        public var recursiveReference: String?

        /// `integer|null` style; `any` for an unconstrained field.
        public var typeDescription: String {
            types.isEmpty ? "any" : types.sorted().joined(separator: "|")
        }
    }

    /// Every field by path; the body itself is ``FieldPath/body``.
    public var fields: [FieldPath: Field]

    public init(fields: [FieldPath: Field]) {
        self.fields = fields
    }

    /// Walks the schema at `pointer` in `document`.
    public init(document: OpenAPIDocument, schema pointer: JSONPointer, maxDepth: Int = 48) {
        let walker = SchemaWalker(document: document, maxDepth: maxDepth)
        var fields: [FieldPath: Field] = [:]
        walker.flatten(walker.node(at: pointer, stack: [pointer]), at: .body, isRequired: true, depth: 0, into: &fields)
        self.fields = fields
    }

    public subscript(path: FieldPath) -> Field? {
        fields[path]
    }

    /// Paths in a stable order: parents before children, siblings alphabetically.
    public var paths: [FieldPath] {
        fields.keys.sorted()
    }
}

/// Builds the merged schema tree ``SchemaShape`` flattens.
struct SchemaWalker {
    struct Node {
        var types: Set<String>?
        var format: String?
        var enumValues: [JSONValue]?
        var isExtensible = false
        var properties: [String: Node] = [:]
        var required: Set<String> = []
        var items: [Node] = []
        var recursiveReference: String?
    }

    let document: OpenAPIDocument
    let maxDepth: Int

    func node(at pointer: JSONPointer, stack: [JSONPointer]) -> Node {
        guard stack.count <= maxDepth, let schema = document.root.value(at: pointer)?.objectValue else { return Node() }
        var node = Node()
        if let type = schema["type"] {
            node.types = Set((type.arrayValue ?? [type]).compactMap(\.stringValue))
        }
        if schema["nullable"]?.boolValue == true { node.types?.insert("null") }
        node.format = schema["format"]?.stringValue
        node.enumValues = schema["enum"]?.arrayValue ?? schema["const"].map { [$0] }
        node.isExtensible = schema["x-extensible-enum"]?.boolValue == true
        node.required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for (name, _) in schema["properties"]?.objectValue?.members ?? [] {
            let child = pointer.appending("properties").appending(name)
            node.properties[name] = self.node(at: child, stack: stack + [child])
        }
        if schema["items"]?.objectValue != nil {
            let child = pointer.appending("items")
            node.items = [self.node(at: child, stack: stack + [child])]
        }
        if let ref = schema["$ref"]?.stringValue {
            node = Self.mergeAll(node, referenced(ref, from: pointer, stack: stack))
        }
        for (index, _) in (schema["allOf"]?.arrayValue ?? []).enumerated() {
            let member = pointer.appending("allOf").appending(index: index)
            node = Self.mergeAll(node, self.node(at: member, stack: stack + [member]))
        }
        for keyword in ["oneOf", "anyOf"] {
            let variants = (schema[keyword]?.arrayValue ?? []).indices.map { index in
                let variant = pointer.appending(keyword).appending(index: index)
                return self.node(at: variant, stack: stack + [variant])
            }
            if let first = variants.first {
                node = Self.mergeAll(node, variants.dropFirst().reduce(first, Self.mergeAny))
            }
        }
        return node
    }

    private func referenced(_ ref: String, from pointer: JSONPointer, stack: [JSONPointer]) -> Node {
        guard let target = document.resolveReference(ref, from: pointer) else { return Node() }
        if stack.contains(target) { return Node(recursiveReference: ref) }
        return node(at: target, stack: stack + [target])
    }

    static func mergeAll(_ a: Node, _ b: Node) -> Node {
        var merged = a
        switch (a.types, b.types) {
        case (nil, let types): merged.types = types
        case (let left?, let right?):
            let common = left.intersection(right)
            merged.types = common.isEmpty ? left.union(right) : common
        case (_?, nil): break
        }
        merged.format = a.format ?? b.format
        merged.enumValues = a.enumValues ?? b.enumValues
        merged.isExtensible = a.isExtensible || b.isExtensible
        merged.required = a.required.union(b.required)
        merged.properties.merge(b.properties) { mergeAll($0, $1) }
        merged.items = mergeItems(a.items, b.items, mergeAll)
        merged.recursiveReference = a.recursiveReference ?? b.recursiveReference
        return merged
    }

    static func mergeAny(_ a: Node, _ b: Node) -> Node {
        var merged = a
        merged.types = a.types.flatMap { left in b.types.map { left.union($0) } }
        merged.format = a.format == b.format ? a.format : nil
        if let left = a.enumValues, let right = b.enumValues {
            merged.enumValues = left + right.filter { !left.contains($0) }
        } else {
            merged.enumValues = nil
        }
        merged.isExtensible = a.isExtensible || b.isExtensible
        merged.required = a.required.intersection(b.required)
        merged.properties.merge(b.properties) { mergeAny($0, $1) }
        merged.items = mergeItems(a.items, b.items, mergeAny)
        merged.recursiveReference = a.recursiveReference ?? b.recursiveReference
        return merged
    }

    private static func mergeItems(_ a: [Node], _ b: [Node], _ merge: (Node, Node) -> Node) -> [Node] {
        guard let left = a.first else { return b }
        guard let right = b.first else { return a }
        return [merge(left, right)]
    }

    func flatten(
        _ node: Node, at path: FieldPath, isRequired: Bool, depth: Int,
        into fields: inout [FieldPath: SchemaShape.Field]
    ) {
        fields[path] = SchemaShape.Field(
            types: node.types ?? [], format: node.format, enumValues: node.enumValues,
            isExtensibleEnum: node.isExtensible, isRequired: isRequired, recursiveReference: node.recursiveReference)
        guard depth < maxDepth else { return }
        for (name, child) in node.properties {
            flatten(
                child, at: path.appending(name), isRequired: node.required.contains(name), depth: depth + 1,
                into: &fields)
        }
        if let items = node.items.first {
            flatten(items, at: path.appending(FieldPath.arrayItems), isRequired: true, depth: depth + 1, into: &fields)
        }
    }
}
