import ContractKit
import Foundation

/// What a run reads from disk before sending anything: both specs, the error-code table and the
/// scenarios, each checked so that a bad file stops the run with its name (exit status 2).
struct SuiteInputs: Sendable {
    var specs: [APIVersion: OpenAPIDocument]
    var codes: ErrorCodeTable
    var scenarios: [Scenario]
    /// SHA-256 (hex) of each spec file, for the reports.
    var specHashes: [APIVersion: String]

    /// Loads `specsDirectory/{v2,v3}/openapi.json`, `specsDirectory/errors.json` and the scenarios
    /// under `scenariosDirectory` (none when `nil`).
    static func load(specsDirectory: String, scenariosDirectory: String?) throws(RunSetupError) -> SuiteInputs {
        var specs: [APIVersion: OpenAPIDocument] = [:]
        var hashes: [APIVersion: String] = [:]
        for version in APIVersion.allCases {
            let path = "\(specsDirectory)/\(version.rawValue)/openapi.json"
            do {
                specs[version] = try OpenAPIDocument.load(from: path)
            } catch {
                throw .spec(error)
            }
            hashes[version] = FileManager.default.contents(atPath: path).map { Hex.encode(SHA256.hash($0)) }
        }
        let codes: ErrorCodeTable
        do {
            codes = try ErrorCodeTable.load(from: "\(specsDirectory)/errors.json")
        } catch {
            throw .errorCodes(error)
        }
        guard let directory = scenariosDirectory else {
            return SuiteInputs(specs: specs, codes: codes, scenarios: [], specHashes: hashes)
        }
        let loader = ScenarioLoader(specs: specs.mapValues { $0 as any OperationLookup })
        guard FileManager.default.fileExists(atPath: directory) else {
            throw .harness(
                HarnessError(
                    .invalidScenario,
                    "no scenarios directory at \(directory)",
                    at: .init(field: "--scenarios"),
                    hint: "run from the repository root or pass --scenarios DIR"
                )
            )
        }
        do {
            let scenarios = try loader.load(directory: directory)
            return SuiteInputs(specs: specs, codes: codes, scenarios: scenarios, specHashes: hashes)
        } catch {
            throw .harness(error)
        }
    }

    /// The checks every response of the run goes through.
    var checks: [any ResponseCheck] {
        ContractChecks.standard(specs: specs, codes: codes)
    }
}
