import ContractKit
import Foundation

/// Validating a large v3 `ListWebhookSubscriptionsResult` body: Swift in-process against Python's
/// `jsonschema` (Draft202012Validator, format checking on) on the same document and schema.
struct SchemaValidationBench: BenchSection {
    let name = "validation"
    var subscriptionCount = 10_000

    static let schemaPointer: JSONPointer = "/components/schemas/ListWebhookSubscriptionsResult"
    static let specCandidates = ["specs/v3/openapi.json", "shared/reference/linq/v3-openapi-2026-02.json"]

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        let specURL = try environment.locate("v3 OpenAPI spec", candidates: Self.specCandidates)
        let spec = try parse(specURL)
        let eventTypes =
            spec.value(at: "/components/schemas/WebhookEventType/enum")?.arrayValue?
            .compactMap(\.stringValue) ?? []
        guard !eventTypes.isEmpty, spec.value(at: Self.schemaPointer) != nil else {
            throw .invalidDocument(path: specURL.path, reason: "needs \(Self.schemaPointer) and WebhookEventType")
        }
        let document = WebhookSubscriptionFixture(count: subscriptionCount, eventTypes: eventTypes).document()
        let bytes = document.serialized()
        let documentURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-subscriptions-\(UUID()).json")
        do { try Data(bytes).write(to: documentURL) } catch {
            throw .io(path: documentURL.path, reason: "\(error)")
        }
        defer { try? FileManager.default.removeItem(at: documentURL) }

        let validator = SchemaValidator(document: spec, dialect: .openAPI31, assertFormats: true)
        let violations = validator.validate(document, schemaAt: Self.schemaPointer)
        var report = BenchSectionReport(title: "Schema validation")
        report.notes.append(
            "\(subscriptionCount) WebhookSubscription objects, \(bytes.count / 1024) KiB, schema "
                + "\(Self.schemaPointer) from \(specURL.path); Swift found \(violations.count) violations."
        )
        let parseAndValidate = benchmark.measure {
            let parsed = try? JSONParser.parse(bytes)
            precondition(parsed.map { validator.validate($0, schemaAt: Self.schemaPointer).count } == violations.count)
        }
        let validateOnly = benchmark.measure {
            precondition(validator.validate(document, schemaAt: Self.schemaPointer).count == violations.count)
        }
        report.rows += [
            .init(name: "Swift parse + validate", measurement: parseAndValidate),
            .init(name: "Swift validate", measurement: validateOnly),
        ]
        guard environment.runsBaseline else { return report }
        let python: PythonTimings
        do {
            python = try pythonBaseline(specURL, documentURL, benchmark, environment)
        } catch {
            report.notes.append(
                "Python jsonschema baseline skipped (`pip install jsonschema rfc3339-validator rfc3987`): \(error)"
            )
            return report
        }
        report.rows += [
            .init(name: "Python jsonschema parse + validate", measurement: python.parseAndValidate),
            .init(name: "Python jsonschema validate", measurement: python.validate),
        ]
        // Minimums too: on a shared machine the median carries other processes' load.
        report.ratios += [
            .init(
                name: "Python / Swift, parse + validate (median)",
                value: python.parseAndValidate.median / parseAndValidate.median
            ),
            .init(name: "Python / Swift, validate (median)", value: python.validate.median / validateOnly.median),
            .init(
                name: "Python / Swift, parse + validate (min)",
                value: python.parseAndValidate.min / parseAndValidate.min
            ),
            .init(name: "Python / Swift, validate (min)", value: python.validate.min / validateOnly.min),
        ]
        let speedup = python.parseAndValidate.median / parseAndValidate.median
        let count = BenchReport.grouped(Double(subscriptionCount))
        report.headlines.append(
            Headline(
                what: "Parse + validate \(count) subscriptions vs Python jsonschema",
                ours: BenchReport.format(parseAndValidate.median),
                baseline: BenchReport.format(python.parseAndValidate.median),
                speedup: speedup,
                goal: "≥ 10× faster",
                met: speedup >= 10
            )
        )
        report.notes.append(
            "Python: jsonschema \(python.version), \(python.errors) errors, format checkers: "
                + python.formats.joined(separator: ", ") + "."
        )
        return report
    }

    private func parse(_ url: URL) throws(BenchError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(try Data(contentsOf: url)))
        } catch {
            throw .invalidDocument(path: url.path, reason: "\(error)")
        }
    }

    private struct PythonTimings {
        let validate: Benchmark.Measurement
        let parseAndValidate: Benchmark.Measurement
        let errors: Int
        let formats: [String]
        let version: String
    }

    private func pythonBaseline(
        _ spec: URL,
        _ document: URL,
        _ benchmark: Benchmark,
        _ environment: BenchEnvironment
    ) throws(BenchError) -> PythonTimings {
        let output = try environment.runPython(
            script: "bench_jsonschema.py",
            arguments: [
                "--spec", spec.path, "--schema-pointer", Self.schemaPointer.description,
                "--document", document.path, "--iterations", String(benchmark.iterations),
                "--warmup", String(benchmark.warmup),
            ]
        )
        let command = "python3 Scripts/bench_jsonschema.py"
        guard let result = try? JSONParser.parse(Array(output)),
            let validate = measurement(result["validate"]),
            let parseAndValidate = measurement(result["parse_validate"])
        else {
            throw .baselineFailed(command: command, status: 0, output: String(decoding: output, as: UTF8.self))
        }
        return PythonTimings(
            validate: validate,
            parseAndValidate: parseAndValidate,
            errors: Int(result["errors"]?.numberValue?.int64Value ?? -1),
            formats: result["formats"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            version: result["version"]?.stringValue ?? "?"
        )
    }

    private func measurement(_ value: JSONValue?) -> Benchmark.Measurement? {
        guard let median = value?["median"]?.numberValue?.doubleValue,
            let min = value?["min"]?.numberValue?.doubleValue
        else { return nil }
        return Benchmark.Measurement(median: median, min: min)
    }
}
