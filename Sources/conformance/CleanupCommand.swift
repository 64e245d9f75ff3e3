import ContractKit
import Foundation

/// `conformance cleanup --run-id ID`: deletes the subscriptions a crashed run left on a deployment.
struct CleanupCommand: ConformanceCommand {
    let name = "cleanup"
    let summary = "Delete the webhook subscriptions a crashed run (--run-id ID) left on a deployment."
    let synopsis = "--run-id ID (--v3-base-url URL | --v2-base-url URL) [--only v2|v3]"
    let options =
        RunCommand.configurationOptions.filter {
            ["run-id", "v3-base-url", "v2-base-url", "only", "timeout", "rate", "max-requests"].contains($0.name)
        } + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        guard let runID = arguments.value("run-id") else {
            throw UsageError(
                message: "missing --run-id ID (printed on the last line of the crashed run)",
                command: name
            )
        }
        let configuration: RunConfiguration
        do {
            configuration = try RunConfiguration.parse(
                RunCommand.configurationArguments(arguments),
                environment: context.environment
            )
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        guard configuration.target != .sandbox else {
            throw UsageError(
                message: "cleanup sweeps a deployment; pass --v3-base-url/--v2-base-url "
                    + "or set LINQ_V3_BASE_URL/LINQ_V2_BASE_URL",
                command: name
            )
        }
        let specs = context.resolvePath(SpecSelection(arguments).directory)
        let steps: [StepResult]
        do throws(RunSetupError) {
            let inputs = try SuiteInputs.load(specsDirectory: specs, scenariosDirectory: nil)
            let target = try RunTarget.start(configuration, specsDirectory: specs)
            let runner = ConformanceRun(configuration: configuration, inputs: inputs, target: target).scenarioRunner()
            let listings = [LeftoverSweeper.Listing.v3, .v2].filter { configuration.versions.contains($0.version) }
            do {
                steps = try await LeftoverSweeper(runner: runner).sweep(runID: runID, listings: listings)
            } catch {
                throw .harness(error)
            }
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        var status: Int32 = 0
        for step in steps {
            let code = step.response.map { String($0.status) } ?? "no response"
            context.output.print("\(step.name): \(code)")
            if step.status != .passed { status = 1 }
        }
        let deleted = steps.count { $0.name.hasPrefix("cleanup: DELETE") && $0.status == .passed }
        context.output.print("\(deleted) leftover subscriptions of run \(runID) deleted")
        return status
    }
}
