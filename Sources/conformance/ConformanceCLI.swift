import Foundation

/// The `conformance` tool's entry point, separated from `main.swift` so tests can run it in-process.
enum ConformanceCLI {
    static var usage: String {
        let width = (CommandRegistry.commands.map(\.name.count).max() ?? 0) + 2
        let commands = CommandRegistry.commands.map {
            "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary
        }
        return
            ([
                "USAGE: conformance [<command> [options]]", "",
                "The Linq v2/v3 contract-testing and conformance suite.",
                "", "COMMANDS:",
            ] + commands + [
                "", "Without a command: 'run' with its defaults (both versions, every scenario, embedded sandbox).",
                "Run 'conformance <command> --help' for a command's options.",
                "", "EXIT STATUS: 0 passed, 1 contract failures, 2 usage, configuration or spec error.",
            ]).joined(separator: "\n")
    }

    /// Runs the tool with `arguments` (without the program name) and returns the exit status.
    static func run(
        arguments: [String],
        environment: [String: String],
        currentDirectory: String,
        output: CommandOutput
    ) async -> Int32 {
        let first = arguments.first ?? ""
        if first == "--help" || first == "-h" || first == "help" {
            output.print(usage)
            return 0
        }
        // No command, or options only: `run` is the default command.
        if first.isEmpty || first.hasPrefix("-") {
            return await run(
                arguments: ["run"] + arguments,
                environment: environment,
                currentDirectory: currentDirectory,
                output: output
            )
        }
        guard let command = CommandRegistry.command(named: first) else {
            let known = CommandRegistry.commands.map(\.name).joined(separator: ", ")
            output.printError(
                UsageError(message: "unknown command '\(first)'; known commands: \(known)", command: nil).description
            )
            return 2
        }
        let context = CommandContext(environment: environment, currentDirectory: currentDirectory, output: output)
        do throws(UsageError) {
            let parsed = try CommandLineArguments(
                parsing: Array(arguments.dropFirst()),
                specs: command.options,
                command: command.name
            )
            if parsed.wantsHelp {
                output.print(command.help)
                return 0
            }
            return try await command.run(parsed, context: context)
        } catch {
            output.printError(error.description)
            return 2
        }
    }
}
