import Foundation
import Testing

@testable import ContractKit

struct OpenAPIDocumentLoadingTests {
    @Test func loadsAFile() throws {
        let path = try SpecFixtures.temporaryFile(Array(SpecFixtures.chats.utf8))
        let document = try OpenAPIDocument.load(from: path)
        #expect(document.source == path)
        #expect(document.operations.count == 5)
    }

    @Test func namesTheMissingFile() {
        #expect(throws: SpecError.fileNotFound(path: "/nonexistent/openapi.json")) {
            try OpenAPIDocument.load(from: "/nonexistent/openapi.json")
        }
        #expect(SpecError.fileNotFound(path: "x.json").description.hasPrefix("x.json: no such file"))
    }

    @Test func rejectsADirectory() throws {
        let path = try SpecFixtures.temporaryFile([])
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(throws: SpecError.unreadable(path: directory, reason: "it is a directory")) {
            try OpenAPIDocument.load(from: directory)
        }
    }

    @Test func reportsInvalidJSONWithLineAndColumn() throws {
        let path = try SpecFixtures.temporaryFile(Array("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {,}\n}".utf8))
        let error = #expect(throws: SpecError.self) { try OpenAPIDocument.load(from: path) }
        guard case .invalidJSON(let errorPath, let parseError) = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect((parseError.line, parseError.column) == (3, 13))
        #expect(
            error?.description.hasPrefix("\(path):3:13: not valid JSON: expected '\"' to begin an object key") == true
        )
    }

    @Test(arguments: [
        ("[]", SpecError.notAnObject(path: "fixture.json", found: "array")),
        ("{}", .missingVersion(path: "fixture.json")),
        (#"{"swagger": "2.0"}"#, .unsupportedVersion(path: "fixture.json", version: "swagger 2.0")),
        (#"{"openapi": "2.0.0"}"#, .unsupportedVersion(path: "fixture.json", version: "2.0.0")),
        (#"{"openapi": "3.2.0"}"#, .unsupportedVersion(path: "fixture.json", version: "3.2.0")),
        (#"{"openapi": "3.1"}"#, .unsupportedVersion(path: "fixture.json", version: "3.1")),
        (
            #"{"openapi": 3.1}"#,
            .invalidDocument(
                path: "fixture.json",
                pointer: "/openapi",
                reason: "the version must be a string such as \"3.1.0\", found 3.1"
            )
        ),
        (
            #"{"openapi": "3.0.3", "paths": []}"#,
            .invalidDocument(
                path: "fixture.json",
                pointer: "/paths",
                reason: "'paths' must be an object, found array"
            )
        ),
    ])
    func rejectsWhatIsNotOpenAPI3(text: String, expected: SpecError) {
        #expect(throws: expected) { try SpecFixtures.document(text) }
        #expect(expected.description.hasPrefix("fixture.json: "))
    }

    @Test func deepDocumentsGiveACleanError() throws {
        let deep =
            #"{"openapi": "3.1.0", "x": "# + String(repeating: "[", count: 10_000)
            + String(repeating: "]", count: 10_000) + "}"
        let path = try SpecFixtures.temporaryFile(Array(deep.utf8))
        let error = #expect(throws: SpecError.self) { try OpenAPIDocument.load(from: path) }
        #expect(error?.description.contains("nesting deeper than the limit of 512") == true)
    }

    @Test(.timeLimit(.minutes(1))) func loadsA50MegabyteDocument() throws {
        let schema =
            #"{"type": "object", "description": "\#(String(repeating: "padding ", count: 60))", "#
            + #""properties": {"id": {"type": "string"}, "n": {"type": "integer", "minimum": 0}}}"#
        let count = 50 * 1024 * 1024 / schema.utf8.count + 1
        var text = #"{"openapi": "3.0.3", "paths": {}, "components": {"schemas": {"#
        text += (0..<count).map { #""S\#($0)": \#(schema)"# }.joined(separator: ",\n")
        text += "}}}"
        let path = try SpecFixtures.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try OpenAPIDocument.load(from: path)
        #expect(text.utf8.count > 50 * 1024 * 1024)
        #expect(document.schemaNames.count == count)
        #expect(document.schemaPointer(named: "S\(count - 1)") != nil)
    }
}
