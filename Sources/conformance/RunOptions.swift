import ContractKit
import LinqSandbox

/// The run flags `run` and `diff` share — target and selection, sandbox faults, and the gate —
/// parsed and checked together.
struct RunOptions {
    var configuration: RunConfiguration
    var faults: Set<SandboxFault>
    var gate: Gate

    /// The options, or `nil` after printing why they are unusable (the command then exits 2).
    static func parse(
        _ arguments: CommandLineArguments,
        specsDirectory: String,
        context: CommandContext,
        command: String
    ) throws(UsageError) -> RunOptions? {
        let options: RunOptions
        do {
            options = RunOptions(
                configuration: try RunConfiguration.parse(
                    RunCommand.configurationArguments(arguments), environment: context.environment),
                faults: try SandboxFault.parseList(arguments.values("sandbox-fault").joined(separator: ",")),
                gate: try RunGate.make(arguments, specsDirectory: specsDirectory)
            )
        } catch {
            context.output.printError("error: \(error)")
            return nil
        }
        if !options.faults.isEmpty, options.configuration.target != .sandbox {
            throw UsageError(message: "--sandbox-fault applies only to the sandbox target", command: command)
        }
        return options
    }
}
