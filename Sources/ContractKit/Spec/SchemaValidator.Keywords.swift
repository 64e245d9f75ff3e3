extension SchemaValidator {
    /// Reads the keywords whose meaning depends on the dialect (`type`/`nullable`, number bounds).
    struct Keywords {
        let types: TypeSet?
        let numberRules: NumberRules?

        init(schema: JSONObject, location: [String], dialect: SchemaDialect) {
            var types: TypeSet?
            switch schema["type"] {
            case .string(let name)?: types = TypeSet(name: name) ?? []
            case .array(let names)?:
                types = names.reduce(into: TypeSet()) { types, name in
                    types.formUnion(name.stringValue.flatMap(TypeSet.init(name:)) ?? [])
                }
            default: types = nil
            }
            if dialect == .openAPI30, schema["nullable"]?.boolValue == true { types?.insert(.null) }
            self.types = types

            var rules = NumberRules()
            rules.minimum = schema["minimum"]?.numberValue
            rules.maximum = schema["maximum"]?.numberValue
            switch schema["exclusiveMinimum"] {
            case .number(let bound)?: rules.exclusiveMinimum = bound
            case .bool(true)?: (rules.exclusiveMinimum, rules.minimum) = (rules.minimum, nil)
            default: break
            }
            switch schema["exclusiveMaximum"] {
            case .number(let bound)?: rules.exclusiveMaximum = bound
            case .bool(true)?: (rules.exclusiveMaximum, rules.maximum) = (rules.maximum, nil)
            default: break
            }
            if let divisor = schema["multipleOf"]?.numberValue, divisor.doubleValue > 0 { rules.multipleOf = divisor }
            let isEmpty = rules.minimum == nil && rules.maximum == nil && rules.exclusiveMinimum == nil
                && rules.exclusiveMaximum == nil && rules.multipleOf == nil
            numberRules = isEmpty ? nil : rules
        }

        /// A non-negative count keyword (`minItems`, `maxLength`, …); `2.0` counts as 2.
        static func count(_ value: JSONValue?) -> Int? {
            guard let number = value?.numberValue else { return nil }
            if let whole = number.int64Value { return Int(clamping: max(whole, 0)) }
            return number.isInteger ? Int.max : nil
        }
    }
}
