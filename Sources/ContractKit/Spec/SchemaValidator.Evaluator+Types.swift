extension SchemaValidator.Evaluator {
    typealias Node = SchemaValidator.Node

    mutating func evaluateObject(_ object: JSONObject, _ rules: SchemaValidator.ObjectRules, _ node: Node) {
        for name in rules.required where object[name] == nil {
            report(node, keyword: "required", expected: "property '\(name)'", actual: "missing",
                   message: "missing required property '\(name)'")
        }
        if let minimum = rules.minProperties, object.count < minimum {
            report(node, keyword: "minProperties", expected: ">= \(minimum) properties", actual: "\(object.count)",
                   message: "has \(object.count) properties, at least \(minimum) required")
        }
        if let maximum = rules.maxProperties, object.count > maximum {
            report(node, keyword: "maxProperties", expected: "<= \(maximum) properties", actual: "\(object.count)",
                   message: "has \(object.count) properties, at most \(maximum) allowed")
        }
        for (property, required) in rules.dependentRequired where object[property] != nil {
            for name in required where object[name] == nil {
                report(node, keyword: "dependentRequired", expected: "property '\(name)'", actual: "missing",
                       message: "property '\(name)' is required when '\(property)' is present")
            }
        }
        for (property, schema) in rules.dependentSchemas where object[property] != nil {
            evaluate(schema, .object(object))
        }
        for (key, value) in object {
            evaluateMember(key, value, rules, node)
        }
    }

    private mutating func evaluateMember(
        _ key: String, _ value: JSONValue, _ rules: SchemaValidator.ObjectRules, _ node: Node
    ) {
        var isDeclared = false
        if let schema = rules.properties[key] {
            isDeclared = true
            evaluate(schema, value, at: .key(key))
            if rules.e164Properties.contains(key) { checkE164(value, node, key) }
        }
        for (pattern, schema) in rules.patternProperties where pattern.matches(key) {
            isDeclared = true
            evaluate(schema, value, at: .key(key))
        }
        if !isDeclared, let additional = rules.additionalProperties {
            if nodes[additional].constant == false {
                report(node, keyword: "additionalProperties", expected: "no other properties", actual: "'\(key)'",
                       message: "property '\(key)' is not allowed", at: [.key(key)])
            } else {
                evaluate(additional, value, at: .key(key))
            }
        }
        if let names = rules.propertyNames, let first = attempt(names, .string(key)).first {
            report(node, keyword: "propertyNames", expected: first.expected, actual: "'\(key)'",
                   message: "property name '\(key)' is invalid: \(first.message)", at: [.key(key)])
        }
    }

    /// The caller-requested E.164 check on a declared property (a string or an array of strings).
    private mutating func checkE164(_ value: JSONValue, _ node: Node, _ key: String) {
        let candidates: [(JSONValue, PathToken?)] = value.arrayValue.map { items in
            items.enumerated().map { ($1, PathToken.index($0)) }
        } ?? [(value, nil)]
        for case (.string(let text), let index) in candidates where !FormatChecker.e164.isValid(text) {
            report(node, keyword: "properties", expected: "E.164 phone number",
                   actual: JSONValue.string(text).abbreviated,
                   message: "'\(text)' is not an E.164 phone number (+ and 2 to 15 digits)",
                   at: [.key(key)] + (index.map { [$0] } ?? []))
        }
    }

    mutating func evaluateArray(_ array: [JSONValue], _ rules: SchemaValidator.ArrayRules, _ node: Node) {
        if let minimum = rules.minItems, array.count < minimum {
            report(node, keyword: "minItems", expected: ">= \(minimum) items", actual: "\(array.count)",
                   message: "has \(array.count) items, at least \(minimum) required")
        }
        if let maximum = rules.maxItems, array.count > maximum {
            report(node, keyword: "maxItems", expected: "<= \(maximum) items", actual: "\(array.count)",
                   message: "has \(array.count) items, at most \(maximum) allowed")
        }
        for (index, schema) in zip(array.indices, rules.prefixItems) {
            evaluate(schema, array[index], at: .index(index))
        }
        if let items = rules.items, rules.prefixItems.count < array.count {
            for index in rules.prefixItems.count..<array.count {
                evaluate(items, array[index], at: .index(index))
            }
        }
        if rules.uniqueItems, let (first, second) = JSONValue.firstDuplicate(in: array) {
            report(node, keyword: "uniqueItems", expected: "unique items", actual: "items \(first) and \(second) equal",
                   message: "items \(first) and \(second) are equal; items must be unique")
        }
        if let contains = rules.contains { evaluateContains(array, contains, rules, node) }
    }

    private mutating func evaluateContains(
        _ array: [JSONValue], _ schema: Int, _ rules: SchemaValidator.ArrayRules, _ node: Node
    ) {
        let matches = array.indices.count { attempt(schema, array[$0]).isEmpty }
        let minimum = rules.minContains ?? 1
        if matches < minimum {
            let keyword = rules.minContains == nil ? "contains" : "minContains"
            report(node, keyword: keyword, expected: ">= \(minimum) matching items", actual: "\(matches)",
                   message: "\(matches) items match the 'contains' schema, at least \(minimum) required")
        }
        if let maximum = rules.maxContains, matches > maximum {
            report(node, keyword: "maxContains", expected: "<= \(maximum) matching items", actual: "\(matches)",
                   message: "\(matches) items match the 'contains' schema, at most \(maximum) allowed")
        }
    }

    mutating func evaluateString(_ string: String, _ rules: SchemaValidator.StringRules, _ node: Node) {
        if rules.minLength != nil || rules.maxLength != nil {
            let length = string.unicodeScalars.count
            if let minimum = rules.minLength, length < minimum {
                report(node, keyword: "minLength", expected: ">= \(minimum) characters", actual: "\(length)",
                       message: "is \(length) characters long, at least \(minimum) required")
            }
            if let maximum = rules.maxLength, length > maximum {
                report(node, keyword: "maxLength", expected: "<= \(maximum) characters", actual: "\(length)",
                       message: "is \(length) characters long, at most \(maximum) allowed")
            }
        }
        if let pattern = rules.pattern, !pattern.matches(string) {
            let actual = JSONValue.string(string).abbreviated
            report(node, keyword: "pattern", expected: "matches \(pattern.source)", actual: actual,
                   message: "\(actual) does not match the pattern \(pattern.source)")
        }
        if let format = rules.format, !format.isValid(string) {
            let actual = JSONValue.string(string).abbreviated
            report(node, keyword: "format", expected: format.name, actual: actual,
                   message: "\(actual) is not a valid \(format.name)")
        }
    }

    mutating func evaluateNumber(_ number: JSONNumber, _ rules: SchemaValidator.NumberRules, _ node: Node) {
        let checks: [(String, JSONNumber?, String, (Int) -> Bool)] = [
            ("minimum", rules.minimum, ">=", { $0 >= 0 }),
            ("maximum", rules.maximum, "<=", { $0 <= 0 }),
            ("exclusiveMinimum", rules.exclusiveMinimum, ">", { $0 > 0 }),
            ("exclusiveMaximum", rules.exclusiveMaximum, "<", { $0 < 0 }),
        ]
        for (keyword, bound, relation, holds) in checks {
            guard let bound, !holds(number.compare(to: bound)) else { continue }
            report(node, keyword: keyword, expected: "\(relation) \(bound)", actual: "\(number)",
                   message: "\(number) is not \(relation) \(bound)")
        }
        if let divisor = rules.multipleOf, !number.isMultiple(of: divisor) {
            report(node, keyword: "multipleOf", expected: "multiple of \(divisor)", actual: "\(number)",
                   message: "\(number) is not a multiple of \(divisor)")
        }
    }
}
