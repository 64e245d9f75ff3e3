import ContractKit
import Foundation
import LinqSandbox

/// `conformance diff`: runs the paired v2/v3 scenarios against the target (the embedded sandbox by
/// default, the same target flags as `run`), adds the static v2 → v3 diff and writes the migration report.
struct DiffCommand: ConformanceCommand {
    let name = "diff"
    let summary = "Run the paired v2/v3 scenarios and write the migration report with its parity percentage."
    let synopsis = "[--target sandbox | --v3-base-url URL --v2-base-url URL] [--fail-below PERCENT] ..."

    let options =
        RunCommand.configurationOptions.filter { !["only", "tag", "scenario", "shard", "read-only"].contains($0.name) }
        + [
            OptionSpec(
                name: "sandbox-fault", valueName: "NAME",
                help: "Start the sandbox with fault NAME (see 'sandbox --list-faults').", isRepeatable: true),
            OptionSpec(name: "scenarios", valueName: "DIR", help: "Scenario directory (default: SPECS/scenarios)."),
            OptionSpec(
                name: "reports", valueName: "DIR",
                help: "Write migration.md, migration.json, migration-junit.xml here (default reports)."),
            OptionSpec(
                name: "fail-below", valueName: "PERCENT",
                help: "Exit 1 when parity (matched over all mapped) is below PERCENT."),
        ] + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        let threshold = try Self.threshold(arguments.value("fail-below"), command: name)
        let specs = context.resolvePath(SpecSelection(arguments).directory)
        guard let options = try RunOptions.parse(arguments, specsDirectory: specs, context: context, command: name)
        else { return 2 }
        let (configuration, faults, gate) = (options.configuration, options.faults, options.gate)
        let scenarios = context.resolvePath(arguments.value("scenarios") ?? specs + "/scenarios")
        let reporting: MigrationReporting
        let result: RunResult
        do throws(RunSetupError) {
            var inputs = try SuiteInputs.load(specsDirectory: specs, scenariosDirectory: scenarios)
            reporting = try MigrationReporting.load(
                inputs: inputs, specsDirectory: specs, scenariosDirectory: scenarios)
            inputs.scenarios = inputs.scenarios.filter(reporting.isPaired)
            let target = try RunTarget.start(configuration, specsDirectory: specs, faults: faults)
            defer { target.stop() }
            let run = ConformanceRun(configuration: configuration, inputs: inputs, target: target)
            let suite = run.suiteRunner(environment: context.environment)
            let signals = SignalHandler { _ in
                _ = await suite.cleanUpAfterInterruption()
                target.stop()
            }
            defer { signals.cancel() }
            result = await run.run(suite)
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        let redactor = Redactor(environment: context.environment)
        ReportWriter.learnSecrets(of: result, into: redactor)
        let report = reporting.report(result: result, gate: gate)
        let reports = arguments.value("reports") ?? "reports"
        do {
            try MigrationReporting.write(report, to: context.resolvePath(reports), redactor: redactor)
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        for line in MigrationReporting.summary(report, reports: reports) {
            context.output.print(redactor.redact(line))
        }
        guard let threshold else { return 0 }
        let parity = report.parity.percentageOfMapped ?? 0
        if parity < threshold {
            context.output.print(String(format: "parity %.1f%% is below --fail-below %g%%", parity, threshold))
            return 1
        }
        return 0
    }

    /// `--fail-below`'s value: a number from 0 to 100, `%` allowed.
    static func threshold(_ text: String?, command: String) throws(UsageError) -> Double? {
        guard let text else { return nil }
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(number), (0...100).contains(value) else {
            throw UsageError(message: "--fail-below needs a percentage from 0 to 100, got '\(text)'", command: command)
        }
        return value
    }
}
