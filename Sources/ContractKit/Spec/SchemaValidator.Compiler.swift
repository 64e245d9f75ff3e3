import Foundation

extension SchemaValidator {
    /// Turns schemas of the document into ``Node``s, each location once.
    ///
    /// A location gets its index before its children are compiled, so a `$ref` back to a
    /// schema still being compiled simply records that index: cycles terminate here and
    /// are handled at evaluation time.
    struct Compiler {
        let document: JSONValue
        let options: Options
        var arena: Arena

        mutating func compile(at location: [String]) -> Int {
            if let index = arena.indexByLocation[location] { return index }
            let index = arena.nodes.count
            arena.nodes.append(Node(location: location, constant: true))
            arena.indexByLocation[location] = index
            arena.nodes[index] = build(at: location)
            return index
        }

        private mutating func build(at location: [String]) -> Node {
            switch document.value(at: JSONPointer(tokens: location)) {
            case .bool(let constant)?:
                return Node(location: location, constant: constant)
            case .object(let schema)?:
                return build(schema, at: location)
            case nil:
                let message = "no schema at \(JSONPointer(tokens: location).uriFragment); check the pointer or $ref"
                return Node(location: location, defect: Defect(keyword: "$ref", message: message))
            case let other?:
                let message = "a schema must be an object or a boolean, found \(other.typeName); fix the document"
                return Node(location: location, defect: Defect(keyword: "$ref", message: message))
            }
        }

        private mutating func build(_ schema: JSONObject, at location: [String]) -> Node {
            var ref: Int?
            if let reference = schema["$ref"]?.stringValue {
                switch referencedLocation(reference) {
                case .success(let target): ref = compile(at: target)
                case .failure(let defect): return Node(location: location, defect: defect)
                }
                // OpenAPI 3.0: "properties adjacent to a $ref SHALL be ignored".
                if options.dialect == .openAPI30 { return Node(location: location, ref: ref) }
            }
            let keywords = Keywords(schema: schema, location: location, dialect: options.dialect)
            let anyOf = compileEach(schema["anyOf"], keyword: "anyOf", at: location)
            let oneOf = compileEach(schema["oneOf"], keyword: "oneOf", at: location)
            let object = objectRules(schema, at: location)
            let string: StringRules
            switch stringRules(schema) {
            case .success(let rules): string = rules
            case .failure(let defect): return Node(location: location, defect: defect)
            }
            return Node(
                location: location, types: keywords.types, enumValues: schema["enum"]?.arrayValue,
                constValue: schema["const"], ref: ref,
                allOf: compileEach(schema["allOf"], keyword: "allOf", at: location), anyOf: anyOf, oneOf: oneOf,
                not: compileChild(schema, "not", at: location),
                conditional: conditional(schema, at: location),
                discriminator: discriminator(schema, at: location),
                object: object, array: arrayRules(schema, at: location),
                string: string.isEmpty ? nil : string, number: keywords.numberRules
            )
        }

        private mutating func compileChild(_ schema: JSONObject, _ keyword: String, at location: [String]) -> Int? {
            schema[keyword] == nil ? nil : compile(at: location + [keyword])
        }

        private mutating func compileEach(_ value: JSONValue?, keyword: String, at location: [String]) -> [Int] {
            guard let array = value?.arrayValue else { return [] }
            return array.indices.map { compile(at: location + [keyword, String($0)]) }
        }

        private mutating func compileMembers(_ value: JSONValue?, keyword: String, at location: [String])
            -> [(String, Int)]
        {
            guard let object = value?.objectValue else { return [] }
            return object.keys.map { ($0, compile(at: location + [keyword, $0])) }
        }

        private mutating func conditional(_ schema: JSONObject, at location: [String]) -> Conditional? {
            guard let condition = compileChild(schema, "if", at: location) else { return nil }
            return Conditional(
                condition: condition, then: compileChild(schema, "then", at: location),
                otherwise: compileChild(schema, "else", at: location))
        }

        private mutating func objectRules(_ schema: JSONObject, at location: [String]) -> ObjectRules? {
            var rules = ObjectRules()
            var isEmpty = true
            let properties = compileMembers(schema["properties"], keyword: "properties", at: location)
            rules.properties = Dictionary(properties, uniquingKeysWith: { first, _ in first })
            rules.e164Properties = Set(rules.properties.keys).intersection(options.e164PropertyNames)
            for (pattern, _) in schema["patternProperties"]?.objectValue ?? JSONObject() {
                guard let regex = try? NSRegularExpression(pattern: ECMARegex.translate(pattern)) else { continue }
                let node = compile(at: location + ["patternProperties", pattern])
                rules.patternProperties.append((CompiledPattern(source: pattern, regex: regex), node))
            }
            rules.additionalProperties = compileChild(schema, "additionalProperties", at: location)
            rules.propertyNames = compileChild(schema, "propertyNames", at: location)
            rules.required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            rules.minProperties = Keywords.count(schema["minProperties"])
            rules.maxProperties = Keywords.count(schema["maxProperties"])
            for (property, value) in schema["dependentRequired"]?.objectValue ?? JSONObject() {
                rules.dependentRequired.append((property, value.arrayValue?.compactMap(\.stringValue) ?? []))
            }
            rules.dependentSchemas = compileMembers(schema["dependentSchemas"], keyword: "dependentSchemas",
                                                    at: location).map { ($0.0, $0.1) }
            isEmpty = properties.isEmpty && rules.patternProperties.isEmpty && rules.additionalProperties == nil
                && rules.propertyNames == nil && rules.required.isEmpty && rules.minProperties == nil
                && rules.maxProperties == nil && rules.dependentRequired.isEmpty && rules.dependentSchemas.isEmpty
            return isEmpty ? nil : rules
        }

        private mutating func arrayRules(_ schema: JSONObject, at location: [String]) -> ArrayRules? {
            var rules = ArrayRules()
            rules.prefixItems = compileEach(schema["prefixItems"], keyword: "prefixItems", at: location)
            rules.items = compileChild(schema, "items", at: location)
            rules.minItems = Keywords.count(schema["minItems"])
            rules.maxItems = Keywords.count(schema["maxItems"])
            rules.uniqueItems = schema["uniqueItems"]?.boolValue ?? false
            rules.contains = compileChild(schema, "contains", at: location)
            rules.minContains = Keywords.count(schema["minContains"])
            rules.maxContains = Keywords.count(schema["maxContains"])
            let isEmpty = rules.prefixItems.isEmpty && rules.items == nil && rules.minItems == nil
                && rules.maxItems == nil && !rules.uniqueItems && rules.contains == nil
            return isEmpty ? nil : rules
        }

        private func stringRules(_ schema: JSONObject) -> Result<StringRules, Defect> {
            var rules = StringRules()
            rules.minLength = Keywords.count(schema["minLength"])
            rules.maxLength = Keywords.count(schema["maxLength"])
            if let pattern = schema["pattern"]?.stringValue {
                guard let regex = try? NSRegularExpression(pattern: ECMARegex.translate(pattern)) else {
                    let message = "pattern '\(pattern)' is not a valid regular expression; fix the schema"
                    return .failure(Defect(keyword: "pattern", message: message))
                }
                rules.pattern = CompiledPattern(source: pattern, regex: regex)
            }
            if options.assertFormats, let format = schema["format"]?.stringValue {
                rules.format = FormatChecker(name: format)
            }
            return .success(rules)
        }

        private func discriminator(_ schema: JSONObject, at location: [String]) -> Discriminator? {
            guard let object = schema["discriminator"]?.objectValue,
                let propertyName = object["propertyName"]?.stringValue
            else { return nil }
            let keyword = schema["oneOf"] != nil ? "oneOf" : "anyOf"
            let branchRefs = (schema[keyword]?.arrayValue ?? []).map { $0["$ref"]?.stringValue }
            var branchByValue: [String: Int] = [:]
            for (index, reference) in branchRefs.enumerated() {
                if let name = reference?.split(separator: "/").last { branchByValue[String(name)] = index }
            }
            for (value, target) in object["mapping"]?.objectValue ?? JSONObject() {
                guard let target = target.stringValue else { continue }
                let index = branchRefs.firstIndex { reference in
                    reference == target || reference?.split(separator: "/").last.map(String.init) == target
                }
                if let index { branchByValue[value] = index }
            }
            return Discriminator(propertyName: propertyName, branchByValue: branchByValue)
        }

        /// Resolves a local `$ref` (`#`, `#/json/pointer`, percent-encoded) to document tokens.
        private func referencedLocation(_ reference: String) -> Result<[String], Defect> {
            guard reference.hasPrefix("#") else {
                let message = "$ref '\(reference)' is not local; only '#/…' references into this document resolve"
                return .failure(Defect(keyword: "$ref", message: message))
            }
            guard let pointer = try? JSONPointer(uriFragment: reference) else {
                let message = "$ref '\(reference)' names an anchor; only JSON-pointer fragments ('#/…') resolve"
                return .failure(Defect(keyword: "$ref", message: message))
            }
            guard document.value(at: pointer) != nil else {
                let message = "$ref '\(reference)' points at nothing in the document; fix the reference"
                return .failure(Defect(keyword: "$ref", message: message))
            }
            return .success(pointer.tokens)
        }
    }

    /// The compiled nodes and where each schema location landed.
    struct Arena: Sendable {
        var nodes: [Node] = []
        var indexByLocation: [[String]: Int] = [:]
    }
}
