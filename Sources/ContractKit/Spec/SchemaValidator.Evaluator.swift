extension SchemaValidator {
    /// One validation run: walks the compiled nodes over the instance, collecting violations.
    struct Evaluator {
        let nodes: [Node]
        private(set) var violations: [SchemaViolation] = []
        /// The instance location, kept as tokens so array indices are only formatted on failure.
        private var path: [PathToken] = []
        /// `$ref`s being followed, with the instance depth at which each was entered.
        private var activeRefs: [(node: Int, depth: Int)] = []

        enum PathToken {
            case key(String)
            case index(Int)
        }

        init(nodes: [Node]) {
            self.nodes = nodes
        }

        mutating func evaluate(_ index: Int, _ instance: JSONValue) {
            let node = nodes[index]
            if let constant = node.constant {
                if !constant {
                    report(node, keyword: nil, expected: "nothing (false schema)", actual: instance.abbreviated,
                           message: "no value is allowed here")
                }
                return
            }
            if let defect = node.defect {
                report(node, keyword: defect.keyword, expected: "a resolvable schema", actual: "schema defect",
                       message: defect.message)
                return
            }
            if let types = node.types, !types.admits(instance) {
                report(node, keyword: "type", expected: types.description, actual: instance.typeName,
                       message: "expected \(types.description), got \(instance.typeName)")
            }
            if let values = node.enumValues, !node.isEnumMember(instance) {
                let expected = values.count == 1 ? values[0].abbreviated : "one of \(values.count) values"
                let allowed = values.prefix(20).map(\.abbreviated).joined(separator: ", ")
                report(node, keyword: "enum", expected: expected, actual: instance.abbreviated,
                       message: "\(instance.abbreviated) is not one of the allowed values: \(allowed)")
            }
            if let constant = node.constValue, !constant.isJSONEqual(to: instance) {
                report(node, keyword: "const", expected: constant.abbreviated, actual: instance.abbreviated,
                       message: "expected \(constant.abbreviated), got \(instance.abbreviated)")
            }
            if let ref = node.ref { follow(ref, from: node, instance) }
            for branch in node.allOf { evaluate(branch, instance) }
            if !node.anyOf.isEmpty { evaluateAnyOf(node, instance) }
            if !node.oneOf.isEmpty { evaluateOneOf(node, instance) }
            if let not = node.not, attempt(not, instance).isEmpty {
                report(node, keyword: "not", expected: "not to match", actual: instance.abbreviated,
                       message: "must not match the schema at \(pointer(node, "not"))")
            }
            if let conditional = node.conditional {
                let branch = attempt(conditional.condition, instance).isEmpty ? conditional.then : conditional.otherwise
                if let branch { evaluate(branch, instance) }
            }
            switch instance {
            case .object(let object): if let rules = node.object { evaluateObject(object, rules, node) }
            case .array(let array): if let rules = node.array { evaluateArray(array, rules, node) }
            case .string(let string): if let rules = node.string { evaluateString(string, rules, node) }
            case .number(let number): if let rules = node.number { evaluateNumber(number, rules, node) }
            case .null, .bool: break
            }
        }

        /// Follows a `$ref`, refusing to re-enter one that is already being followed at the same
        /// instance location: such a cycle would never consume the instance.
        private mutating func follow(_ ref: Int, from node: Node, _ instance: JSONValue) {
            let depth = path.count
            for active in activeRefs.reversed() {
                guard active.depth == depth else { break }
                if active.node == ref {
                    report(node, keyword: "$ref", expected: "a $ref chain that ends", actual: "cycle",
                           message: "$ref cycle through \(JSONPointer(tokens: nodes[ref].location).uriFragment) "
                               + "never reaches a schema; fix the document")
                    return
                }
            }
            activeRefs.append((ref, depth))
            evaluate(ref, instance)
            activeRefs.removeLast()
        }

        /// Evaluates a branch without reporting: returns what it would have reported.
        mutating func attempt(_ index: Int, _ instance: JSONValue) -> [SchemaViolation] {
            var collected: [SchemaViolation] = []
            swap(&collected, &violations)
            evaluate(index, instance)
            swap(&collected, &violations)
            return collected
        }

        /// Evaluates `index` against a child of the current instance.
        mutating func evaluate(_ index: Int, _ instance: JSONValue, at token: PathToken) {
            path.append(token)
            evaluate(index, instance)
            path.removeLast()
        }

        /// How deep in the instance the evaluation currently is.
        var depth: Int { path.count }

        mutating func append(_ violations: [SchemaViolation]) {
            self.violations += violations
        }

        mutating func report(
            _ node: Node, keyword: String?, expected: String, actual: String, message: String,
            at tokens: [PathToken] = []
        ) {
            let instanceTokens = (path + tokens).map(\.text)
            violations.append(
                SchemaViolation(
                    instancePointer: JSONPointer(tokens: instanceTokens), schemaPointer: pointer(node, keyword),
                    keyword: keyword ?? node.location.last ?? "", expected: expected, actual: actual, message: message))
        }

        func pointer(_ node: Node, _ keyword: String?) -> JSONPointer {
            JSONPointer(tokens: keyword.map { node.location + [$0] } ?? node.location)
        }
    }
}

extension SchemaValidator.Evaluator.PathToken {
    var text: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}
