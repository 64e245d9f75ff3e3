import ContractKit

/// Which committed spec a command works on: `--spec v2|v3` inside `--specs DIR` (default `specs`).
struct SpecSelection: Sendable {
    static let versions = ["v2", "v3"]
    static let options = [
        OptionSpec(
            name: "specs",
            valueName: "DIR",
            help: "Directory holding v2/openapi.json and v3/openapi.json (default: specs)."
        )
    ]

    let directory: String

    init(_ arguments: CommandLineArguments) {
        directory = arguments.value("specs") ?? "specs"
    }

    /// The path as the user would write it, for messages: `specs/v3/openapi.json`.
    func displayPath(version: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + version + "/openapi.json"
    }

    func load(version: String, context: CommandContext) throws(SpecError) -> OpenAPIDocument {
        try OpenAPIDocument.load(from: context.resolvePath(displayPath(version: version)))
    }
}
