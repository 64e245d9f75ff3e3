import Testing

@testable import conformance

struct ConformanceCLITests {
    @Test(arguments: ["--help", "-h", "help"])
    func printsToolHelp(flag: String) async {
        let result = await runConformance([flag])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("USAGE: conformance <command> [options]"))
        for command in CommandRegistry.commands { #expect(result.stdout.contains("  \(command.name) ")) }
    }

    @Test func withoutArgumentsPrintsUsageToStandardErrorAndFails() async {
        let result = await runConformance([])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("USAGE:"))
    }

    @Test func unknownCommandNamesItAndTheKnownOnes() async {
        let result = await runConformance(["lint"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: unknown command 'lint'; known commands: lint-specs, validate"))
        #expect(result.stderr.hasSuffix("Run 'conformance --help' for usage.\n"))
    }

    @Test(arguments: CommandRegistry.commands.map(\.name))
    func everyCommandHasHelp(name: String) async {
        let result = await runConformance([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("USAGE: conformance \(name) "))
        #expect(result.stdout.contains("-h, --help"))
    }

    @Test func badFlagExitsTwoAndSuggestsHelp() async {
        let result = await runConformance(["lint-specs", "--spec-dir", "x"])
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: unknown option '--spec-dir' for 'lint-specs'\n"
                + "Run 'conformance lint-specs --help' for usage.\n"
        )
    }
}
