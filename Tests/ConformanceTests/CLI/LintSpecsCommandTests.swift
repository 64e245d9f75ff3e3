import Testing

@testable import conformance

struct LintSpecsCommandTests {
    static let clean = #"{"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"A": {"type": "string"}}}}"#

    @Test func lintsTheCommittedSpecsWithoutErrors() async {
        let result = await runConformance(["lint-specs"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("specs/v2/openapi.json: "))
        #expect(result.stdout.contains("specs/v3/openapi.json: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func printsDiagnosticsAsFilePointerMessageAndFailsOnErrors() async throws {
        let directory = try temporaryDirectory(with: [
            "api/v2/openapi.json": LintSpecsCommandTests.clean,
            "api/v3/openapi.json": #"""
            {"openapi": "3.0.3", "paths": {}, "components": {"schemas": {
              "A": {"$ref": "#/components/schemas/B"}, "C": {"type": "string", "maxLenght": 3}}}}
            """#,
        ])
        let result = await runConformance(["lint-specs", "--specs=api"], in: directory)
        #expect(result.status == 2)
        #expect(
            result.stdout == """
                api/v2/openapi.json: 0 operations, 0 errors, 0 warnings
                api/v3/openapi.json: /components/schemas/A/$ref: error: unresolved $ref: '#/components/schemas/B' \
                points to /components/schemas/B, which does not exist in the document
                api/v3/openapi.json: /components/schemas/C/maxLenght: warning: unknown schema keyword 'maxLenght' \
                is ignored by validation; fix the spelling or prefix it with 'x-'
                api/v3/openapi.json: 0 operations, 1 errors, 1 warnings

                """
        )
    }

    @Test func warningsAloneDoNotFail() async throws {
        let warning = #"{"openapi": "3.1.0", "components": {"schemas": {"A": {"typ": "string"}}}}"#
        let directory = try temporaryDirectory(with: [
            "specs/v2/openapi.json": LintSpecsCommandTests.clean, "specs/v3/openapi.json": warning,
        ])
        let result = await runConformance(["lint-specs"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("specs/v3/openapi.json: 0 operations, 0 errors, 1 warnings"))
    }

    @Test func reportsUnloadableSpecsOnStandardErrorWithoutAStackTrace() async throws {
        let directory = try temporaryDirectory(with: ["specs/v3/openapi.json": "{\n  \"openapi\": \"3.1.0\",,\n}"])
        let result = await runConformance(["lint-specs"], in: directory)
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                error: \(directory)/specs/v2/openapi.json: no such file; check the path \
                (specs live in specs/v2/openapi.json and specs/v3/openapi.json)
                error: \(directory)/specs/v3/openapi.json:2:22: not valid JSON: expected '"' to begin an object key \
                after ',', found ','. Only JSON OpenAPI documents are supported; convert YAML to JSON first

                """
        )
    }

    @Test func rejectsPositionalArguments() async {
        let result = await runConformance(["lint-specs", "specs"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: unexpected argument 'specs'"))
    }
}
