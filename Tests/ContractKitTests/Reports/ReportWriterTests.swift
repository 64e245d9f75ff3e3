import Foundation
import Testing

@testable import ContractKit
import TestSupport

@Suite(.blockingIO)
struct ReportWriterTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)

    /// Writes every report of the sample run into a fresh directory; returns it and the console text.
    static func writeAll(gate: Gate = Gate(today: today)) throws -> (directory: URL, run: AssessedRun, console: String)
    {
        let directory = try ExternalTool.temporaryDirectory()
        let stepSummary = directory.appending(path: "step-summary.md")
        let redactor = Redactor(environment: SampleRun.environment)
        let console = CapturedOutput()
        let options = ReportWriter.Options(
            gate: gate,
            redactor: redactor,
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": stepSummary.path],
            annotationOutput: console
        )
        let run = try ReportWriter.write(
            result: SampleRun.result,
            to: directory.appending(path: "reports").path,
            options: options
        )
        let reporter = ConsoleReporter(
            output: console,
            environment: [:],
            isQuiet: false,
            redactor: redactor,
            gate: gate
        )
        for (index, scenario) in SampleRun.result.scenarios.enumerated() {
            reporter.scenarioFinished(scenario, index: index + 1, total: 3, elapsed: .seconds(index))
        }
        reporter.runFinished(run)
        return (directory, run, console.text)
    }

    static func contents(of directory: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[url.lastPathComponent] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }

    @Test func noSecretReachesAnyFileOrTheConsole() throws {
        let (directory, _, console) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Self.contents(of: directory)
        #expect(Set(files.keys) == ["junit.xml", "results.json", "summary.md", "step-summary.md"])
        for (name, text) in files.merging(["console": console], uniquingKeysWith: { $1 }) {
            for secret in SampleRun.secrets {
                let forms = [
                    secret, secret.replacingOccurrences(of: "/", with: "\\/"),
                    secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                ]
                for form in forms { #expect(!text.contains(form), "\(name) contains a form of \(secret.prefix(8))…") }
            }
            #expect(
                !text.contains("MfKQ9r8GKYqrTwjUPD8ILPZI"),
                "\(name) contains the base64 part of the signing secret"
            )
        }
        let junit = try #require(files["junit.xml"])
        #expect(junit.contains("Bearer [REDACTED: v3 API key]"))
        #expect(junit.contains("[REDACTED: signing_secret]"))
        #expect(console.contains("::error file=specs/scenarios/v3/subscriptions.json"))
    }

    @Test func countsAgreeAcrossEveryOutput() throws {
        let (directory, run, console) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Self.contents(of: directory)
        let report = JUnitReport(run, redactor: Redactor())
        // create: schema + secret.once failures; send: transport error; delete: harness error;
        // skipped: the v2 scenario and the cleanup step.
        #expect((report.tests, report.failures, report.errors, report.skipped) == (6, 2, 2, 2))
        let junit = try #require(files["junit.xml"])
        #expect(junit.contains(#"<testsuites name="conformance run-42" tests="6" failures="2" errors="2""#))
        let results = try JSONParser.parse(try #require(files["results.json"]))
        #expect(results["totals"]?["failing"] == 3)
        #expect(results["totals"]?["warnings"] == 2)
        #expect(results["gate"]?["exitCode"] == 2)
        #expect(run.verdict.exitCode == .configurationError)
        let summary = try #require(files["summary.md"])
        #expect(summary.contains("| v3 | 2 | 5 | 1 | 2 | 1 | 1 | 2 | 0 |"))
        #expect(summary.contains("| v2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"))
        #expect(summary.contains("### `response.schema` (1)"))
        #expect(summary.contains("## Enum drift"))
        #expect(summary.contains("503 → wait 200 ms (status 503) → 201"))
        #expect(console.contains("[3/3] ERR  v3 subscriptions: 1 passed, 1 failed, 1 skipped, 1 errored"))
        #expect(
            console.contains(
                "INCOMPLETE: 3 scenarios, 5 steps: 1 passed, 2 failed, 1 skipped, 1 errored; 3 failing findings"
            )
        )
    }

    @Test(.enabled(if: ExternalTool.hasXMLLint, "xmllint is not installed (apt-get install libxml2-utils)"))
    func junitOfARealRunValidatesAgainstTheSchema() throws {
        let (directory, _, _) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "reports/junit.xml")
        for schema in ExternalTool.junitSchemas {
            let result = try ExternalTool.run("xmllint", ["--noout", "--schema", schema.path, file.path])
            #expect(result.status == 0, "\(result.output.prefix(2000))")
        }
    }

    @Test(.enabled(if: ExternalTool.hasJunitparser, "python3 junitparser is not importable (pip install junitparser)"))
    func junitparserReadsTheSameCounts() throws {
        let (directory, run, _) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import sys, junitparser
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            read = (xml.tests, xml.failures, xml.errors)
            xml.update_statistics()
            print(read[0], read[1], read[2], xml.tests, xml.failures, xml.errors, xml.skipped,
                sum(1 for suite in xml for case in suite))
            """
        let result = try ExternalTool.run(
            "python3",
            ["-c", script, directory.appending(path: "reports/junit.xml").path]
        )
        #expect(result.status == 0, "\(result.output)")
        let report = JUnitReport(run, redactor: Redactor())
        let ours = [
            report.tests, report.failures, report.errors, report.tests, report.failures, report.errors,
            report.skipped, report.tests,
        ]
        #expect(
            result.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                == ours
        )
    }

    @Test(.enabled(if: ExternalTool.hasJSONSchema, "python3 jsonschema is not importable (pip install jsonschema)"))
    func resultsValidateAgainstTheirSchema() throws {
        let (directory, _, _) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import sys, json, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema)
            errors = sorted(validator.iter_errors(json.load(open(sys.argv[2]))), key=str)
            for error in errors[:5]: print(list(error.absolute_path), error.message[:300])
            sys.exit(1 if errors else 0)
            """
        let schema = ExternalTool.repositoryRoot.appending(path: "specs/results.schema.json")
        let result = try ExternalTool.run(
            "python3",
            ["-c", script, schema.path, directory.appending(path: "reports/results.json").path]
        )
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func resultsValidateWithOurOwnSchemaValidator() throws {
        let (directory, _, _) = try Self.writeAll()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaText = try String(
            contentsOf: ExternalTool.repositoryRoot.appending(path: "specs/results.schema.json"),
            encoding: .utf8
        )
        let validator = SchemaValidator(document: try JSONParser.parse(schemaText), dialect: .draft2020_12)
        let results = try JSONParser.parse(
            try Data(contentsOf: directory.appending(path: "reports/results.json")).map { $0 }
        )
        #expect(validator.validate(results, schemaAt: .root) == [])
        var broken = try #require(results.objectValue)
        broken["gate"] = ["failOn": "fatal", "strict": false, "exitCode": 1]
        #expect(!validator.validate(.object(broken), schemaAt: .root).isEmpty)
    }

    @Test func aWriteFailureNamesThePath() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appending(path: "not-a-directory")
        try Data("x".utf8).write(to: blocker)
        let options = ReportWriter.Options(gate: Gate(today: Self.today), redactor: Redactor())
        #expect {
            try ReportWriter.write(
                result: SampleRun.result,
                to: blocker.appending(path: "reports").path,
                options: options
            )
        } throws: { error in
            "\(error)".hasPrefix(blocker.appending(path: "reports").path + ": cannot create the reports directory")
        }
    }
}
