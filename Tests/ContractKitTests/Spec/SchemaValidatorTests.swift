import Testing

@testable import ContractKit

struct SchemaValidatorTests {
    private let document: JSONValue = [
        "components": [
            "schemas": [
                "Chat": [
                    "type": "object",
                    "required": ["id", "handles"],
                    "properties": [
                        "id": ["type": "string", "format": "uuid"],
                        "handles": ["type": "array", "items": ["$ref": "#/components/schemas/Handle"]],
                        "display_name": ["type": "string", "nullable": true, "maxLength": 5],
                    ],
                    "additionalProperties": false,
                ],
                "Handle": [
                    "type": "object",
                    "required": ["handle"],
                    "properties": ["handle": ["type": "string"], "phone_number": ["type": "string"]],
                ],
            ]
        ]
    ]

    private func violations(
        _ instance: JSONValue, at pointer: JSONPointer = "/components/schemas/Chat",
        dialect: SchemaDialect = .openAPI31, e164: Set<String> = []
    ) -> [SchemaViolation] {
        SchemaValidator(document: document, dialect: dialect, e164PropertyNames: e164)
            .validate(instance, schemaAt: pointer)
    }

    @Test func acceptsValidInstance() {
        let chat: JSONValue = ["id": "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "handles": [["handle": "+12025550123"]]]
        #expect(violations(chat).isEmpty)
    }

    @Test func reportsEveryViolationWithAbsolutePointers() throws {
        let chat: JSONValue = ["id": 7, "handles": [["handle": "a"], ["handle": true], [:]], "extra": 1]
        let found = violations(chat)
        let summary = Set(found.map { "\($0.instancePointer) \($0.schemaPointer) \($0.keyword)" })
        #expect(summary == [
            "/id /components/schemas/Chat/properties/id/type type",
            "/handles/1/handle /components/schemas/Handle/properties/handle/type type",
            "/handles/2 /components/schemas/Handle/required required",
            "/extra /components/schemas/Chat/additionalProperties additionalProperties",
        ])
        let type = try #require(found.first { $0.instancePointer == "/id" })
        #expect(type.expected == "string")
        #expect(type.actual == "integer")
        #expect(type.message == "expected string, got integer")
    }

    @Test func nullableAdmitsNullOnlyInOpenAPI30() {
        let chat: JSONValue = ["id": "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "handles": [], "display_name": nil]
        #expect(violations(chat, dialect: .openAPI30).isEmpty)
        #expect(violations(chat, dialect: .openAPI31).map(\.keyword) == ["type"])
    }

    @Test func typeArraysAdmitEachListedType() {
        let schema: JSONValue = ["type": ["string", "null"]]
        let validator = SchemaValidator(document: schema)
        #expect(validator.validate(nil, schemaAt: .root).isEmpty)
        #expect(validator.validate("x", schemaAt: .root).isEmpty)
        #expect(validator.validate(1, schemaAt: .root).first?.expected == "null or string")
    }

    @Test func e164AppliesToNamedPropertiesOnlyWhenAsked() {
        let chat: JSONValue = [
            "id": "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "handles": [["handle": "x", "phone_number": "2025550123"]],
        ]
        #expect(violations(chat).isEmpty)
        let found = violations(chat, e164: ["phone_number"])
        #expect(found.map(\.instancePointer) == ["/handles/0/phone_number"])
        #expect(found.first?.expected == "E.164 phone number")
    }

    @Test func e164ChecksEachItemOfAnArrayAndSkipsNull() {
        let schema: JSONValue = ["properties": ["phone_numbers": ["type": ["array", "null"]]]]
        let validator = SchemaValidator(document: schema, e164PropertyNames: ["phone_numbers"])
        #expect(validator.validate(["phone_numbers": nil], schemaAt: .root).isEmpty)
        let found = validator.validate(["phone_numbers": ["+12025550123", "+0123", "+4"]], schemaAt: .root)
        #expect(found.map(\.instancePointer) == ["/phone_numbers/1", "/phone_numbers/2"])
    }

    @Test(arguments: [
        ("+12025550123", true), ("+447911123456", true), ("12025550123", false), ("+0123456", false),
        ("+1", false), ("+1234567890123456", false), ("+1 202 555", false),
    ] as [(String, Bool)])
    func e164Format(number: String, isValid: Bool) {
        let validator = SchemaValidator(document: ["format": "phone"])
        #expect(validator.validate(.string(number), schemaAt: .root).isEmpty == isValid)
    }

    @Test func formatsAreAnnotationsUnlessAsserted() {
        let schema: JSONValue = ["format": "date-time"]
        #expect(SchemaValidator(document: schema, assertFormats: false).validate("soon", schemaAt: .root).isEmpty)
        #expect(SchemaValidator(document: schema).validate("soon", schemaAt: .root).map(\.keyword) == ["format"])
    }

    @Test func oneOfReportsOneSummaryWithTheClosestBranch() throws {
        let schema: JSONValue = [
            "oneOf": [
                ["type": "string"],
                ["type": "object", "required": ["a", "b"], "properties": ["a": ["type": "integer"]]],
            ]
        ]
        let found = SchemaValidator(document: schema).validate(["a": "x"], schemaAt: .root)
        let violation = try #require(found.count == 1 ? found.first : nil)
        #expect(violation.keyword == "oneOf")
        #expect(violation.schemaPointer == "/oneOf")
        #expect(violation.message.contains("matches none of 2 alternatives; closest is #1"))
        #expect(violation.message.contains("(+1 more)"))
    }

    @Test func oneOfRejectsMoreThanOneMatch() {
        let schema: JSONValue = ["oneOf": [["type": "integer"], ["minimum": 0]]]
        let found = SchemaValidator(document: schema).validate(3, schemaAt: .root)
        #expect(found.map(\.actual) == ["2 matched"])
    }

    @Test func discriminatorReportsTheSelectedBranchDirectly() {
        let document: JSONValue = [
            "$defs": [
                "Text": ["required": ["kind", "text"], "properties": ["kind": ["const": "text"]]],
                "Media": ["required": ["kind", "url"], "properties": ["kind": ["const": "media"]]],
                "Part": [
                    "oneOf": [["$ref": "#/$defs/Text"], ["$ref": "#/$defs/Media"]],
                    "discriminator": ["propertyName": "kind", "mapping": ["media": "#/$defs/Media"]],
                ],
            ]
        ]
        let found = SchemaValidator(document: document).validate(["kind": "media"], schemaAt: "/$defs/Part")
        #expect(found.map(\.schemaPointer) == ["/$defs/Media/required"])
    }

    @Test func anyOfAndNotDoNotLeakBranchViolations() {
        let schema: JSONValue = ["anyOf": [["type": "string"], ["type": "integer"]], "not": ["type": "boolean"]]
        let validator = SchemaValidator(document: schema)
        #expect(validator.validate(1, schemaAt: .root).isEmpty)
        #expect(validator.validate(true, schemaAt: .root).map(\.keyword) == ["anyOf", "not"])
    }

    @Test func refCycleWithoutProgressIsReportedNotLooped() {
        let document: JSONValue = ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]]]
        let found = SchemaValidator(document: document).validate(1, schemaAt: "/$defs/a")
        #expect(found.map(\.keyword) == ["$ref"])
    }

    @Test func unresolvableReferenceAndMissingSchemaAreViolations() {
        let document: JSONValue = ["$defs": ["a": ["$ref": "#/$defs/missing"]]]
        let validator = SchemaValidator(document: document)
        #expect(validator.validate(1, schemaAt: "/$defs/a").first?.message.contains("points at nothing") == true)
        #expect(validator.validate(1, schemaAt: "/$defs/nope").first?.message.contains("no schema at") == true)
    }

    @Test func openAPI30IgnoresRefSiblingsAndReadsBooleanExclusiveBounds() {
        let document: JSONValue = [
            "int": ["type": "integer"],
            "ref": ["$ref": "#/int", "maximum": 1],
            "bound": ["minimum": 5, "exclusiveMinimum": true],
        ]
        let v30 = SchemaValidator(document: document, dialect: .openAPI30)
        let v31 = SchemaValidator(document: document, dialect: .openAPI31)
        #expect(v30.validate(3, schemaAt: "/ref").isEmpty)
        #expect(v31.validate(3, schemaAt: "/ref").map(\.keyword) == ["maximum"])
        #expect(v30.validate(5, schemaAt: "/bound").map(\.keyword) == ["exclusiveMinimum"])
    }

    @Test func multipleOfIsExactForIntegersAndDecimals() {
        let validator = SchemaValidator(document: ["$defs": ["d": ["multipleOf": 0.0001], "i": ["multipleOf": 7]]])
        #expect(validator.validate(0.0075, schemaAt: "/$defs/d").isEmpty)
        #expect(!validator.validate(0.00751, schemaAt: "/$defs/d").isEmpty)
        #expect(validator.validate(.number(.bigInteger("70000000000000000000000")), schemaAt: "/$defs/i").isEmpty)
        #expect(!validator.validate(.number(.bigInteger("70000000000000000000001")), schemaAt: "/$defs/i").isEmpty)
    }

    @Test func supportedKeywordsListsValidationKeywords() {
        #expect(SchemaValidator.supportedKeywords.isSuperset(of: ["type", "$ref", "oneOf", "nullable", "format"]))
        #expect(!SchemaValidator.supportedKeywords.contains("unevaluatedProperties"))
    }
}
