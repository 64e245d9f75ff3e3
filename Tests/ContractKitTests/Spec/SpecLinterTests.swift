import Testing

@testable import ContractKit

struct SpecLinterTests {
    @Test func cleanDocumentHasOnlyTheMissingSchemaWarning() throws {
        let diagnostics = SpecLinter.lint(try SpecFixtures.document(SpecFixtures.chats))
        #expect(
            diagnostics == [
                SpecDiagnostic(
                    severity: .warning,
                    pointer: "/paths/~1v3~1chats~1search/get/responses/200",
                    message:
                        "searchChats: response 200 declares content but no JSON schema, so its body cannot be checked"
                )
            ]
        )
    }

    @Test func invalidPatternsAreErrorsAndNestedRepetitionIsAWarning() throws {
        let document = try SpecFixtures.document(
            #"""
            {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {
              "Phone": {"type": "string", "pattern": "^\\+[1-9]\\d{1,14}$"},
              "Broken": {"type": "string", "pattern": "^(unclosed$"},
              "Slow": {"type": "string", "pattern": "^(a+)+$"},
              "Map": {"type": "object", "patternProperties": {"[": {}, "^x-(\\w*)*$": {"type": "string"}}}}}}
            """#
        )
        let diagnostics = SpecLinter.lint(document)
        #expect(
            diagnostics.map { "\($0.severity) \($0.pointer)" } == [
                "error /components/schemas/Broken/pattern",
                "warning /components/schemas/Slow/pattern",
                "error /components/schemas/Map/patternProperties/[",
                "warning /components/schemas/Map/patternProperties/^x-(\\w*)*$",
            ]
        )
        #expect(diagnostics[0].message == "'^(unclosed$' is not a valid regular expression; fix its syntax")
        #expect(diagnostics[1].message.contains("quantifier at character 5"))
        #expect(diagnostics[1].message.contains("'^(a+)+$' → '^a+$'"))
    }

    @Test func reportsUnresolvedReferencesWithThePointerOfTheRef() throws {
        let document = try SpecFixtures.document(
            #"""
            {"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {
              "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}},
              "400": {"$ref": "https://example.com/errors.json#/Bad"}}}}},
             "components": {"schemas": {
               "Loop": {"$ref": "#/components/schemas/Loop2"}, "Loop2": {"$ref": "#/components/schemas/Loop"},
               "Bad": {"$ref": 7}, "Pointer": {"$ref": "#/a~2"},
               "Fine": {"type": "object", "example": {"$ref": "not a reference, just data"}}}}}
            """#
        )
        let diagnostics = SpecLinter.lint(document)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(
            diagnostics.map(\.pointer.description) == [
                "/paths/~1a/get/responses/200/content/application~1json/schema/$ref",
                "/paths/~1a/get/responses/400/$ref",
                "/components/schemas/Loop/$ref",
                "/components/schemas/Loop2/$ref",
                "/components/schemas/Bad/$ref",
                "/components/schemas/Pointer/$ref",
            ]
        )
        #expect(
            diagnostics[0].message
                == "unresolved $ref: '#/components/schemas/Missing' points to /components/schemas/Missing, "
                + "which does not exist in the document"
        )
        #expect(diagnostics[1].message.contains("is not a local reference"))
        #expect(diagnostics[2].message.contains("cycle: /components/schemas/Loop → /components/schemas/Loop2 → "))
        #expect(diagnostics[4].message == "$ref must be a string, found integer")
        #expect(diagnostics[5].message.contains("invalid escape") || diagnostics[5].message.contains("not a valid"))
    }

    @Test func warnsAboutUnknownKeywordsAtAnyDepth() throws {
        let document = try SpecFixtures.document(
            #"""
            {"openapi": "3.0.3", "paths": {}, "components": {"schemas": {"Chat": {
              "type": "object", "reqired": ["id"], "x-internal": true, "nullable": true,
              "properties": {"id": {"type": "string", "formt": "uuid"}, "reqired": {"type": "string"}},
              "allOf": [{"minLenght": 1}], "items": [{"maxitems": 2}], "additionalProperties": false,
              "example": {"anything": "goes"}, "not": 3}}}}
            """#
        )
        let diagnostics = SpecLinter.lint(document)
        #expect(
            diagnostics.map(\.pointer.description) == [
                "/components/schemas/Chat/reqired",
                "/components/schemas/Chat/properties/id/formt",
                "/components/schemas/Chat/allOf/0/minLenght",
                "/components/schemas/Chat/items/0/maxitems",
                "/components/schemas/Chat/not",
            ]
        )
        #expect(diagnostics[0].severity == .warning)
        #expect(
            diagnostics[0].description
                == "/components/schemas/Chat/reqired: warning: unknown schema keyword 'reqired' "
                + "is ignored by validation; fix the spelling or prefix it with 'x-'"
        )
        #expect(
            diagnostics[4]
                == SpecDiagnostic(
                    severity: .error,
                    pointer: "/components/schemas/Chat/not",
                    message: "a schema must be an object or a boolean, found integer"
                )
        )
    }

    @Test func knowsTheDraft2020AndOpenAPIKeywords() {
        for keyword in [
            "$dynamicRef", "unevaluatedProperties", "dependentRequired", "contentSchema", "nullable",
            "discriminator", "xml", "externalDocs", "example", "deprecated", "readOnly", "writeOnly", "x-any",
        ] {
            #expect(SchemaKeywords.isKnown(keyword), "\(keyword)")
        }
        #expect(!SchemaKeywords.isKnown("reqired"))
        #expect(!SchemaKeywords.known.contains("x-any"))
    }
}
