import Testing

@testable import conformance

struct CommandLineArgumentsTests {
    static let specs = [
        OptionSpec(name: "spec", valueName: "v2|v3", help: ""),
        OptionSpec(name: "tag", valueName: "TAG", help: "", isRepeatable: true),
        OptionSpec(name: "verbose", valueName: nil, help: ""),
    ]

    func parse(_ arguments: [String]) throws(UsageError) -> CommandLineArguments {
        try CommandLineArguments(parsing: arguments, specs: CommandLineArgumentsTests.specs, command: "test")
    }

    @Test func acceptsSeparateAndInlineValuesFlagsAndPositionals() throws {
        let parsed = try parse(["a.json", "--spec", "v3", "--tag=x", "--verbose", "--tag", "y=z", "b.json"])
        #expect(parsed.value("spec") == "v3")
        #expect(parsed.values("tag") == ["x", "y=z"])
        #expect(parsed.has("verbose"))
        #expect(!parsed.wantsHelp)
        #expect(parsed.positionals == ["a.json", "b.json"])
    }

    @Test func treatsEverythingAfterDoubleDashAsPositional() throws {
        let parsed = try parse(["--spec=", "--", "--verbose", "-h"])
        #expect(parsed.value("spec") == "")
        #expect(parsed.positionals == ["--verbose", "-h"])
        #expect(!parsed.has("verbose"))
    }

    @Test(arguments: ["--help", "-h"])
    func recognisesHelpAnywhere(flag: String) throws {
        #expect(try parse(["x", flag]).wantsHelp)
    }

    @Test(arguments: [
        (["--nope"], "unknown option '--nope' for 'test'"),
        (["-v"], "unknown option '-v' for 'test'"),
        (["--spec"], "option '--spec' needs a value (v2|v3)"),
        (["--spec", "--verbose"], "option '--spec' needs a value (v2|v3)"),
        (["--spec", "v2", "--spec=v3"], "option '--spec' given more than once"),
        (["--verbose=yes"], "option '--verbose' takes no value"),
    ])
    func rejectsBadCommandLines(arguments: [String], message: String) {
        #expect(throws: UsageError(message: message, command: "test")) { try parse(arguments) }
    }

    @Test func usageErrorsPointAtTheCommandsHelp() {
        #expect(
            UsageError(message: "bad", command: "validate").description
                == "error: bad\nRun 'conformance validate --help' for usage."
        )
        #expect(
            UsageError(message: "bad", command: nil).description == "error: bad\nRun 'conformance --help' for usage."
        )
    }
}
