import Testing

@testable import conformance

struct ValidateCommandTests {
    static let spec = #"""
        {"openapi": "3.1.0", "paths": {"/chats/{id}": {"get": {"operationId": "getChat", "responses": {
           "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}},
           "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
           "204": {"description": "empty"}}}}},
         "components": {"schemas": {
           "Chat": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
           "Error": {"type": "object", "required": ["code"], "properties": {"code": {"type": "integer"}}}}}}
        """#

    let directory: String

    init() throws {
        directory = try temporaryDirectory(with: [
            "specs/v3/openapi.json": ValidateCommandTests.spec,
            "good.json": #"{"id": "c1"}"#,
            "bad.json": #"{"id": 7}"#,
            "error.json": #"{"code": "E1"}"#,
            "broken.json": "{\"id\": }",
        ])
    }

    @Test func validFilesPassWithStatusZero() async {
        let result = await runConformance(["validate", "--spec", "v3", "--schema", "Chat", "good.json"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout == "good.json: valid against schema Chat\n")
    }

    @Test func invalidFilesPrintEveryViolationAndExitOne() async {
        let result = await runConformance(
            ["validate", "--spec=v3", "--operation", "getChat", "good.json", "bad.json"],
            in: directory
        )
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "good.json: valid against getChat response 200")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("bad.json: /id: type: expected ") })
        #expect(lines.count == 2)
        #expect(result.stdout.contains("got "))
    }

    @Test func statusSelectsTheResponseSchemaByCode() async {
        let result = await runConformance(
            ["validate", "--spec", "v3", "--operation", "getChat", "--status", "404", "error.json"],
            in: directory
        )
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("error.json: /code: type: expected "))
    }

    @Test func fileErrorsExitTwoEvenWhenOtherFilesAreChecked() async {
        let result = await runConformance(
            ["validate", "--spec", "v3", "--schema", "Chat", "missing.json", "broken.json", "good.json"],
            in: directory
        )
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                error: missing.json: no such file or not readable
                error: broken.json:1:8: not valid JSON: expected a JSON value after ':', found '}'

                """
        )
        #expect(result.stdout == "good.json: valid against schema Chat\n")
    }

    @Test(arguments: [
        (
            ["--schema", "Nope", "good.json"],
            "error: no schema named Nope in specs/v3/openapi.json; known schemas: Chat, Error\n"
        ),
        (
            ["--operation", "nope", "good.json"],
            "error: no operation with operationId nope in specs/v3/openapi.json; known operations: getChat\n"
        ),
        (
            ["--operation", "getChat", "--status", "204", "good.json"],
            "error: operation getChat in specs/v3/openapi.json documents no JSON response schema for status 204; "
                + "documented statuses: 200, 404, 204; pass --status CODE\n"
        ),
    ])
    func unknownTargetsExitTwoAndListWhatExists(arguments: [String], message: String) async {
        let result = await runConformance(["validate", "--spec", "v3"] + arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--schema", "Chat", "good.json"], "missing --spec v2|v3"),
        (["--spec", "v4", "--schema", "Chat", "good.json"], "--spec must be v2 or v3, not 'v4'"),
        (["--spec", "v3", "good.json"], "give exactly one of --schema NAME or --operation ID"),
        (
            ["--spec", "v3", "--schema", "Chat", "--operation", "getChat", "good.json"],
            "give exactly one of --schema NAME or --operation ID"
        ),
        (["--spec", "v3", "--schema", "Chat"], "no FILE to validate"),
        (
            ["--spec", "v3", "--schema", "Chat", "--status", "200", "good.json"],
            "--status only applies with --operation"
        ),
        (
            ["--spec", "v3", "--operation", "getChat", "--status", "OK", "good.json"],
            "--status must be an HTTP status code 100-599, not 'OK'"
        ),
        (["--spec", "v3", "--schema", "Chat", "--sceham", "x"], "unknown option '--sceham' for 'validate'"),
    ])
    func rejectsBadArgumentsWithUsageErrors(arguments: [String], message: String) async {
        let result = await runConformance(["validate"] + arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(message)\nRun 'conformance validate --help' for usage.\n")
    }

    @Test func missingSpecFileIsASpecError() async {
        let result = await runConformance(["validate", "--spec", "v2", "--schema", "Chat", "good.json"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(directory)/specs/v2/openapi.json: no such file"))
    }
}
