import Foundation

extension SchemaValidator {
    /// A schema compiled once: keywords parsed, regexes built, `$ref`s turned into node indices.
    ///
    /// Nodes live in an arena (`[Node]`) and point at each other by index, so `$ref` cycles
    /// need no mutation after construction and evaluation never resolves a pointer.
    /// Rules are grouped by the instance type they constrain, so a string skips object rules.
    final class Node: Sendable {
        /// Where the schema sits in the document; violation schema pointers extend it.
        let location: [String]
        /// `true`/`false` for boolean schemas, `nil` for object schemas.
        let constant: Bool?
        /// A problem with the schema itself (unresolvable `$ref`, invalid pattern), reported on use.
        let defect: Defect?
        let types: TypeSet?
        let enumValues: [JSONValue]?
        /// The string members of `enum`, for a hashed lookup before the exact comparison.
        let enumStrings: Set<String>
        let constValue: JSONValue?
        let ref: Int?
        let allOf: [Int]
        let anyOf: [Int]
        let oneOf: [Int]
        let not: Int?
        let conditional: Conditional?
        let discriminator: Discriminator?
        let object: ObjectRules?
        let array: ArrayRules?
        let string: StringRules?
        let number: NumberRules?

        init(
            location: [String], constant: Bool? = nil, defect: Defect? = nil, types: TypeSet? = nil,
            enumValues: [JSONValue]? = nil, constValue: JSONValue? = nil, ref: Int? = nil,
            allOf: [Int] = [], anyOf: [Int] = [], oneOf: [Int] = [], not: Int? = nil,
            conditional: Conditional? = nil, discriminator: Discriminator? = nil,
            object: ObjectRules? = nil, array: ArrayRules? = nil, string: StringRules? = nil,
            number: NumberRules? = nil
        ) {
            self.location = location
            self.constant = constant
            self.defect = defect
            self.types = types
            self.enumValues = enumValues
            self.enumStrings = Set(enumValues?.compactMap(\.stringValue) ?? [])
            self.constValue = constValue
            self.ref = ref
            self.allOf = allOf
            self.anyOf = anyOf
            self.oneOf = oneOf
            self.not = not
            self.conditional = conditional
            self.discriminator = discriminator
            self.object = object
            self.array = array
            self.string = string
            self.number = number
        }

        /// `enum` membership; strings go through a hash lookup first (Swift's `==` is canonical
        /// equivalence, so a hit is confirmed byte for byte before it counts).
        func isEnumMember(_ instance: JSONValue) -> Bool {
            if case .string(let text) = instance, let index = enumStrings.firstIndex(of: text),
                JSONValue.string(enumStrings[index]).isJSONEqual(to: instance)
            {
                return true
            }
            return enumValues?.contains { $0.isJSONEqual(to: instance) } ?? true
        }
    }

    /// A problem in the schema itself; reported as a violation where the schema is used.
    struct Defect: Error, CustomStringConvertible {
        let keyword: String
        let message: String

        var description: String { message }
    }

    /// JSON Schema's primitive types; `number` admits integers.
    struct TypeSet: OptionSet, Sendable {
        let rawValue: UInt8
        static let null = TypeSet(rawValue: 1 << 0)
        static let boolean = TypeSet(rawValue: 1 << 1)
        static let integer = TypeSet(rawValue: 1 << 2)
        static let number = TypeSet(rawValue: 1 << 3)
        static let string = TypeSet(rawValue: 1 << 4)
        static let array = TypeSet(rawValue: 1 << 5)
        static let object = TypeSet(rawValue: 1 << 6)

        static let names: [(String, TypeSet)] = [
            ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object),
        ]

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init?(name: String) {
            guard let entry = TypeSet.names.first(where: { $0.0 == name }) else { return nil }
            self = entry.1
        }

        func admits(_ value: JSONValue) -> Bool {
            switch value {
            case .null: contains(.null)
            case .bool: contains(.boolean)
            case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
            case .string: contains(.string)
            case .array: contains(.array)
            case .object: contains(.object)
            }
        }

        var description: String {
            TypeSet.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
        }
    }

    struct Conditional: Sendable {
        let condition: Int
        let then: Int?
        let otherwise: Int?
    }

    /// OpenAPI's `discriminator`: which `oneOf`/`anyOf` branch a property value selects.
    /// Only used to explain a failure; validity is decided by the applicator alone.
    struct Discriminator: Sendable {
        let propertyName: String
        /// Discriminator value → position in the `oneOf` (or `anyOf`) array.
        let branchByValue: [String: Int]
    }

    struct ObjectRules: Sendable {
        var properties: [String: Int] = [:]
        var patternProperties: [(regex: CompiledPattern, node: Int)] = []
        var additionalProperties: Int?
        var propertyNames: Int?
        var required: [String] = []
        var minProperties: Int?
        var maxProperties: Int?
        var dependentRequired: [(property: String, required: [String])] = []
        var dependentSchemas: [(property: String, node: Int)] = []
        /// Declared properties checked as E.164 phone numbers (see `e164PropertyNames`).
        var e164Properties: Set<String> = []
    }

    struct ArrayRules: Sendable {
        var prefixItems: [Int] = []
        var items: Int?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var contains: Int?
        var minContains: Int?
        var maxContains: Int?
    }

    struct StringRules: Sendable {
        var minLength: Int?
        var maxLength: Int?
        var pattern: CompiledPattern?
        var format: FormatChecker?

        var isEmpty: Bool { minLength == nil && maxLength == nil && pattern == nil && format == nil }
    }

    struct NumberRules: Sendable {
        var minimum: JSONNumber?
        var maximum: JSONNumber?
        var exclusiveMinimum: JSONNumber?
        var exclusiveMaximum: JSONNumber?
        var multipleOf: JSONNumber?
    }

    /// A `pattern` compiled once; matching is unanchored, as ECMA-262 `RegExp.test` is.
    struct CompiledPattern: Sendable {
        let source: String
        let regex: NSRegularExpression

        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }
}
