import Foundation
import Testing

@testable import ContractKit

extension Hostile {
    /// Specs built to hurt: reference cycles, dangling references, huge enums and strings, wrong
    /// types, extreme depth and size. Each ends in a clear error or diagnostic naming the file and
    /// pointer, within seconds, never a crash or a hang.
    @Suite(.timeLimit(.minutes(1)))
    struct HostileSpecTests {
        static func document(schemas: JSONValue, paths: JSONValue = [:]) throws -> OpenAPIDocument {
            try OpenAPIDocument(
                root: ["openapi": "3.1.0", "paths": paths, "components": ["schemas": schemas]],
                source: "hostile.json"
            )
        }

        static func schema(_ name: String) -> JSONPointer {
            JSONPointer(tokens: ["components", "schemas", name])
        }

        @Test(arguments: [
            ("self", ["A": ["$ref": "#/components/schemas/A"]]),
            ("mutual", ["A": ["$ref": "#/components/schemas/B"], "B": ["$ref": "#/components/schemas/A"]]),
        ] as [(String, JSONValue)])
        func referenceCyclesAreLintErrorsAndValidationViolations(name: String, schemas: JSONValue) throws {
            let document = try Self.document(schemas: schemas)
            let diagnostics = SpecLinter.lint(document).filter { $0.severity == .error }
            #expect(diagnostics.contains { $0.pointer == "/components/schemas/A/$ref" && $0.message.contains("cycle") })
            let violations = SchemaValidator(document: document.root).validate(["x": 1], schemaAt: Self.schema("A"))
            #expect(violations.contains { $0.keyword == "$ref" && $0.message.contains("cycle") }, "\(violations)")
        }

        @Test func aCycleThroughAllOfIsReportedNotLooped() throws {
            let document = try Self.document(schemas: ["A": ["allOf": [["$ref": "#/components/schemas/A"]]]])
            let violations = SchemaValidator(document: document.root).validate("x", schemaAt: Self.schema("A"))
            #expect(violations.map(\.keyword) == ["$ref"])
            #expect(violations.first?.message.contains("never reaches a schema") == true)
        }

        /// A recursive schema is legitimate; a deep instance must terminate (the parser caps depth at 512).
        @Test func aRecursiveSchemaValidatesTheDeepestParsableInstance() throws {
            let node: JSONValue = [
                "type": "object", "properties": ["child": ["$ref": "#/components/schemas/Node"]],
                "additionalProperties": false,
            ]
            let document = try Self.document(schemas: ["Node": node])
            let depth = 511
            let text =
                String(repeating: #"{"child":"#, count: depth) + #"{"extra":1}"# + String(repeating: "}", count: depth)
            let instance = try JSONParser.parse(text)
            let violations = SchemaValidator(document: document.root).validate(instance, schemaAt: Self.schema("Node"))
            #expect(violations.count == 1)
            #expect(violations.first?.instancePointer.tokens.count == depth + 1)
            #expect(violations.first?.keyword == "additionalProperties")
        }

        @Test func aReferenceToNowhereIsNamedByPointer() throws {
            let document = try Self.document(schemas: ["A": ["$ref": "#/components/schemas/Missing"]])
            let diagnostics = SpecLinter.lint(document)
            #expect(diagnostics.map(\.description) == [
                "/components/schemas/A/$ref: error: unresolved $ref: '#/components/schemas/Missing' points to "
                    + "/components/schemas/Missing, which does not exist in the document"
            ])
            let violations = SchemaValidator(document: document.root).validate(1, schemaAt: Self.schema("A"))
            #expect(violations.first?.message.contains("points at nothing") == true)
        }

        @Test func aHundredThousandValueEnumStaysFastAndItsMessageShort() throws {
            let values = (0..<100_000).map { JSONValue.string("value-\($0)") }
            let document = try Self.document(schemas: ["Big": ["enum": .array(values)]])
            let validator = SchemaValidator(document: document.root)
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for index in stride(from: 0, to: 100_000, by: 1000) {
                    #expect(validator.validate(.string("value-\(index)"), schemaAt: Self.schema("Big")).isEmpty)
                }
            }
            #expect(elapsed < .seconds(10))
            let violation = try #require(validator.validate("nope", schemaAt: Self.schema("Big")).first)
            #expect(violation.expected == "one of 100000 values")
            #expect(violation.message.utf8.count < 1000)
        }

        @Test func megabyteStringsKeepMessagesShort() throws {
            let huge = String(repeating: "x", count: 1 << 20)
            let document = try Self.document(
                schemas: ["S": ["type": "string", "maxLength": 3, "description": .string(huge)]]
            )
            let validator = SchemaValidator(document: document.root)
            let violations = validator.validate(.string(huge), schemaAt: Self.schema("S"))
            #expect(violations.map(\.keyword) == ["maxLength"])
            #expect(violations.allSatisfy { $0.message.utf8.count < 1000 && $0.actual.utf8.count < 1000 })
            let error = #expect(throws: SpecError.self) {
                try OpenAPIDocument(root: ["openapi": .string("3.1.\(huge)")], source: "hostile.json")
            }
            #expect(error?.description.hasPrefix("hostile.json: OpenAPI version") == true)
            #expect((error?.description.utf8.count ?? .max) < 1000, "the error repeats the megabyte")
        }

        @Test(arguments: [
            (#"{"/x": {"get": {"responses": "ok"}}}"#, "/paths/~1x/get/responses", "must be an object"),
            (#"{"/x": {"get": "fetch"}}"#, "/paths/~1x/get", "must be an object"),
            (#"{"/x": []}"#, "/paths/~1x", "must be an object"),
            (
                #"{"/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema": 7}}}}}}}"#,
                "/paths/~1x/get/responses/200/content/application~1json/schema", "a schema must be an object"
            ),
        ])
        func wrongTypesAreLintErrorsAtTheirPointer(paths: String, pointer: String, message: String) throws {
            let document = try Self.document(schemas: [:], paths: try JSONParser.parse(paths))
            let errors = SpecLinter.lint(document).filter { $0.severity == .error }
            #expect(errors.contains { $0.pointer.description == pointer && $0.message.contains(message) }, "\(errors)")
        }

        @Test func aDeepDocumentNamesFileLineAndColumn() throws {
            let text = #"{"openapi": "3.1.0", "paths": "# + String(repeating: "[", count: 10_000)
            let path = try SpecFixtures.temporaryFile(Array(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let error = #expect(throws: SpecError.self) { try OpenAPIDocument.load(from: path) }
            // The object holding "paths" is depth 1, so the 512th '[' (byte 541) is one too many.
            #expect(error?.description.hasPrefix("\(path):1:542: not valid JSON: nesting deeper") == true)
        }

        /// 50 MB of valid schemas cut off before the end: the error names the last line, fast.
        @Test func aTruncatedFiftyMegabyteDocumentFailsFastAtItsEnd() throws {
            let schema = #"{"type": "object", "properties": {"id": {"type": "string"}}, "description": "padding"}"#
            let count = 50 * 1024 * 1024 / (schema.utf8.count + 10) + 1
            var text = #"{"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"#
            text += (0..<count).map { #""S\#($0)": \#(schema)"# }.joined(separator: ",\n")
            let path = try SpecFixtures.temporaryFile(Array(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let clock = ContinuousClock()
            let start = clock.now
            let error = #expect(throws: SpecError.self) { try OpenAPIDocument.load(from: path) }
            // A few seconds alone in debug; generous for a loaded 2-core machine.
            #expect(clock.now - start < .seconds(30))
            #expect(text.utf8.count > 50 * 1024 * 1024)
            #expect(error?.description.hasPrefix("\(path):\(count):") == true, "\(String(describing: error))")
            #expect(error?.description.contains("found end of input") == true)
        }
    }
}
