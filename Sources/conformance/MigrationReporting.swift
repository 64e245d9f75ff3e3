import ContractKit
import Foundation

/// The migration report of a run: the mapping and the paired scenarios, loaded next to the run's
/// inputs, turned into `migration.md`, `migration.json` and `migration-junit.xml` from the run's results.
///
/// Shared by `conformance diff` and `conformance run`, which reuses the results of the paired
/// scenarios it ran anyway instead of sending their requests again.
struct MigrationReporting: Sendable {
    static let markdownFile = "migration.md"
    static let jsonFile = "migration.json"
    /// A file of its own, so that `diff` never overwrites the run's `junit.xml` and CI can gate them apart.
    static let junitFile = "migration-junit.xml"

    var mapping: Mapping
    var paired: [PairedScenario]
    var v2: OpenAPIDocument
    var v3: OpenAPIDocument

    /// Loads `SPECS/mapping/v2-to-v3.json` against the run's specs and `SCENARIOS/paired/*.json`
    /// against the run's scenarios.
    static func load(inputs: SuiteInputs, specsDirectory: String, scenariosDirectory: String)
        throws(RunSetupError) -> MigrationReporting
    {
        guard let v2 = inputs.specs[.v2], let v3 = inputs.specs[.v3] else {
            throw .mapping(MappingLoadError([.fileNotFound(file: specsDirectory + "/v2|v3/openapi.json")]))
        }
        let mapping: Mapping
        do {
            mapping = try MappingLoader.load(from: specsDirectory + "/mapping/v2-to-v3.json", v2: v2, v3: v3)
        } catch {
            throw .mapping(error)
        }
        do {
            let paired = try PairedScenarioLoader(scenarios: inputs.scenarios, mapping: mapping)
                .load(directory: scenariosDirectory + "/paired")
            return MigrationReporting(mapping: mapping, paired: paired, v2: v2, v3: v3)
        } catch {
            throw .paired(error)
        }
    }

    /// Whether `scenario` is one the paired scenarios read.
    func isPaired(_ scenario: Scenario) -> Bool {
        paired.contains { $0.scenarioNames.contains { $0.version == scenario.version && $0.name == scenario.name } }
    }

    /// Whether `result` holds every scenario the pairs read, so the report can be built from it.
    func isCovered(by result: RunResult) -> Bool {
        !paired.isEmpty
            && paired.allSatisfy { pair in
                pair.scenarioNames.allSatisfy { name in
                    result.scenarios.contains { $0.version == name.version && $0.name == name.name }
                }
            }
    }

    /// The static diff completed with the live parity of `result`.
    func report(result: RunResult, gate: Gate) -> MigrationReport {
        let diff = PairedDiff(mapping: mapping, pairedScenarios: paired, gate: gate)
        return diff.apply(diff.outcomes(of: result), to: SpecDiff.migration(v2: v2, v3: v3, mapping: mapping))
    }

    /// Writes the three migration files into `directory`, every text through `redactor`.
    static func write(_ report: MigrationReport, to directory: String, redactor: Redactor) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
        let junit = JUnitXMLWriter(redactor: redactor)
            .render(JUnitReport(name: "migration", suites: report.junitSuites))
        let files = [
            (markdownFile, redactor.redact(MigrationMarkdownRenderer().render(report))),
            (jsonFile, redactor.redact(MigrationJSONRenderer().render(report))),
            (junitFile, junit),
        ]
        for (name, text) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: URL(filePath: path), options: .atomic)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// The console lines: the parity figures and each operation that differs.
    static func summary(_ report: MigrationReport, reports directory: String) -> [String] {
        let parity = report.parity
        let ofMapped = parity.percentageOfMapped.map { String(format: "%.1f%%", $0) } ?? "n/a"
        let ofRun = parity.percentageOfRun.map { String(format: "%.1f%%", $0) } ?? "n/a"
        var lines = report.operations.compactMap { entry -> String? in
            guard case .differs(let details) = entry.parity else { return nil }
            return "differs: \(entry.v2.operationId): \(details.joined(separator: "; "))"
        }
        lines.append(
            "migration parity \(ofMapped) (\(parity.matched) of \(parity.mapped) mapped; "
                + "\(ofRun) of \(parity.run) run) → \(directory)/\(markdownFile)")
        return lines
    }
}
