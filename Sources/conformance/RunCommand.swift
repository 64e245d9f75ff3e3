import ContractKit
import Foundation
import LinqSandbox

/// `conformance run` (and `conformance` without arguments): every selected scenario of both versions
/// against the embedded sandbox or a real deployment, with the findings on the console.
struct RunCommand: ConformanceCommand {
    let name = "run"
    let summary = "Run the scenarios against the embedded sandbox (default) or a deployment; the default command."
    let synopsis = "[--target sandbox | --v3-base-url URL --v2-base-url URL] [--only v2|v3] [--tag TAG] ..."

    /// The options ``RunConfiguration`` parses, handed to it as given.
    static let configurationOptions = [
        OptionSpec(name: "target", valueName: "sandbox", help: "Run against the embedded sandbox (the default)."),
        OptionSpec(
            name: "v3-base-url",
            valueName: "URL",
            help: "v3 deployment (or LINQ_V3_BASE_URL); token from LINQ_API_V3_API_KEY."
        ),
        OptionSpec(
            name: "v2-base-url",
            valueName: "URL",
            help: "v2 deployment (or LINQ_V2_BASE_URL); token from LINQ_INTEGRATION_TOKEN."
        ),
        OptionSpec(name: "only", valueName: "v2|v3", help: "Run one version only."),
        OptionSpec(name: "tag", valueName: "TAG", help: "Run scenarios carrying TAG.", isRepeatable: true),
        OptionSpec(name: "scenario", valueName: "NAME", help: "Run the scenario named NAME.", isRepeatable: true),
        OptionSpec(name: "parallel", valueName: "N", help: "Scenarios run at once (default 4)."),
        OptionSpec(name: "shard", valueName: "K/N", help: "Run the K-th of N stable shares of the scenarios."),
        OptionSpec(
            name: "read-only",
            valueName: nil,
            help: "Run only read-only scenarios; refuse any non-GET request."
        ),
        OptionSpec(name: "max-requests", valueName: "N", help: "Never send more than N requests."),
        OptionSpec(name: "rate", valueName: "N/s", help: "Never send more than N requests per second."),
        OptionSpec(name: "run-id", valueName: "ID", help: "Name created resources with ID (default: generated)."),
        OptionSpec(name: "timeout", valueName: "SECONDS", help: "Per-request timeout (default 30)."),
        OptionSpec(
            name: "receiver-port",
            valueName: "PORT",
            help: "Local port of the webhook receiver (default: any free port)."
        ),
        OptionSpec(
            name: "receiver-public-url",
            valueName: "URL",
            help: "Public HTTPS URL of a tunnel to the receiver, for webhooks from a real API."
        ),
    ]

    let options =
        configurationOptions + [
            OptionSpec(
                name: "sandbox-fault",
                valueName: "NAME",
                help: "Start the sandbox with fault NAME (see 'sandbox --list-faults').",
                isRepeatable: true
            ),
            OptionSpec(name: "scenarios", valueName: "DIR", help: "Scenario directory (default: SPECS/scenarios)."),
            OptionSpec(
                name: "reports",
                valueName: "DIR",
                help: "Write junit.xml, results.json, summary.md here (default reports)."
            ),
            OptionSpec(name: "quiet", valueName: nil, help: "Print only the final line."),
        ] + RunGate.options + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        let specs = context.resolvePath(SpecSelection(arguments).directory)
        guard let options = try RunOptions.parse(arguments, specsDirectory: specs, context: context, command: name)
        else { return 2 }
        let (configuration, faults, gate) = (options.configuration, options.faults, options.gate)
        let redactor = Redactor(environment: context.environment)
        let console = ConsoleReporter(
            output: CommandReportOutput(output: context.output),
            environment: context.environment,
            isQuiet: arguments.has("quiet"),
            redactor: redactor,
            gate: gate
        )
        let started = ContinuousClock.now
        let result: RunResult
        let migration: MigrationReporting?
        do throws(RunSetupError) {
            let scenarios = context.resolvePath(arguments.value("scenarios") ?? specs + "/scenarios")
            let inputs = try SuiteInputs.load(specsDirectory: specs, scenariosDirectory: scenarios)
            migration =
                FileManager.default.fileExists(atPath: specs + "/mapping/v2-to-v3.json")
                ? try MigrationReporting.load(inputs: inputs, specsDirectory: specs, scenariosDirectory: scenarios)
                : nil
            result = try await ConformanceRun.perform(
                configuration,
                inputs: inputs,
                specsDirectory: specs,
                faults: faults,
                environment: context.environment,
                handlesInterrupts: true
            ) { scenario, finished, total in
                console.scenarioFinished(scenario, index: finished, total: total, elapsed: .now - started)
            }
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        let reports = context.resolvePath(arguments.value("reports") ?? "reports")
        let assessed: AssessedRun
        do {
            assessed = try ReportWriter.write(
                result: result,
                to: reports,
                options: .init(
                    gate: gate,
                    redactor: redactor,
                    environment: context.environment,
                    annotationOutput: CommandReportOutput(output: context.output)
                )
            )
            // The paired scenarios ran as part of the suite: their results give the migration report for free.
            if let migration, migration.isCovered(by: result) {
                try MigrationReporting.write(
                    migration.report(result: result, gate: gate), to: reports, redactor: redactor)
            }
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        console.runFinished(assessed)
        return assessed.verdict.exitCode.rawValue
    }

    /// The flags ``RunConfiguration/parse(_:environment:)`` understands, rebuilt from the split command line.
    static func configurationArguments(_ arguments: CommandLineArguments) -> [String] {
        configurationOptions.flatMap { option in
            arguments.values(option.name).flatMap { value in
                option.valueName == nil ? ["--\(option.name)"] : ["--\(option.name)=\(value)"]
            }
        }
    }
}
