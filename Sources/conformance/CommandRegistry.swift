/// The subcommands `conformance` knows, in the order `--help` lists them.
enum CommandRegistry {
    static let commands: [any ConformanceCommand] = [
        RunCommand(),
        SandboxCommand(),
        CleanupCommand(),
        LintSpecsCommand(),
        ValidateCommand(),
        DiffCommand(),
        DiffSpecsCommand(),
        SelfCheckCommand(),
        MergeReportsCommand(),
    ]

    static func command(named name: String) -> (any ConformanceCommand)? {
        commands.first { $0.name == name }
    }
}
