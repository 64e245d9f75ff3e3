import ContractKit
import Foundation

/// `conformance merge-reports DIR…`: joins the `results.json` of several shards (`run --shard K/N`)
/// into one run and writes every report for it, judged by the same gate as `run`.
struct MergeReportsCommand: ConformanceCommand {
    let name = "merge-reports"
    let summary = "Merge the reports of several shards (their results.json) into one set of reports."
    let synopsis = "DIR... [--reports DIR] [--fail-on warning|error] [--strict] [--specs DIR]"
    let options =
        [
            OptionSpec(
                name: "reports",
                valueName: "DIR",
                help: "Write the merged junit.xml, results.json, summary.md here (default reports)."
            )
        ] + RunGate.options + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "name at least one shard's reports folder", command: name)
        }
        let specs = context.resolvePath(SpecSelection(arguments).directory)
        let shards = arguments.positionals.map { context.resolvePath($0) + "/results.json" }
        let output = context.resolvePath(arguments.value("reports") ?? "reports")
        do {
            let gate = try RunGate.make(arguments, specsDirectory: specs)
            let options = ReportWriter.Options(
                gate: gate,
                redactor: Redactor(environment: context.environment),
                environment: context.environment,
                annotationOutput: CommandReportOutput(output: context.output)
            )
            let assessed = try ReportMerger.mergeAndWrite(resultsFiles: shards, to: output, options: options)
            context.output.print(
                "merged \(shards.count) shards: \(assessed.result.scenarios.count) scenarios into \(output)"
            )
            return assessed.verdict.exitCode.rawValue
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
    }
}
