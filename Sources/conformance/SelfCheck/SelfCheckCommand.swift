import ContractKit
import Foundation
import LinqSandbox

/// `conformance selfcheck`: proves the suite catches every fault the sandbox can act out, and
/// reports nothing against the clean sandbox; exit 0 only at 100 % detection and no false positive.
struct SelfCheckCommand: ConformanceCommand {
    let name = "selfcheck"
    let summary = "Run the suite against the sandbox in every fault profile and score how many faults it detects."
    let synopsis = "[--fault NAME]... [--reports DIR] [--parallel N]"
    let options =
        [
            OptionSpec(
                name: "fault",
                valueName: "NAME",
                help: "Check only fault NAME (default: every fault; see 'sandbox --list-faults').",
                isRepeatable: true
            ),
            OptionSpec(
                name: "reports",
                valueName: "DIR",
                help: "Write selfcheck.md and selfcheck-junit.xml here (default reports)."
            ),
            OptionSpec(name: "parallel", valueName: "N", help: "Sandboxes run at once (default \(SelfCheck.defaultParallel))."),
            OptionSpec(name: "scenarios", valueName: "DIR", help: "Scenario directory (default: SPECS/scenarios)."),
        ] + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        let parallel = try parallelism(arguments)
        let faults: [SandboxFault]
        do {
            let chosen = try SandboxFault.parseList(arguments.values("fault").joined(separator: ","))
            faults = chosen.isEmpty ? SandboxFault.allCases : SandboxFault.allCases.filter(chosen.contains)
        } catch {
            throw UsageError(message: error.description, command: name)
        }
        let specs = context.resolvePath(SpecSelection(arguments).directory)
        let inputs: SuiteInputs
        do {
            inputs = try SuiteInputs.load(
                specsDirectory: specs,
                scenariosDirectory: context.resolvePath(arguments.value("scenarios") ?? specs + "/scenarios")
            )
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        let check = SelfCheck(inputs: inputs, specsDirectory: specs, parallel: parallel)
        let report = await check.run(faults: faults) { outcome, finished, total in
            context.output.print(
                "[\(finished)/\(total)] \(outcome.isPassed ? "ok  " : "MISS") \(outcome.name): \(outcome.verdictText)"
            )
        }
        let redactor = Redactor(environment: context.environment)
        context.output.print("\n" + redactor.redact(report.consoleText))
        let reports = context.resolvePath(arguments.value("reports") ?? "reports")
        do {
            try report.write(to: reports, redactor: redactor)
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        return report.exitCode.rawValue
    }

    private func parallelism(_ arguments: CommandLineArguments) throws(UsageError) -> Int {
        guard let text = arguments.value("parallel") else { return SelfCheck.defaultParallel }
        guard let value = Int(text), (1...64).contains(value) else {
            throw UsageError(message: "--parallel must be a whole number from 1 to 64, not '\(text)'", command: name)
        }
        return value
    }
}
