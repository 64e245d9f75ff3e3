import Testing

@testable import ContractKit

@Suite("SchemaShape")
struct SchemaShapeTests {
    private func shape(_ schemas: String, root: String = "Node") throws -> SchemaShape {
        let document = try OpenAPIDocument(
            root: JSONParser.parse(#"{"openapi": "3.1.0", "paths": {}, "components": {"schemas": \#(schemas)}}"#))
        return SchemaShape(document: document, schema: JSONPointer(tokens: ["components", "schemas", root]))
    }

    @Test("self-references stop at the cycle instead of recursing")
    func cycles() throws {
        let shape = try shape(
            #"""
            {"Node": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string"},
              "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
              "parent": {"$ref": "#/components/schemas/Other"}}},
             "Other": {"allOf": [{"$ref": "#/components/schemas/Node"}]}}
            """#)
        #expect(shape["children/*"]?.recursiveReference == "#/components/schemas/Node")
        #expect(shape["parent"]?.recursiveReference == "#/components/schemas/Node")
        #expect(shape["children/*/id"] == nil)
        #expect(shape["id"]?.isRequired == true)
        #expect(shape["children"]?.isRequired == false)
    }

    @Test("allOf unites properties and required; oneOf requires only what every variant requires")
    func composition() throws {
        let shape = try shape(
            #"""
            {"Node": {"allOf": [
               {"type": "object", "properties": {"a": {"type": "integer"}}},
               {"required": ["a"], "properties": {"b": {"oneOf": [
                  {"type": "object", "required": ["x", "y"], "properties": {"x": {"type": "string"}, "y": {}}},
                  {"type": "object", "required": ["x"], "properties": {"x": {"type": "string", "nullable": true}}}
               ]}}}]}}
            """#)
        #expect(shape["a"]?.isRequired == true)
        #expect(shape["a"]?.types == ["integer"])
        #expect(shape["b/x"]?.isRequired == true)
        #expect(shape["b/y"]?.isRequired == false)
        #expect(shape["b/x"]?.types == ["string", "null"])
    }
}
