/// libFuzzer entry point: parse arbitrary bytes and validate the value against a few schemas that
/// exercise every applicator, `$ref` cycles, formats and patterns. Never crashes or hangs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaValidator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let instance = try? JSONParser.parse(bytes) else { return 0 }
    for name in FuzzSchemas.names {
        let violations = FuzzSchemas.validator.validate(instance, schemaAt: JSONPointer(tokens: ["$defs", name]))
        for violation in violations {
            precondition(instance.value(at: violation.instancePointer) != nil, "violation points outside the instance")
        }
    }
    return 0
}

/// The schemas the validator fuzz target checks every input against.
enum FuzzSchemas {
    static let names = ["subscription", "tree", "cycle", "mixed"]

    static let validator = SchemaValidator(document: try! JSONParser.parse(
        #"""
        {"$defs": {
          "subscription": {"type": "object", "required": ["id", "target_url"], "additionalProperties": false,
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "target_url": {"type": "string", "format": "uri", "pattern": "^https://"},
              "created_at": {"type": "string", "format": "date-time"},
              "email": {"type": ["string", "null"], "format": "email"},
              "phone_numbers": {"type": "array", "items": {"type": "string", "format": "e164"},
                "uniqueItems": true},
              "subscribed_events": {"type": "array", "minItems": 1,
                "items": {"enum": ["message.sent", "message.received"]}},
              "is_active": {"type": "boolean"},
              "retries": {"type": "integer", "minimum": 0, "maximum": 10, "multipleOf": 1}
            }},
          "tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/tree"}}},
            "patternProperties": {"^x-": true}, "propertyNames": {"maxLength": 20}},
          "cycle": {"allOf": [{"$ref": "#/$defs/cycle"}], "anyOf": [{"$ref": "#/$defs/a"}, {"type": "number"}]},
          "a": {"$ref": "#/$defs/b"},
          "b": {"$ref": "#/$defs/a"},
          "mixed": {"oneOf": [{"type": "string", "minLength": 2, "maxLength": 5},
              {"type": "number", "exclusiveMinimum": 0},
              {"type": "array", "prefixItems": [{"const": 1}], "contains": {"type": "string"}, "maxContains": 2}],
            "not": {"const": "forbidden"},
            "if": {"type": "object"}, "then": {"dependentRequired": {"a": ["b"]}, "minProperties": 1},
            "else": {"discriminator": {"propertyName": "kind"}}}
        }}
        """#
    ))
}
