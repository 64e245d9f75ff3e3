import Foundation
import Testing

@testable import conformance

struct ConformanceCLITests {
    @Test(arguments: ["--help", "-h", "help"])
    func printsToolHelp(flag: String) async {
        let result = await runConformance([flag])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("USAGE: conformance [<command> [options]]"))
        for command in CommandRegistry.commands { #expect(result.stdout.contains("  \(command.name) ")) }
    }

    @Test func withoutArgumentsRunsTheWholeSuiteAgainstTheSandboxAndPasses() async {
        let result = await runConformance([])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.dropLast().allSatisfy { $0.contains("] PASS v2 ") || $0.contains("] PASS v3 ") })
        #expect(lines.last?.hasPrefix("PASSED: ") == true)
        #expect(
            lines.last?.hasSuffix(" 0 failed, 0 skipped, 0 errored; 0 failing findings, 0 allowed (exit 0)") == true
        )
        for file in ["junit.xml", "results.json", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: packageRoot + "/reports/" + file))
        }
    }

    @Test func unknownCommandNamesItAndTheKnownOnes() async {
        let result = await runConformance(["lint"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: unknown command 'lint'; known commands: run, sandbox, cleanup, lint-specs, validate"
            )
        )
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
