import ContractKit
import Foundation
import Testing

@Suite struct SchemaInstanceGeneratorTests {
    static let specs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs")

    static func document(_ version: String) throws -> JSONValue {
        let data = try Data(contentsOf: specs.appendingPathComponent("\(version)/openapi.json"))
        return try JSONParser.parse(Array(data))
    }

    /// Every webhook payload schema of both captured specs, as (spec, pointer).
    static let payloadSchemas: [(String, String)] = {
        var cases: [(String, String)] = []
        for (version, container) in [("v3", "webhooks"), ("v2", "x-webhooks")] {
            guard let document = try? document(version) else { continue }
            for key in document[container]?.objectValue?.keys ?? [] {
                let pointer = JSONPointer(tokens: [
                    container, key, "post", "requestBody", "content", "application/json", "schema",
                ])
                cases.append((version, pointer.description))
            }
        }
        return cases
    }()

    @Test func bothSpecsHaveWebhookSchemas() {
        #expect(Self.payloadSchemas.filter { $0.0 == "v3" }.count >= 25)
        #expect(Self.payloadSchemas.filter { $0.0 == "v2" }.count >= 10)
    }

    @Test(arguments: payloadSchemas)
    func generatedPayloadsValidateAgainstTheirSchema(_ version: String, _ pointerText: String) throws {
        let document = try Self.document(version)
        let pointer = try JSONPointer(parsing: pointerText)
        let instance = try SchemaInstanceGenerator(document: document).instance(forSchemaAt: pointer)
        let violations = SchemaValidator(document: document).validate(instance, schemaAt: pointer)
        #expect(violations.isEmpty, "\(violations.map(\.message))")
        #expect(instance["data"] != nil)
    }

    @Test func minimalInstancesFollowTheKeywords() throws {
        let schema: JSONValue = [
            "type": "object",
            "required": ["id", "kind", "when", "phone_number", "tags", "count", "fixed", "link", "mail", "pick"],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "kind": ["type": "string", "enum": ["first", "second"]],
                "when": ["type": ["null", "string"], "format": "date-time"],
                "phone_number": ["type": "string"],
                "tags": ["type": "array", "minItems": 2, "items": ["type": "string", "minLength": 8]],
                "count": ["type": "integer", "exclusiveMinimum": 3],
                "fixed": ["const": 42],
                "link": ["type": "string", "format": "uri"],
                "mail": ["type": "string", "format": "email"],
                "pick": ["oneOf": [["type": "null"], ["$ref": "#/$defs/flag"]]],
                "optional": ["type": "string"],
            ],
            "$defs": ["flag": ["type": "boolean"]],
        ]
        let instance = try SchemaInstanceGenerator(document: schema).instance(forSchemaAt: .root)
        #expect(instance["optional"] == nil)
        #expect(instance["kind"] == "first")
        #expect(instance["phone_number"] == "+12025550123")
        #expect(instance["tags"]?.arrayValue?.count == 2)
        #expect(instance["count"] == 4)
        #expect(instance["fixed"] == 42)
        #expect(instance["pick"] == false)
        #expect(SchemaValidator(document: schema).validate(instance, schemaAt: .root).isEmpty)
    }

    @Test func unresolvableReferencesAndCyclesAreErrorsNamingThePointer() {
        let dangling: JSONValue = ["type": "object", "required": ["a"], "properties": ["a": ["$ref": "#/nowhere"]]]
        #expect(throws: SchemaInstanceError.unresolvableReference("#/nowhere", at: "/properties/a")) {
            try SchemaInstanceGenerator(document: dangling).instance(forSchemaAt: .root)
        }
        let cycle: JSONValue = ["type": "object", "required": ["next"], "properties": ["next": ["$ref": "#"]]]
        #expect {
            try SchemaInstanceGenerator(document: cycle).instance(forSchemaAt: .root)
        } throws: { error in
            "\(error)".contains("exceeds")
        }
    }
}
